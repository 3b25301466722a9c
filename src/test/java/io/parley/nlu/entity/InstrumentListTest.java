package io.parley.nlu.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InstrumentListTest {

  private final InstrumentList list = Fixtures.extractor().instruments();

  @Test
  void everyRowLoadsWithAWellFormedCodeAndHongKongRowsHaveABoardLot() {
    assertFalse(list.all().isEmpty());
    for (Instrument i : list.all()) {
      assertTrue(i.market().isWellFormedCode(i.code()), i.code() + " is a well-formed " + i.market() + " code");
      if (i.market() == Market.HK) {
        assertTrue(i.boardLot() > 0, i.code() + " has a positive board lot");
        assertEquals(5, i.code().length());
      }
      if (i.market().isMainland()) {
        assertEquals(i.market(), Market.ofMainlandCode(i.code()), i.code() + " prefix matches its exchange");
        assertEquals(100, i.boardLot(), i.code() + ": A-share lots are 100 shares");
      }
      assertFalse(i.nameHans().isBlank() || i.nameHant().isBlank() || i.nameEn().isBlank(),
          i.code() + " has names in zh-Hans, zh-Hant and en");
    }
  }

  @Test
  void coversTheMarketsTheIssueAsksFor() {
    Map<Market, Long> perMarket = list.all().stream()
        .collect(Collectors.groupingBy(Instrument::market, Collectors.counting()));
    assertTrue(perMarket.get(Market.SH) + perMarket.get(Market.SZ) >= 100, "at least 100 A-shares: " + perMarket);
    assertTrue(perMarket.get(Market.HK) >= 50, "at least 50 Hong Kong stocks: " + perMarket);
    assertTrue(perMarket.get(Market.US) >= 20, "at least 20 US names: " + perMarket);
    assertTrue(list.all().stream().anyMatch(i -> i.code().startsWith("688")), "STAR market");
    assertTrue(list.all().stream().anyMatch(i -> i.code().startsWith("300")), "ChiNext");
  }

  @Test
  void knownCodesAndBoardLots() {
    Map<String, Integer> lots = Map.of("00700", 100, "00005", 400, "09988", 100, "01810", 200, "03690", 100,
        "00388", 100, "00941", 500, "01299", 200, "02318", 500, "00939", 1000);
    lots.forEach((code, lot) -> assertEquals(lot, list.byCode(code).orElseThrow().boardLot(), code));
    assertEquals(Market.SH, list.byCode("600519").orElseThrow().market());
    assertEquals(Market.US, list.byCode("AAPL").orElseThrow().market());
  }

  @Test
  void dualListedNamesResolveToTheAShareUnlessHongKongIsSaid() {
    Map<String, List<Instrument>> byFolded = new HashMap<>();
    for (Instrument i : list.all()) {
      for (String name : i.allNames()) {
        List<Instrument> l = byFolded.computeIfAbsent(InstrumentList.foldName(name), k -> new java.util.ArrayList<>());
        if (!l.contains(i)) {
          l.add(i);
        }
      }
    }
    int pairs = 0;
    for (Map.Entry<String, List<Instrument>> e : byFolded.entrySet()) {
      List<Instrument> rows = e.getValue();
      boolean hasA = rows.stream().anyMatch(i -> i.market().isMainland());
      boolean hasH = rows.stream().anyMatch(i -> i.market() == Market.HK);
      Instrument plain = list.resolveName(e.getKey(), false, false).orElseThrow();
      Instrument hk = list.resolveName(e.getKey(), true, false).orElseThrow();
      if (hasA) {
        assertTrue(plain.market().isMainland(), e.getKey() + " resolves to the A-share");
      }
      if (hasH) {
        assertEquals(Market.HK, hk.market(), e.getKey() + " resolves to Hong Kong when the message says so");
      }
      if (hasA && hasH) {
        pairs++;
      }
      if (!hasA && hasH) {
        assertEquals(Market.HK, plain.market(), e.getKey() + " exists only in Hong Kong");
      }
    }
    assertTrue(pairs >= 20, "dual-listed names: " + pairs);
    assertEquals("601318", list.resolveName("中国平安", false, false).orElseThrow().code());
    assertEquals("02318", list.resolveName("中國平安", true, false).orElseThrow().code());
    assertEquals("002594", list.resolveName("比亞迪", false, false).orElseThrow().code());
    assertEquals("01211", list.resolveName("比亚迪", true, false).orElseThrow().code());
    assertEquals("09988", list.resolveName("阿里巴巴", false, false).orElseThrow().code());
    assertEquals("BABA", list.resolveName("阿里巴巴", false, true).orElseThrow().code());
  }

  @Test
  void lookupFoldsScriptAndCase() {
    assertEquals("00700", list.byName("騰訊").get(0).code());
    assertEquals("00700", list.byName("TENCENT").get(0).code());
    assertEquals("600036", list.byName("招行").get(0).code());
    assertEquals("00005", list.byName("匯豐").get(0).code());
  }

  @Test
  void readsQuotedFieldsAsRfc4180Says() {
    String csv = "code,market,name_zh_hans,name_zh_hant,name_en,aliases,board_lot,verify\r\n"
        + "00001,HK,长和,長和,\"CK Hutchison, Holdings\",\"长江和记|\"\"CK\"\"\",500,\"checked\nby staff\"\r\n";
    Instrument i = InstrumentList.parse(csv, "test").all().get(0);
    assertEquals("CK Hutchison, Holdings", i.nameEn());
    assertEquals(List.of("长江和记", "\"CK\""), i.aliases());
    assertEquals("checked\nby staff", i.verify());
  }

  @Test
  void rejectsRowsThatBreakTheRules() {
    String header = "code,market,name_zh_hans,name_zh_hant,name_en,aliases,board_lot,verify\n";
    assertThrows(InstrumentListException.class, () -> InstrumentList.parse(header + "700,HK,腾讯,騰訊,Tencent,,100,\n", "t"));
    assertThrows(InstrumentListException.class, () -> InstrumentList.parse(header + "00700,HK,腾讯,騰訊,Tencent,,,\n", "t"));
    assertThrows(InstrumentListException.class, () -> InstrumentList.parse(header + "60051,SH,茅台,茅台,Moutai,,100,\n", "t"));
    assertThrows(InstrumentListException.class, () -> InstrumentList.parse(header + "600519,XX,茅台,茅台,Moutai,,100,\n", "t"));
    assertThrows(InstrumentListException.class, () -> InstrumentList.parse("code,market\n600519,SH\n", "t"));
    assertThrows(InstrumentListException.class,
        () -> InstrumentList.parse(header + "600519,SH,贵州茅台,貴州茅台,Moutai,茅,100,\n", "t"));
    assertThrows(InstrumentListException.class, () -> InstrumentList.parse(header
        + "600519,SH,贵州茅台,貴州茅台,Moutai,,100,\n600519,SH,贵州茅台,貴州茅台,Moutai,,100,\n", "t"));
  }
}
