package io.parley.nlu.entity;

import static io.parley.nlu.entity.Fixtures.extract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseIdExtractorTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      我的投诉 C-004217 处理到哪了            | C-004217
      跟進編號F-120034進度點樣                | F-120034
      what's the status of a-000981         | A-000981
      case c004217 any update?              | C-004217
      T–000123 嗰單搞掂未                    | T-000123
      U－765432 资料更新好了吗                 | U-765432
      """)
  void findsCaseNumbers(String text, String id) {
    assertEquals(id, extract(text).caseId());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      C 004217
      C-04217
      C-0042171
      X-004217
      sh600519
      ABC-123456
      """)
  void notACaseNumber(String text) {
    assertNull(extract(text).caseId());
  }

  @Test
  void aCaseNumberIsNotACode() {
    Entities e = extract("T-600519 这张单子成交了吗");
    assertEquals("T-600519", e.caseId());
    assertNull(e.instrument());
  }
}
