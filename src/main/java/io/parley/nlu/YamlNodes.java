package io.parley.nlu;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** YAML read as nodes (for line numbers in error reports), shared by the intent data and lexicon loaders. */
final class YamlNodes {

  private YamlNodes() {
  }

  /** The file's root node, or null with the problem (file and line) added to {@code problems}. */
  static Node compose(String name, Path file, List<String> problems) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      LoaderOptions opts = new LoaderOptions();
      opts.setAllowDuplicateKeys(false);
      return new Yaml(opts).compose(r);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      problems.add(name + ":" + line + ": invalid YAML: " + e.getProblem());
    } catch (IOException e) {
      problems.add(name + ": cannot read: " + e.getMessage());
    } catch (RuntimeException e) {
      problems.add(name + ": invalid YAML: " + e.getMessage());
    }
    return null;
  }

  static int line(Node n) {
    return n == null || n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
  }

  static String scalar(Node n) {
    return n instanceof ScalarNode s ? s.getValue() : null;
  }
}
