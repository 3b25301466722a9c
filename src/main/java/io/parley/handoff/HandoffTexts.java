package io.parley.handoff;

import io.parley.bot.TextCatalog;
import io.parley.nlu.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The customer-facing texts around a handoff ({@code intents/texts/handoff.yml}, read through the
 * bot's {@link TextCatalog}), with their {@code {placeholders}} filled in.
 */
public final class HandoffTexts {

  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final TextCatalog catalog;

  public HandoffTexts(TextCatalog catalog) {
    this.catalog = catalog;
  }

  public String text(String key, Language lang, Map<String, String> values) {
    return catalog.text(key, lang, values).strip();
  }

  public String teamName(String team, Language lang) {
    return catalog.text("team." + team, lang);
  }

  /** An instant as the team's local date and time, e.g. {@code 2026-12-01 09:15}. */
  public static String localTime(Instant at, ZoneId zone) {
    return LOCAL_TIME.format(at.atZone(zone));
  }
}
