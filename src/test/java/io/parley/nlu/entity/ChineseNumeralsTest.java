package io.parley.nlu.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChineseNumeralsTest {

  @Test
  void readsNumeralsAsCustomersWriteThem() {
    assertEquals(500, ChineseNumerals.parse("五百"));
    assertEquals(1200, ChineseNumerals.parse("一千二百"));
    assertEquals(1200, ChineseNumerals.parse("一千二"));
    assertEquals(3500, ChineseNumerals.parse("三千五百"));
    assertEquals(3500, ChineseNumerals.parse("三千五"));
    assertEquals(10_000, ChineseNumerals.parse("一万"));
    assertEquals(25_000, ChineseNumerals.parse("两万五"));
    assertEquals(10_005, ChineseNumerals.parse("一万零五"));
    assertEquals(2, ChineseNumerals.parse("两"));
    assertEquals(15, ChineseNumerals.parse("十五"));
    assertEquals(35, ChineseNumerals.parse("三十五"));
    assertEquals(78, ChineseNumerals.parse("七十八"));
    assertEquals(150, ChineseNumerals.parse("一百五"));
    assertEquals(105, ChineseNumerals.parse("一百零五"));
    assertEquals(1_000_000, ChineseNumerals.parse("一百万"));
    assertEquals(120_000_000, ChineseNumerals.parse("一亿两千万"));
    assertEquals(600519, ChineseNumerals.parse("六零零五一九"));
  }

  @Test
  void rejectsWhatIsNotANumber() {
    assertEquals(-1, ChineseNumerals.parse(""));
    assertEquals(-1, ChineseNumerals.parse("三五百"));
    assertEquals(-1, ChineseNumerals.parse("百"));
  }

  @Test
  void tokenizerFoldsTraditionalAndFullWidthFirst() {
    assertEquals("买两万股", TextFold.fold("買兩萬股"));
    assertEquals("600519 100股", TextFold.fold("６００５１９　１００股"));
    assertEquals("aapl", TextFold.fold("ＡＡＰＬ"));
  }
}
