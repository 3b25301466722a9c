package io.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.App;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CliTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return App.cli().run(args, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsTheCommands() {
    assertEquals(0, run("--help"));
    assertTrue(out().contains("serve"), out());
    assertTrue(out().contains("Usage: parley <command>"), out());
  }

  @Test
  void eachCommandHasItsOwnHelp() {
    assertEquals(0, run("serve", "--help"));
    assertTrue(out().contains("Usage: parley serve"), out());
    assertEquals(0, run("help", "serve"));
  }

  @Test
  void noCommandUnknownCommandsAndUnknownOptionsExitWith2AndSayWhy() {
    assertEquals(2, run());
    assertTrue(err().contains("no command"), err());
    assertEquals(2, run("frobnicate"));
    assertTrue(err().contains("unknown command 'frobnicate'"), err());
    assertEquals(2, run("--verbose"));
    assertTrue(err().contains("unknown option '--verbose'"), err());
    assertEquals(2, run("serve", "--bogus"));
    assertTrue(err().contains("unknown option --bogus"), err());
    assertEquals(2, run("serve", "--port"));
    assertTrue(err().contains("--port needs a value"), err());
    assertEquals(2, run("serve", "--port", "http"));
    assertTrue(err().contains("--port must be a whole number"), err());
    assertEquals(2, run("serve", "extra"));
    assertTrue(err().contains("unexpected argument 'extra'"), err());
    assertTrue(out().isEmpty(), "errors go to standard error only");
  }

  @Test
  void aStartUpFailureExitsWith1AndNamesTheProblem() {
    assertEquals(1, run("serve", "--config", "no/such/file.yaml"));
    assertTrue(err().contains("settings file not found"), err());
  }
}
