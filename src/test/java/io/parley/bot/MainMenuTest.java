package io.parley.bot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.nlu.IntentIds;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainMenuTest {

  @Test
  void theShippedMenuNamesKnownIntents() {
    MainMenu menu = MainMenu.load(Path.of("intents"));
    assertFalse(menu.intents().isEmpty());
    assertTrue(menu.intents().stream().allMatch(IntentIds::isIntent));
  }

  @Test
  void anUnknownIntentIsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("flows"));
    Files.writeString(dir.resolve("flows").resolve("menu.yml"), "main_menu: [faq_fees, buy_bitcoin]\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MainMenu.load(dir));
    assertTrue(e.getMessage().contains("menu.yml") && e.getMessage().contains("buy_bitcoin"), e.getMessage());
  }
}
