package io.parley.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's parsed options: {@code --name value}, {@code --name=value} and flags. Unknown options,
 * missing values and stray arguments are {@link UsageException}s naming what was wrong.
 */
public final class Args {

  private final Map<String, String> values = new HashMap<>();
  private final List<String> positional = new ArrayList<>();

  private Args() {
  }

  /**
   * @param withValue options that take a value
   * @param flags options that take none ({@code --help} is always a flag)
   */
  public static Args parse(List<String> args, Set<String> withValue, Set<String> flags) {
    Args a = new Args();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("-h")) {
        arg = "--help";
      }
      if (!arg.startsWith("--")) {
        a.positional.add(arg);
        continue;
      }
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (name.equals("--help") || flags.contains(name)) {
        if (value != null) {
          throw new UsageException("option " + name + " takes no value");
        }
        a.values.put(name, "true");
      } else if (withValue.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new UsageException("option " + name + " needs a value");
          }
          value = args.get(++i);
        }
        a.values.put(name, value);
      } else {
        throw new UsageException("unknown option " + name);
      }
    }
    return a;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public String get(String name) {
    return values.get(name);
  }

  public String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  public int integer(String name, int fallback, int min, int max) {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException("option " + name + " must be a whole number from " + min + " to " + max + ", got '" + v + "'");
    }
  }

  public List<String> positional() {
    return List.copyOf(positional);
  }

  /** Fails when stray arguments were given to a command that takes none. */
  public Args noPositional() {
    if (!positional.isEmpty()) {
      throw new UsageException("unexpected argument '" + positional.get(0) + "'");
    }
    return this;
  }
}
