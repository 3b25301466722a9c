package io.parley.nlu;

/**
 * One labelled training or test message.
 *
 * @param text     the message as written
 * @param label    an intent id, {@code out_of_scope}, or a complaint category
 * @param language the language it was filed under, or null when unknown (e.g. a CSV row)
 * @param source   the file it came from (for messages), or null
 * @param line     1-based line in that file, or 0
 */
public record Example(String text, String label, Language language, String source, int line) {

  public static Example of(String text, String label) {
    return new Example(text, label, null, null, 0);
  }

  public String where() {
    return source == null ? "" : source + ":" + line;
  }
}
