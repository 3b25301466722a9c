package io.parley.conversation;

import java.util.Locale;

/** Who wrote a transcript entry; the wire names are those of the web chat protocol. */
public enum Author {
  CUSTOMER, BOT, AGENT, SYSTEM;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Author fromWire(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
