package io.parley.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The canonical label sets, read from the data files {@code intent-ids.txt} and
 * {@code complaint-categories.txt} beside this class: the one place they are kept in the code base.
 */
public final class IntentIds {

  /** The label of messages that fit no intent. */
  public static final String OUT_OF_SCOPE = "out_of_scope";

  private static final Set<String> INTENTS = read("intent-ids.txt");
  private static final Set<String> COMPLAINT_CATEGORIES = read("complaint-categories.txt");

  private IntentIds() {}

  /** Every intent id of the taxonomy, in taxonomy order (without {@code out_of_scope}). */
  public static Set<String> intents() {
    return INTENTS;
  }

  public static boolean isIntent(String id) {
    return INTENTS.contains(id);
  }

  public static Set<String> complaintCategories() {
    return COMPLAINT_CATEGORIES;
  }

  private static Set<String> read(String resource) {
    try (InputStream in = IntentIds.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      List<String> ids = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          ids.add(line);
        }
      }
      return Collections.unmodifiableSet(new LinkedHashSet<>(ids));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
