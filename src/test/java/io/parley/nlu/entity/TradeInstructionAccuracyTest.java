package io.parley.nlu.entity;

import io.parley.nlu.Csv;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Field accuracy over the labelled trade instructions in {@code entities/trade-instructions.csv}
 * (zh-Hans, zh-Hant with Cantonese, English; written separately from the unit tests). Prints the
 * accuracy per field and overall, and every miss.
 */
class TradeInstructionAccuracyTest {

  private static final List<String> FIELDS = List.of("side", "instrument", "quantity_shares", "price", "price_type");

  @Test
  void fieldAccuracyIsAtLeastNinetyFivePercent() throws IOException {
    EntityExtractor extractor = EntityExtractor.load(Path.of("config/instruments.csv"));
    List<List<String>> rows = Csv.parse(Files.readString(
        Path.of("src/test/resources/entities/trade-instructions.csv"), StandardCharsets.UTF_8), "trade-instructions.csv")
        .stream().map(Csv.Row::fields).toList();
    Map<String, Integer> correct = new LinkedHashMap<>();
    FIELDS.forEach(f -> correct.put(f, 0));
    int messages = 0;
    StringBuilder misses = new StringBuilder();
    for (List<String> row : rows.subList(1, rows.size())) {
      messages++;
      Entities e = extractor.extract(row.get(0));
      String[] actual = {e.side(), e.instrument(), e.quantityShares() == null ? null : e.quantityShares().toString(),
          e.price() == null ? null : e.price().stripTrailingZeros().toPlainString(), e.priceType()};
      for (int f = 0; f < FIELDS.size(); f++) {
        String expected = row.get(f + 1).isEmpty() ? null : row.get(f + 1);
        if (FIELDS.get(f).equals("price") && expected != null) {
          expected = new BigDecimal(expected).stripTrailingZeros().toPlainString();
        }
        if (Objects.equals(expected, actual[f])) {
          correct.merge(FIELDS.get(f), 1, Integer::sum);
        } else {
          misses.append(String.format("  %-16s expected %-8s got %-8s | %s%n", FIELDS.get(f), expected, actual[f],
              row.get(0)));
        }
      }
    }
    int total = 0;
    StringBuilder report = new StringBuilder("Entity field accuracy over " + messages + " trade instructions:\n");
    for (String f : FIELDS) {
      total += correct.get(f);
      report.append(String.format("  %-16s %.4f (%d/%d)%n", f, correct.get(f) / (double) messages, correct.get(f),
          messages));
    }
    double overall = total / (double) (messages * FIELDS.size());
    report.append(String.format("  %-16s %.4f (%d/%d)%n", "overall", overall, total, messages * FIELDS.size()));
    System.out.print(report);
    System.out.print(misses.length() == 0 ? "  no misses\n" : "Misses:\n" + misses);
    assertTrue(messages >= 150, "the labelled set has at least 150 messages");
    assertTrue(overall >= 0.95, "overall field accuracy " + overall + " is below 0.95\n" + misses);
  }
}
