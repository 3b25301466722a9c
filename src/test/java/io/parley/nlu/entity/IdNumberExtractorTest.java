package io.parley.nlu.entity;

import static io.parley.nlu.entity.Fixtures.extract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumberExtractorTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      我的身份证号是11010519491231002X                | 11010519491231002X
      身份證號碼：11010519491231002x 麻煩幫我改資料      | 11010519491231002X
      ID number 440304199003074510 please update    | 440304199003074510
      身份证 310115198506123681，手机13812345678       | 310115198506123681
      """)
  void findsValidIdNumbers(String text, String id) {
    assertEquals(id, extract(text).idNumber());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      我的身份证号是110105194912310021
      身份证 440304199003074511
      ID 31011519850612368X
      1101051949123100
      """)
  void rejectsAWrongCheckCharacter(String text) {
    Entities e = extract(text);
    assertNull(e.idNumber());
    assertNull(e.quantityShares(), "the digits are no quantity either");
    assertNull(e.phone());
  }

  @Test
  void checkCharacterIsIso7064Mod112() {
    assertTrue(IdNumberExtractor.isValid("11010519491231002X"));
    assertTrue(IdNumberExtractor.isValid("440106199208150056"));
    assertFalse(IdNumberExtractor.isValid("440106199208150057"));
    assertFalse(IdNumberExtractor.isValid("44010619920815005"));
  }
}
