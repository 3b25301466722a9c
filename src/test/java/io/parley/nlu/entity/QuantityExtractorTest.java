package io.parley.nlu.entity;

import static io.parley.nlu.entity.Fixtures.extract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityExtractorTest {

  @ParameterizedTest(name = "{0} -> {1} shares, {2} lots")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      买入600519 100股 限价1800                | 100   | -
      卖出000001 五百股 市价                    | 500   | -
      宁德时代卖掉一千二百股 按市价               | 1200  | -
      买入工商银行601398 一万股 5块3             | 10000 | -
      卖三千五百股紫金矿业                       | 3500  | -
      买进 2.5万股 工行                         | 25000 | -
      buy 1,000 shares of china merchants bank | 1000  | -
      sell 10k shares of 601288 at market      | 10000 | -
      buy aapl 20 sh at market                 | 20    | -
      sell 400 sh 000001 limit 12.5            | 400   | -
      买五手招行 挂三十五块二                    | 500   | 5
      300750买两手 挂182.5                      | 200   | 2
      buy sh600519 one lot at 1712             | 100   | 1
      sell 2 lots of 00700 at market           | 200   | 2
      幫我買返兩手騰訊 350蚊                     | 200   | 2
      買兩手建行00939 5蚊6                       | 2000  | 2
      沽兩手快手01024 市價                       | 200   | 2
      sell two lots of hkex at 335             | 200   | 2
      幫我沽800股匯豐 70蚊                       | 800   | -
      買兩萬五千股工行                            | 25000 | -
      buy a hundred shares of tsla              | 100   | -
      sell 1.5k shares of 601398                | 1500  | -
      买入AAPL，数量15，价格190                   | 15    | -
      buy tsla qty: 30 price: 250               | 30    | -
      Could you buy 3 board lots of HKEX at 330? | 300  | 3
      """)
  void sharesAndLots(String text, Long shares, Long lots) {
    Entities e = extract(text);
    assertEquals(shares, e.quantityShares());
    assertEquals(lots, e.quantityLots());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      比亚迪002594 我有400股 先卖200 限价245      | 200
      騰訊沽返一半 我有400股 沽200 市價           | 200
      sell 500 ping an 601318 @ 44.8           | 500
      jd 09618 pls buy 500 at mkt              | 500
      港股腾讯买200股 380                        | 200
      Buy Tencent 300 @ 350                    | 300
      sell half my hsbc, 800 shares, limit 64  | 800
      """)
  void unmarkedNumbersNextToTheSideAreQuantities(String text, long shares) {
    assertEquals(shares, extract(text).quantityShares());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      沽晒小米
      sell all my tencent
      帮我把中国平安清仓
      海康威视002415 立刻全部卖出 市价
      get rid of all my 0700 at 380 or better
      把持有的万华化学卖出一半
      """)
  void wholePositionGivesNoQuantity(String text) {
    assertNull(extract(text).quantityShares());
    assertNull(extract(text).quantityLots());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      2024年买的茅台 卖出100股                        | 100
      明天9:30开盘帮我买宁德时代 100股                  | 100
      十点半帮我买两手腾讯                             | 200
      我手机13912345678，帮我卖掉格力 400股             | 400
      我電話係 91234567，幫我買兩手騰訊                  | 200
      my phone is 98765432, buy 200 shares of 0005.HK | 200
      用10%的仓位买入茅台                              | -
      我的账户是 88001234，卖出茅台                     | -
      3月15日之前帮我卖出中国建筑                       | -
      我想买一百万的茅台                               | -
      科创板权限怎么开通，要50万资产吗                   | -
      """)
  void yearsTimesPhonesAndPercentagesAreNotQuantities(String text, Long shares) {
    assertEquals(shares, extract(text).quantityShares());
  }

  @Test
  void hongKongLotsWithoutAKnownBoardLotStayLots() {
    // 02800 (Tracker Fund) is not in the list: its board lot is unknown
    Entities e = extract("买入02800 3手");
    assertEquals("02800", e.instrument());
    assertNull(e.quantityShares());
    assertEquals(3L, e.quantityLots());
  }

  @Test
  void aShareLotsAreHundredSharesEvenWhenNotListed() {
    Entities e = extract("买入603000 2手");
    assertEquals(200L, e.quantityShares());
    assertEquals(2L, e.quantityLots());
  }
}
