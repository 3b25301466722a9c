package io.parley.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dispatches {@code parley <command> [options]} to its {@link Command}. */
public final class Cli {

  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  private final Map<String, Command> commands = new LinkedHashMap<>();

  public Cli(List<Command> commands) {
    commands.forEach(c -> this.commands.put(c.name(), c));
  }

  public int run(String[] argv, InputStream in, PrintStream out, PrintStream err) {
    List<String> args = Arrays.asList(argv);
    if (args.isEmpty()) {
      err.println("parley: no command given");
      err.print(help());
      return USAGE;
    }
    String first = args.get(0);
    if (first.equals("--help") || first.equals("-h")) {
      out.print(help());
      return OK;
    }
    if (first.equals("help")) {
      if (args.size() == 1) {
        out.print(help());
        return OK;
      }
      Command c = commands.get(args.get(1));
      if (c == null) {
        return unknown(args.get(1), err);
      }
      out.print(c.usage());
      return OK;
    }
    Command c = commands.get(first);
    if (c == null) {
      return first.startsWith("-") ? unknownOption(first, err) : unknown(first, err);
    }
    List<String> rest = args.subList(1, args.size());
    if (rest.contains("--help") || rest.contains("-h")) {
      out.print(c.usage());
      return OK;
    }
    try {
      return c.run(rest, in, out, err);
    } catch (UsageException e) {
      err.println("parley " + c.name() + ": " + e.getMessage());
      err.println("Run 'parley " + c.name() + " --help' for its options.");
      return USAGE;
    } catch (Exception e) {
      err.println("parley " + c.name() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      return FAILURE;
    }
  }

  private int unknown(String name, PrintStream err) {
    err.println("parley: unknown command '" + name + "'. Commands: " + String.join(", ", commands.keySet()) + ".");
    err.println("Run 'parley --help' for usage.");
    return USAGE;
  }

  private int unknownOption(String option, PrintStream err) {
    err.println("parley: unknown option '" + option + "' (options go after the command)");
    err.println("Run 'parley --help' for usage.");
    return USAGE;
  }

  String help() {
    StringBuilder b = new StringBuilder();
    b.append("Parley: a customer-service chatbot for securities brokerages.\n\n");
    b.append("Usage: parley <command> [options]    (java -jar target/parley.jar <command> ...)\n\n");
    b.append("Commands:\n");
    commands.values().forEach(c -> b.append(String.format("  %-10s %s%n", c.name(), c.summary())));
    b.append("\nRun 'parley <command> --help' for a command's options.\n");
    return b.toString();
  }
}
