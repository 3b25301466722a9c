package io.parley.nlu.entity;

import java.nio.file.Path;

/** The real instrument list, loaded once for all entity tests. */
final class Fixtures {

  static final Path INSTRUMENTS = Path.of("config/instruments.csv");

  private static EntityExtractor extractor;

  private Fixtures() {
  }

  static synchronized EntityExtractor extractor() {
    if (extractor == null) {
      extractor = EntityExtractor.load(INSTRUMENTS);
    }
    return extractor;
  }

  static Entities extract(String text) {
    return extractor().extract(text);
  }
}
