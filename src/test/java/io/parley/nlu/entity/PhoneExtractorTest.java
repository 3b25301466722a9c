package io.parley.nlu.entity;

import static io.parley.nlu.entity.Fixtures.extract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneExtractorTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      我的手机号是13812345678                     | 13812345678
      电话：+86 139 1234 5678 有事打我              | 13912345678
      手机 8613712345678                          | 13712345678
      联系电话 186-1234-5678                      | 18612345678
      帮我买入腾讯，电话13800138000                 | 13800138000
      我電話係 91234567，幫我買兩手騰訊              | 91234567
      call me at +852 9123 4567                  | 91234567
      my number is 852-61234567                  | 61234567
      whatsapp 6123 4567 please                  | 61234567
      office line 28881234                       | 28881234
      """)
  void findsMainlandAndHongKongNumbers(String text, String phone) {
    assertEquals(phone, extract(text).phone());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      买入600519 100股 限价1800
      卖出20000000股工行
      我的账户是 88001234，卖出 500股 茅台
      110105194912310021
      12345678901
      买入 1234 5678
      """)
  void notAPhone(String text) {
    assertNull(extract(text).phone());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      我手机13912345678，帮我卖掉格力 400股 | 400
      电话 +852 9123 4567 沽兩手騰訊       | 200
      """)
  void aPhoneNumberIsNeverTakenForAQuantity(String text, long shares) {
    Entities e = extract(text);
    assertEquals(shares, e.quantityShares());
    assertNull(e.price());
  }
}
