package io.parley.nlu.entity;

import static io.parley.nlu.entity.Fixtures.extract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceExtractorTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      买入600519 100股 限价1800                 | 1800
      招行加仓3手 价格35.6                       | 35.6
      300750买两手 挂182.5                      | 182.5
      sh600036 买800股 36块                     | 36
      帮我买3000股农行 限价5块                    | 5
      上汽集团买1000股 14.8元                    | 14.8
      卖出紫金矿业601899 三千股 16块8              | 16.8
      买入工商银行601398 一万股 5块3               | 5.3
      买五手招行 挂三十五块二                      | 35.2
      卖出洋河股份002304 100股 限价九十八块五        | 98.5
      我要买入五糧液000858 三百股 限價一百三十        | 130
      我想买入一百股中国平安，价格四十五块五毛         | 45.5
      买三块二的京东方 一万股                       | 3.2
      以18.5元的价格买入1000股招行                 | 18.5
      幫我買返兩手騰訊 350蚊                       | 350
      友邦01299 買1000股 七十八蚊半                 | 78.5
      買兩手建行00939 5蚊6                         | 5.6
      吉利汽車00175 買4000股 15蚊2                  | 15.2
      平安02318 沽一千股 四十二蚊                    | 42
      沽500股港鐵 十二蚊                            | 12
      港股平安 沽500股 @ 45.5                       | 45.5
      00700 買兩手 @368.4                          | 368.4
      pls buy 1000 shares of 0700.HK at 365       | 365
      buy 5 lots 300750 limit 183.2               | 183.2
      buy 500 shares of Tencent (0700) at HK$350  | 350
      sell 200 shares @ $175.50 AAPL              | 175.5
      buy 400 shares of geely at 17 hkd           | 17
      港股腾讯买200股 380                           | 380
      601318 补仓1000股 45.2                       | 45.2
      add 300 shares of 601012 at 19.8            | 19.8
      i'd like to sell 1,200 shares of 601398 at 5.35 | 5.35
      买入茅台 数量: 200 价格: 1,688.5              | 1688.5
      帮我买点腾讯，二百股，三百八                    | 380
      三百八买两手腾讯                               | 380
      我想在20块的时候买入2000股中国石油              | 20
      买入茅台一手，价格：一千七百元五角               | 1700.5
      买茅台 100股 ¥1700                            | 1700
      buy 0700 HKD350 100 shares                  | 350
      """)
  void limitPrices(String text, String price) {
    Entities e = extract(text);
    assertEquals(0, new BigDecimal(price).compareTo(e.price()), () -> "price of " + text + ": " + e.price());
    assertEquals("limit", e.priceType());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      卖出000001 五百股 市价
      宁德时代卖掉一千二百股 按市价
      買返騰訊 200股 市價
      sell 2 lots of 00700 at market
      can u buy 2 lots of xiaomi 01810 at mkt
      sell 3 lots of 300059 market price
      buy amzn 8 shares market order
      帮我卖出sz300124汇川技术 四百股 按市价成交
      """)
  void marketOrders(String text) {
    Entities e = extract(text);
    assertEquals("market", e.priceType());
    assertNull(e.price());
  }

  @org.junit.jupiter.api.Test
  void aPriceRangeIsNeverAQuantity() {
    Entities e = extract("帮我把茅台卖了，价格1700-1710之间");
    assertEquals(0, new BigDecimal("1700").compareTo(e.price()));
    assertNull(e.quantityShares());
  }

  @org.junit.jupiter.api.Test
  void anAmountOfMoneyIsNoPrice() {
    assertNull(extract("帮我买五千块的茅台").price());
    assertNull(extract("想买东方财富，大概一万块钱").price());
  }

  @org.junit.jupiter.api.Test
  void aCountAfterAPriceWordIsNoPrice() {
    // 挂一个单: "one" order, and the price is the 12.35 written later
    assertEquals(0, new BigDecimal("12.35").compareTo(extract("帮我挂一个 12.35 的买单，中信银行 3000 股").price()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      帮我买点茅台
      明天9:30开盘帮我买宁德时代 100股
      2024年买的兴业银行今天全卖了
      用10%的仓位买入茅台
      买五千块的茅台
      我手机号13912345678，帮我卖掉格力 400股
      资金账号 12345678 卖出 500股 茅台
      sell 100 shares of tencent at 9:35 am
      buy 100 shares of 600519 on 2024-05-01
      """)
  void noPriceWhenNoneIsGiven(String text) {
    Entities e = extract(text);
    assertNull(e.price(), () -> "price of " + text + ": " + e.price());
    assertNull(e.priceType());
  }
}
