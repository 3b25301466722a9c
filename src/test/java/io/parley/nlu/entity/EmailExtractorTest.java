package io.parley.nlu.entity;

import static io.parley.nlu.entity.Fixtures.extract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailExtractorTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      我的邮箱是zhang.wei@163.com，请发给我          | zhang.wei@163.com
      email: Chan.TaiMan+hk@Example.com.hk thanks | chan.taiman+hk@example.com.hk
      請寄到 peter_lee@gmail.com。                  | peter_lee@gmail.com
      新郵箱 abc-123@sub.mail.cn.                   | abc-123@sub.mail.cn
      """)
  void findsAddresses(String text, String email) {
    assertEquals(email, extract(text).email());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      港股平安 沽500股 @ 45.5
      00700 買兩手 @368.4
      sell 50 aapl@195.5
      my email is peter@localhost
      """)
  void pricesAfterAnAtSignAreNotAddresses(String text) {
    assertNull(extract(text).email());
  }

  @Test
  void nothingInsideAnAddressBecomesAnEntity() {
    Entities e = extract("email tencent600519@qq.com");
    assertEquals("tencent600519@qq.com", e.email());
    assertNull(e.instrument());
  }
}
