package io.parley.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads labelled examples from a directory of YAML files, one file per label:
 * <pre>
 * id: faq_fees
 * examples:
 *   zh-Hans: [ ... ]
 *   zh-Hant: [ ... ]
 *   en: [ ... ]
 * </pre>
 * and validates them. Every problem is reported with its file and line (collected, then thrown
 * together as one {@link IntentDataException}): a label that is not a known id, an {@code id} that
 * differs from the file name, an empty example, an unknown language key, and the same example (after
 * normalisation) under two labels.
 */
public final class IntentDataLoader {

  private static final Logger log = LoggerFactory.getLogger(IntentDataLoader.class);

  private final TextNormalizer normalizer = new TextNormalizer();

  /**
   * The intent training set: {@code <intent id>.yml} for each intent of the taxonomy and
   * {@code out_of_scope.yml}, from the top level of {@code intentsDir}.
   */
  public List<Example> loadIntents(Path intentsDir) {
    Set<String> known = new LinkedHashSet<>(IntentIds.intents());
    known.add(IntentIds.OUT_OF_SCOPE);
    return loadLabelled(intentsDir, known);
  }

  /** The complaint-category training set, from {@code intents/complaints/<category>.yml}. */
  public List<Example> loadComplaintCategories(Path complaintsDir) {
    return loadLabelled(complaintsDir, IntentIds.complaintCategories());
  }

  /** Every {@code *.yml} file at the top level of {@code dir}; each file's name must be one of {@code knownIds}. */
  public List<Example> loadLabelled(Path dir, Set<String> knownIds) {
    if (!Files.isDirectory(dir)) {
      throw new IntentDataException(List.of(dir + ": not a directory"));
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> Files.isRegularFile(p) && isYaml(p)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> problems = new ArrayList<>();
    List<Example> all = new ArrayList<>();
    for (Path f : files) {
      all.addAll(readFile(dir, f, knownIds, problems));
    }
    if (files.isEmpty()) {
      problems.add(dir + ": no .yml files");
    }
    List<Example> deduped = checkDuplicates(all, problems);
    if (!problems.isEmpty()) {
      throw new IntentDataException(problems);
    }
    log.debug("loaded {} examples from {} files in {}", deduped.size(), files.size(), dir);
    return deduped;
  }

  private static boolean isYaml(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".yml") || n.endsWith(".yaml");
  }

  private static String stem(Path p) {
    String n = p.getFileName().toString();
    return n.substring(0, n.lastIndexOf('.'));
  }

  private List<Example> readFile(Path dir, Path file, Set<String> knownIds, List<String> problems) {
    String name = displayName(dir, file);
    String label = stem(file);
    List<Example> out = new ArrayList<>();
    Node root = YamlNodes.compose(name, file, problems);
    if (root == null) {
      return out;
    }
    if (!knownIds.contains(label)) {
      problems.add(name + ":1: unknown id '" + label + "' (the file name must be one of " + knownIds + ")");
    }
    if (!(root instanceof MappingNode map)) {
      problems.add(name + ":" + YamlNodes.line(root) + ": expected a mapping with 'id' and 'examples'");
      return out;
    }
    Node examples = null;
    boolean hasId = false;
    for (NodeTuple t : map.getValue()) {
      String key = YamlNodes.scalar(t.getKeyNode());
      if ("id".equals(key)) {
        hasId = true;
        String id = YamlNodes.scalar(t.getValueNode());
        if (id == null || !id.equals(label)) {
          problems.add(name + ":" + YamlNodes.line(t.getValueNode()) + ": id '" + id + "' differs from the file name '" + label + "'");
        }
      } else if ("examples".equals(key)) {
        examples = t.getValueNode();
      }
    }
    if (!hasId) {
      problems.add(name + ":1: missing 'id'");
    }
    if (examples == null) {
      problems.add(name + ":1: missing 'examples'");
      return out;
    }
    if (examples instanceof MappingNode byLang) {
      for (NodeTuple t : byLang.getValue()) {
        String tag = YamlNodes.scalar(t.getKeyNode());
        Language lang = tag == null ? null : Language.fromTag(tag).orElse(null);
        if (lang == null) {
          problems.add(name + ":" + YamlNodes.line(t.getKeyNode()) + ": unknown language '" + tag + "' (expected zh-Hans, zh-Hant or en)");
          continue;
        }
        readList(name, label, lang, t.getValueNode(), out, problems);
      }
    } else {
      problems.add(name + ":" + YamlNodes.line(examples) + ": 'examples' must map languages (zh-Hans, zh-Hant, en) to lists");
    }
    return out;
  }

  private void readList(String name, String label, Language lang, Node node, List<Example> out, List<String> problems) {
    if (node instanceof ScalarNode s && s.getValue().isEmpty()) {
      return; // "en:" with nothing under it
    }
    if (!(node instanceof SequenceNode seq)) {
      problems.add(name + ":" + YamlNodes.line(node) + ": the examples of " + lang + " must be a list");
      return;
    }
    for (Node item : seq.getValue()) {
      String text = YamlNodes.scalar(item);
      if (text == null) {
        problems.add(name + ":" + YamlNodes.line(item) + ": an example must be a plain string");
      } else if (text.isBlank() || normalizer.normalize(text).isEmpty()) {
        problems.add(name + ":" + YamlNodes.line(item) + ": empty example");
      } else {
        out.add(new Example(text.strip(), label, lang, name, YamlNodes.line(item)));
      }
    }
  }

  /** Same example (after normalisation) under two labels is an error; under the same label it is dropped. */
  private List<Example> checkDuplicates(List<Example> all, List<String> problems) {
    Map<String, Example> seen = new HashMap<>();
    Set<String> reported = new HashSet<>();
    List<Example> out = new ArrayList<>(all.size());
    for (Example e : all) {
      String key = duplicateKey(e.text());
      Example first = seen.putIfAbsent(key, e);
      if (first == null) {
        out.add(e);
      } else if (!first.label().equals(e.label())) {
        if (reported.add(key + "\u0000" + e.label())) {
          problems.add(e.where() + ": example \"" + e.text() + "\" is also under '" + first.label()
              + "' at " + first.where());
        }
      } else {
        log.debug("{}: duplicate of {} dropped", e.where(), first.where());
      }
    }
    return out;
  }

  /** Normalised, with punctuation and symbols removed: "你好！" and "你好" are the same example. */
  String duplicateKey(String text) {
    String n = normalizer.normalize(text);
    StringBuilder sb = new StringBuilder(n.length());
    n.codePoints().forEach(cp -> {
      if (Character.isLetterOrDigit(cp) || cp == ' ') {
        sb.appendCodePoint(cp);
      }
    });
    return sb.toString().strip();
  }

  private static String displayName(Path dir, Path file) {
    Path parent = dir.toAbsolutePath().normalize().getFileName();
    return (parent == null ? "" : parent + "/") + file.getFileName();
  }
}
