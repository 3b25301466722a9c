package io.parley.nlu.entity;

import static io.parley.nlu.entity.Fixtures.extract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstrumentExtractorTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      买入600519 100股 限价1800                  | 600519
      sh600519 买一手                             | 600519
      卖出SZ000001 三千股                          | 000001
      600519.SH 卖出200股                         | 600519
      帮我买 300750.sz 两手                        | 300750
      688981 买200股 挂48.8                       | 688981
      幫我買 0700.HK 一手                          | 00700
      700.HK sell 100                            | 00700
      HK00700 沽晒                                | 00700
      hk.09988 买100股                            | 09988
      汇丰0005.HK 买400股                          | 00005
      get rid of all my 0700 at 380              | 00700
      幫手落張單 買小米1810 2000股 市價              | 01810
      港股 9988 買一手                              | 09988
      buy AAPL 10 shares                         | AAPL
      buy $nvda 5 shares at market               | NVDA
      sell 50 aapl limit 195.5                   | AAPL
      buy brk.b 3 shares                         | BRK.B
      buy 10 shares of V at market               | V
      sell 3 lots 9988 at 80                     | 09988
      幫我賣出 2318 平安 1000 股                   | 02318
      腾讯 700 买 100 股                          | 00700
      腾讯(00700) 买入100股                        | 00700
      """)
  void codesByPatternAndMarket(String text, String code) {
    assertEquals(code, extract(text).instrument());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      帮我买点茅台                                  | 600519
      麻烦帮我买入贵州茅台两手                        | 600519
      買入貴州茅台 一手                              | 600519
      沽晒小米                                     | 01810
      幫我買返兩手騰訊 350蚊                          | 00700
      鹅厂买两手                                   | 00700
      买五手招行 挂三十五块二                         | 600036
      平安加仓 500股                                | 601318
      平安银行全部抛了                              | 000001
      宁王补仓200股                                 | 300750
      buy 300 shares of kweichow moutai at 1690   | 600519
      close out my CATL position                  | 300750
      sell 500 Ping An @ 44.8                     | 601318
      sell my entire xiaomi holding               | 01810
      buy some meituan                            | 03690
      幫我沽中移動 500股                             | 600941
      沽晒比亞迪股份                                | 01211
      入兩手匯控                                    | 00005
      buy 2 lots of hkex                          | 00388
      买比亚迪电子 500股                             | 00285
      幫我買一手滙豐                                 | 00005
      buy 100 shares of Apple Inc. at 190         | AAPL
      """)
  void namesByDictionaryLongestFirst(String text, String code) {
    assertEquals(code, extract(text).instrument());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      港股平安 沽500股 @ 45.5                       | 02318
      中国平安 买入1000股                            | 601318
      帮我买入中国平安H股 2手                        | 02318
      please buy 500 shares of ping an hk at 42   | 02318
      sell 1000 shares of ping an h shares        | 02318
      比亚迪 买100股                                | 002594
      港股比亚迪 沽500股                             | 01211
      港股通买招行 1000股                            | 03968
      工商银行 卖出5000股                            | 601398
      香港嘅工商銀行 買兩手                           | 01398
      买入阿里巴巴 100股                             | 09988
      美股阿里巴巴 买50股                            | BABA
      中國平安02318 沽一千股                          | 02318
      sell ping an 601318 500 shares              | 601318
      buy 200 shares of China Merchants Bank H at 40 | 03968
      buy 1 lot BYD at 280 HK                     | 01211
      sell 1000 CCB at 6.5                        | 601939
      """)
  void dualListedCompaniesResolveToTheAShareUnlessHongKongIsSaid(String text, String code) {
    assertEquals(code, extract(text).instrument());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      买入100000股
      请问2024年分红什么时候到账
      我的电话是13812345678
      订单号 600519 的状态
      我想买股票
      what is the cost of a trade
      how long does settlement take
      buy ma 5 shares
      """)
  void nothingThatIsNotAnInstrument(String text) {
    assertNull(extract(text).instrument());
  }
}
