package io.parley.cli;

import io.parley.agent.PasswordHashes;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * {@code parley hash-password}: reads a password (from the console without echo, or the first line
 * of standard input) and prints its hash for {@code config/agents.yaml}.
 */
public final class HashPasswordCommand implements Command {

  private static final int MIN_LENGTH = 10;

  @Override
  public String name() {
    return "hash-password";
  }

  @Override
  public String summary() {
    return "make a password hash for an agent account in config/agents.yaml";
  }

  @Override
  public String usage() {
    return """
        Usage: parley hash-password

        Reads a password (typed at the console without echo, or the first line of standard input)
        and prints its salted hash (PBKDF2-HMAC-SHA256, %d iterations) for the password_hash of an
        account in config/agents.yaml. Passwords need at least %d characters.

          echo 'a long passphrase' | java -jar target/parley.jar hash-password
        """.formatted(PasswordHashes.ITERATIONS, MIN_LENGTH);
  }

  @Override
  public int run(List<String> argv, InputStream in, PrintStream out, PrintStream err) throws Exception {
    Args.parse(argv, Set.of(), Set.of()).noPositional();
    char[] password;
    java.io.Console console = System.console();
    if (console != null && in == System.in) {
      password = console.readPassword("Password: ");
    } else {
      String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
      password = line == null ? new char[0] : line.toCharArray();
    }
    if (password == null || password.length < MIN_LENGTH) {
      err.println("parley hash-password: the password needs at least " + MIN_LENGTH + " characters");
      return Cli.FAILURE;
    }
    out.println(PasswordHashes.hash(password));
    java.util.Arrays.fill(password, '\0');
    return Cli.OK;
  }
}
