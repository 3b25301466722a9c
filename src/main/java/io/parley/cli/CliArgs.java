package io.parley.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A tiny {@code --name value} / {@code --flag} parser for sub-commands; unknown options are usage errors. */
final class CliArgs {

  private final Map<String, List<String>> values = new LinkedHashMap<>();

  CliArgs(List<String> args, Set<String> withValue, Set<String> flags) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String name = a;
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      if (withValue.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.size()) {
            throw new UsageException("missing value after " + name);
          }
          value = args.get(++i);
        }
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } else if (flags.contains(name) && value == null) {
        values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
      } else {
        throw new UsageException("unknown argument: " + a);
      }
    }
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  String get(String name, String dflt) {
    List<String> v = values.get(name);
    return v == null ? dflt : v.get(v.size() - 1);
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }
}
