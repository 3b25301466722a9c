package io.parley.bot;

import io.parley.config.YamlFiles;
import io.parley.nlu.IntentIds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The main menu of {@code intents/flows/menu.yml}: the intents offered as quick replies. */
public record MainMenu(List<String> intents) {

  public MainMenu {
    intents = List.copyOf(intents);
  }

  /** Reads the menu (blocking: call at start-up); an unknown intent id is an error naming the file. */
  public static MainMenu load(Path intentsDir) {
    Path file = intentsDir.resolve("flows").resolve("menu.yml");
    Object tree = YamlFiles.read(file);
    if (!(tree instanceof Map<?, ?> m) || !(m.get("main_menu") instanceof List<?> items) || items.isEmpty()) {
      throw new IllegalArgumentException(file + ": expected main_menu: a list of intent ids");
    }
    List<String> ids = new ArrayList<>();
    for (Object o : items) {
      String id = String.valueOf(o);
      if (!IntentIds.isIntent(id)) {
        throw new IllegalArgumentException(file + ": main_menu names an unknown intent: " + id);
      }
      ids.add(id);
    }
    return new MainMenu(ids);
  }
}
