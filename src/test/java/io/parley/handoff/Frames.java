package io.parley.handoff;

import io.parley.testing.ChatClient;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reading customer frames in handoff tests. */
final class Frames {

  private Frames() {
  }

  /** Frames until one matches (failing after the client's wait); the skipped ones are added to {@code seen}. */
  static JsonObject until(ChatClient c, Predicate<JsonObject> p, List<JsonObject> seen) {
    while (true) {
      JsonObject f = c.next();
      if (p.test(f)) {
        return f;
      }
      seen.add(f);
    }
  }

  static JsonObject until(ChatClient c, Predicate<JsonObject> p) {
    return until(c, p, new ArrayList<>());
  }

  static Predicate<JsonObject> handoff(String status) {
    return f -> "handoff".equals(f.getString("type")) && status.equals(f.getString("status"));
  }

  static Predicate<JsonObject> message(String from) {
    return f -> "message".equals(f.getString("type")) && from.equals(f.getString("from"));
  }
}
