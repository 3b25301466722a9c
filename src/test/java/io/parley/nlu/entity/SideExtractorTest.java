package io.parley.nlu.entity;

import static io.parley.nlu.entity.Fixtures.extract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SideExtractorTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      买入600519 100股                     | buy
      帮我买点茅台                          | buy
      買入騰訊 200股                        | buy
      幫我買返兩手騰訊                       | buy
      招行加仓3手                           | buy
      补仓宁德 200股                         | buy
      建仓迈瑞医疗 100股                     | buy
      幫我入3手安踏                          | buy
      buy 600519 100 shares               | buy
      go long 2 lots of tencent           | buy
      top up 2 lots of 600036             | buy
      卖出000001 五百股                     | sell
      宁德时代卖掉一千二百股                  | sell
      賣出招商銀行 1000股                    | sell
      沽晒小米                              | sell
      幫我沽800股匯豐                        | sell
      帮我抛掉京东方 两万股                   | sell
      帮我把中国平安清仓                      | sell
      减仓隆基 800股                         | sell
      sell 2 lots of 00700 at market      | sell
      dump my tsla position               | sell
      short 100 msft                      | sell
      get rid of all my 0700              | sell
      把中芯国际的仓位减一半                  | sell
      出晒啲騰訊                            | sell
      """)
  void findsTheSide(String text, String side) {
    assertEquals(side, extract(text).side());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      把昨天买的迈瑞医疗卖了 100股        | sell
      2024年买的兴业银行今天全卖了        | sell
      不要卖腾讯了，改成买入200股          | buy
      唔好沽住，幫我買多兩手騰訊            | buy
      don't sell, buy 2 lots of tencent   | buy
      唔該幫我沽兩手小米                   | sell
      """)
  void skipsNegatedAndPastSideWords(String text, String side) {
    assertEquals(side, extract(text).side());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"我想入金五万", "收入证明怎么开", "转入资金到证券账户", "how long does settlement take",
      "请问港股通的交易时间", "my phone number changed"})
  void noSideInMessagesThatAreNotOrders(String text) {
    assertNull(extract(text).side());
  }

  @Test
  void wordsForTheWholePositionSaySo() {
    assertTrue(extract("沽晒小米").wholePosition());
    assertTrue(extract("帮我把中国平安清仓").wholePosition());
    assertTrue(extract("sell all my tencent").wholePosition());
  }
}
