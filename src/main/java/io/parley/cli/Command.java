package io.parley.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * One sub-command of the {@code parley} entry point ({@code serve}, {@code classify}, {@code eval}, ...).
 * Standard output carries only the command's results; logs and progress go to standard error.
 */
public interface Command {

  /** The word typed after {@code parley}. */
  String name();

  /** One line for {@code parley --help}. */
  String summary();

  /** The command's own {@code --help} text. */
  String usage();

  /**
   * Runs the command and returns the process exit code (0 success, 2 usage error, 1 other failure).
   * A {@link UsageException} thrown from here is printed with the usage and exits with 2.
   */
  int run(List<String> args, InputStream in, PrintStream out, PrintStream err) throws Exception;
}
