package io.parley.flow;

import io.parley.bot.TextCatalog;
import io.parley.nlu.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Promised times as the customer reads them, in the service's time zone ({@code format.due} texts). */
public final class DueTimes {

  private DueTimes() {
  }

  public static String format(TextCatalog texts, Language lang, ZoneId zone, Instant at) {
    Locale locale = switch (lang) {
      case ZH_HANS -> Locale.SIMPLIFIED_CHINESE;
      case ZH_HANT -> Locale.TRADITIONAL_CHINESE;
      case EN -> Locale.ENGLISH;
    };
    return DateTimeFormatter.ofPattern(texts.text("format.due", lang), locale).format(at.atZone(zone));
  }
}
