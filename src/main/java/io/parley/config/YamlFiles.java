package io.parley.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads the YAML data files staff edit (texts, answers, menus) safely, blocking: start-up only. */
public final class YamlFiles {

  private YamlFiles() {
  }

  /** The parsed tree of {@code file}; an unreadable or malformed file is an error naming it. */
  public static Object read(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The parsed tree of {@code file} when it exists (staff edit it), else of the copy of
   * {@code config/<bundledName>} the build put in the jar.
   */
  public static Object readOrBundled(Path file, String bundledName) {
    if (Files.isRegularFile(file)) {
      return read(file);
    }
    String resource = "/io/parley/config/" + bundledName;
    try (var in = YamlFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no " + file + " (and no copy in the jar)");
      }
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae && iae.getMessage().startsWith("no ")) {
        throw iae;
      }
      throw new IllegalArgumentException("cannot read classpath:" + resource + ": " + e.getMessage(), e);
    }
  }

  /**
   * The days listed under {@code holidays:} in a holidays file ({@code config/holidays.yaml}); an
   * unquoted 2026-10-01, which YAML reads as a timestamp at midnight UTC, counts as that date.
   */
  public static java.util.Set<java.time.LocalDate> holidays(Path file) {
    java.util.Set<java.time.LocalDate> out = new java.util.TreeSet<>();
    if (readOrBundled(file, "holidays.yaml") instanceof java.util.Map<?, ?> root
        && root.get("holidays") instanceof java.util.List<?> l) {
      for (Object o : l) {
        out.add(o instanceof java.util.Date d
            ? d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate()
            : java.time.LocalDate.parse(String.valueOf(o).trim()));
      }
    }
    return out;
  }
}
