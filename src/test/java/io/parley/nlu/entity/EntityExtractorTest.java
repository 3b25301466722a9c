package io.parley.nlu.entity;

import static io.parley.nlu.entity.Fixtures.extract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {

  @Test
  void theIssueExamplesInTheContractShape() {
    assertEquals(new JsonObject("{\"side\":\"buy\",\"instrument\":\"600519\",\"quantity_shares\":100,"
        + "\"price\":1800,\"price_type\":\"limit\"}"), extract("买入600519 100股 限价1800").toJson());
    assertEquals(new JsonObject("{\"side\":\"sell\",\"instrument\":\"00700\",\"quantity_shares\":200,"
        + "\"quantity_lots\":2,\"price_type\":\"market\"}"), extract("sell 2 lots of 00700 at market").toJson());
    assertEquals(new JsonObject("{\"side\":\"sell\",\"instrument\":\"01810\"}"), extract("沽晒小米").toJson());
    assertEquals(new JsonObject("{\"side\":\"buy\",\"instrument\":\"00700\",\"quantity_shares\":200,"
        + "\"quantity_lots\":2,\"price\":350,\"price_type\":\"limit\"}"), extract("幫我買返兩手騰訊 350蚊").toJson());
    assertEquals(new JsonObject("{\"side\":\"buy\",\"instrument\":\"600036\",\"quantity_shares\":500,"
        + "\"quantity_lots\":5,\"price\":35.2,\"price_type\":\"limit\"}"), extract("买五手招行 挂三十五块二").toJson());
    assertEquals(new JsonObject("{\"side\":\"sell\",\"instrument\":\"02318\",\"quantity_shares\":500,"
        + "\"price\":45.5,\"price_type\":\"limit\"}"), extract("港股平安 沽500股 @ 45.5").toJson());
  }

  @Test
  void priceIsAJsonNumberAndLotsOnlyWhenGiven() {
    JsonObject o = extract("卖出紫金矿业601899 三千股 16块8").toJson();
    assertInstanceOf(Number.class, o.getValue("price"));
    assertEquals("{\"side\":\"sell\",\"instrument\":\"601899\",\"quantity_shares\":3000,\"price\":16.8,"
        + "\"price_type\":\"limit\"}", o.encode());
    assertFalse(o.containsKey("quantity_lots"));
    assertInstanceOf(Number.class, extract("buy 1 lot 00700 at 500").toJson().getValue("price"));
  }

  @Test
  void loadsTheDefaultListAndTheBundledCopyIsTheSame() throws Exception {
    assertEquals("00700", EntityExtractor.loadDefault().extract("沽晒騰訊").instrument());
    try (java.io.InputStream in = EntityExtractor.class.getResourceAsStream("/io/parley/config/instruments.csv")) {
      assertEquals(java.nio.file.Files.readString(Fixtures.INSTRUMENTS),
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Test
  void aMessageWithoutEntitiesGivesAnEmptyObject() {
    assertEquals(new JsonObject(), extract("你好，请问开户需要什么资料？").toJson());
    assertEquals(new JsonObject(), extract("").toJson());
    assertEquals(new JsonObject(), extract(null).toJson());
  }

  @Test
  void personalDetailsAlongsideAnOrder() {
    JsonObject o = extract("我係陳大文，電話 +852 9123 4567，email dw.chan@example.com，"
        + "跟進 C-004217，身份證 11010519491231002X，順便幫我買兩手騰訊").toJson();
    assertEquals("91234567", o.getString("phone"));
    assertEquals("dw.chan@example.com", o.getString("email"));
    assertEquals("C-004217", o.getString("case_id"));
    assertEquals("11010519491231002X", o.getString("id_number"));
    assertEquals("00700", o.getString("instrument"));
    assertEquals(200L, o.getLong("quantity_shares"));
  }

  @Test
  void severalNumbersInOneMessage() {
    Entities e = extract("2025年3月5日 10:30 前帮我买入 600036 1,500股 价格41.25，联系电话13812345678");
    assertEquals("buy", e.side());
    assertEquals("600036", e.instrument());
    assertEquals(1500L, e.quantityShares());
    assertEquals(0, new java.math.BigDecimal("41.25").compareTo(e.price()));
    assertEquals("13812345678", e.phone());
  }

  @Test
  void isThreadSafeAfterLoading() throws Exception {
    EntityExtractor x = Fixtures.extractor();
    String[] texts = {"买入600519 100股 限价1800", "幫我買返兩手騰訊 350蚊", "sell 2 lots of 00700 at market"};
    String[] expected = new String[texts.length];
    for (int i = 0; i < texts.length; i++) {
      expected[i] = x.extract(texts[i]).toJson().encode();
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        Callable<Boolean> job = () -> {
          for (int n = 0; n < 2000; n++) {
            int i = n % texts.length;
            if (!x.extract(texts[i]).toJson().encode().equals(expected[i])) {
              return false;
            }
          }
          return true;
        };
        results.add(pool.submit(job));
      }
      for (Future<Boolean> r : results) {
        assertTrue(r.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void isFastEnoughToRunInline() {
    EntityExtractor x = Fixtures.extractor();
    String[] texts = {"买入600519 100股 限价1800", "幫我買返兩手騰訊 350蚊", "sell 2 lots of 00700 at market",
        "麻烦你帮我把昨天买的迈瑞医疗300760卖了 100股 限价280，电话13812345678",
        "x".repeat(2000), "1".repeat(3000), "买".repeat(1000) + "五".repeat(1000), "@".repeat(1000) + "a.b"};
    for (int n = 0; n < 20_000; n++) {
      x.extract(texts[n % 4]); // warm up
    }
    int count = 50_000;
    long start = System.nanoTime();
    for (int n = 0; n < count; n++) {
      x.extract(texts[n % 4]);
    }
    double perSecond = count / ((System.nanoTime() - start) / 1e9);
    System.out.printf("entity extraction: %.0f messages/s on one thread%n", perSecond);
    assertTrue(perSecond > 5_000, "at least thousands of messages per second: " + perSecond);
    long longStart = System.nanoTime();
    for (int i = 4; i < texts.length; i++) {
      x.extract(texts[i]);
    }
    assertTrue(System.nanoTime() - longStart < 2_000_000_000L, "long and odd inputs stay linear");
  }

  @Test
  void neverThrowsOnOddInput() {
    String[] pieces = {"买", "卖", "沽晒", "两", "万", "亿", "十", "点", "五", "块", "蚊", "半", "毛", "手", "股", "张", "1", "0",
        "9", "00700", "600519", "13812345678", ".", ",", "@", "$", "-", ":", "/", "%", "hk", "sh", "x", "c", "lots",
        " ", "腾讯", "平安", "港股", "年", "k", "+852", "＄", "１", "e", "99999999999999999999999"};
    java.util.Random random = new java.util.Random(42);
    EntityExtractor x = Fixtures.extractor();
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(12);
      for (int i = 0; i < len; i++) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = sb.toString();
      try {
        x.extract(text).toJson().encode();
      } catch (RuntimeException e) {
        throw new AssertionError("failed on '" + text + "'", e);
      }
    }
  }
}
