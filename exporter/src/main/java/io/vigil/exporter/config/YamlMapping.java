package io.vigil.exporter.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, position-aware reading of one YAML mapping: every getter checks the type and range and, on error, names
 * {@code file:line:column}, the dotted key path and the expected form.
 */
final class YamlMapping {

  private final String file;
  private final String path;
  private final Node node;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  private YamlMapping(String file, String path, Node node) throws ConfigException {
    this.file = file;
    this.path = path;
    this.node = node;
    if (!(node instanceof MappingNode mapping)) {
      throw error(node, "expected a mapping of keys to values, got " + describe(node));
    }
    for (NodeTuple t : mapping.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key)) {
        throw error(t.getKeyNode(), "expected a plain key, got " + describe(t.getKeyNode()));
      }
      NodeTuple earlier = entries.put(key.getValue(), t);
      if (earlier != null) {
        throw error(
            key,
            "duplicate key " + qualified(key.getValue()) + " (first given at line "
                + (earlier.getKeyNode().getStartMark().getLine() + 1) + ")");
      }
    }
  }

  static YamlMapping root(String file, Node node) throws ConfigException {
    return new YamlMapping(file, "", node);
  }

  /** Rejects keys not in {@code allowed}, naming the first unknown one where it stands. */
  void allowOnly(Set<String> allowed) throws ConfigException {
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        List<String> sorted = new ArrayList<>(allowed);
        sorted.sort(null);
        throw error(
            e.getValue().getKeyNode(),
            "unknown key " + qualified(e.getKey()) + "; expected one of: " + String.join(", ", sorted));
      }
    }
  }

  Set<String> keys() {
    return entries.keySet();
  }

  /** The value node of a present key, for errors about its content. */
  Node valueNode(String key) {
    return entries.get(key).getValueNode();
  }

  Node keyNode(String key) {
    return entries.get(key).getKeyNode();
  }

  Optional<YamlMapping> mapping(String key) throws ConfigException {
    Node value = value(key);
    if (value == null || isNull(value)) {
      return Optional.empty();
    }
    return Optional.of(new YamlMapping(file, qualified(key), value));
  }

  Optional<String> string(String key) throws ConfigException {
    Node value = value(key);
    if (value == null) {
      return Optional.empty();
    }
    ScalarNode s = scalar(key, value, "a string");
    if (!s.getTag().equals(Tag.STR)) {
      throw error(value, qualified(key) + ": expected a string, got " + describe(value) + " (quote it)");
    }
    return Optional.of(s.getValue());
  }

  /** A file system path (a string the OS accepts as a path: no NUL character). */
  Optional<Path> path(String key) throws ConfigException {
    Optional<String> text = string(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.get().indexOf('\0') >= 0) {
      throw error(valueNode(key), qualified(key) + ": expected a file system path, got a string with a NUL character");
    }
    try {
      return Optional.of(Path.of(text.get()));
    } catch (InvalidPathException e) {
      throw error(valueNode(key), qualified(key) + ": expected a file system path, got \"" + text.get() + "\": "
          + e.getReason());
    }
  }

  /** A list of strings ({@code [a, b]} or a block sequence); null or absent gives empty (unlike {@link #strings}). */
  Optional<List<String>> optionalStrings(String key) throws ConfigException {
    Node value = value(key);
    if (value == null || isNull(value)) {
      return Optional.empty();
    }
    if (!(value instanceof SequenceNode seq)) {
      throw error(value, qualified(key) + ": expected a list of strings, got " + describe(value));
    }
    List<String> out = new ArrayList<>(seq.getValue().size());
    for (Node item : seq.getValue()) {
      if (!(item instanceof ScalarNode s) || !s.getTag().equals(Tag.STR)) {
        throw error(item, qualified(key) + ": expected a list of strings, got an item " + describe(item));
      }
      out.add(s.getValue());
    }
    return Optional.of(List.copyOf(out));
  }

  Optional<Boolean> bool(String key) throws ConfigException {
    Node value = value(key);
    if (value == null) {
      return Optional.empty();
    }
    ScalarNode s = scalar(key, value, "true or false");
    if (!s.getTag().equals(Tag.BOOL)) {
      throw error(value, qualified(key) + ": expected true or false, got " + describe(value));
    }
    String v = s.getValue().toLowerCase(java.util.Locale.ROOT);
    return Optional.of(v.equals("true") || v.equals("yes") || v.equals("on") || v.equals("y"));
  }

  Optional<Integer> integer(String key, int min, int max) throws ConfigException {
    Node value = value(key);
    if (value == null) {
      return Optional.empty();
    }
    ScalarNode s = scalar(key, value, "an integer");
    String expected = "an integer from " + min + " to " + max;
    if (!s.getTag().equals(Tag.INT)) {
      throw error(value, qualified(key) + ": expected " + expected + ", got " + describe(value));
    }
    long v;
    try {
      v = Long.parseLong(s.getValue().replace("_", ""));
    } catch (NumberFormatException e) {
      throw error(value, qualified(key) + ": expected " + expected + ", got " + describe(value));
    }
    if (v < min || v > max) {
      throw error(value, qualified(key) + ": expected " + expected + ", got " + v);
    }
    return Optional.of((int) v);
  }

  Optional<Duration> duration(String key, Duration min, Duration max) throws ConfigException {
    Node value = value(key);
    if (value == null) {
      return Optional.empty();
    }
    ScalarNode s = scalar(key, value, "a duration");
    String expected =
        "a duration like 500ms, 2s or 1m from " + Durations.format(min) + " to " + Durations.format(max);
    Optional<Duration> d = Durations.parse(s.getValue());
    if (d.isEmpty()) {
      throw error(value, qualified(key) + ": expected " + expected + ", got " + describe(value));
    }
    if (d.get().compareTo(min) < 0 || d.get().compareTo(max) > 0) {
      throw error(value, qualified(key) + ": expected " + expected + ", got " + s.getValue());
    }
    return d;
  }

  /** A list of strings, in flow ({@code [a, b]}) or block style; each item must be a string. */
  Optional<List<String>> stringList(String key) throws ConfigException {
    Node value = value(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof SequenceNode seq)) {
      throw error(value, qualified(key) + ": expected a list of strings, got " + describe(value));
    }
    List<String> out = new ArrayList<>(seq.getValue().size());
    for (Node item : seq.getValue()) {
      if (!(item instanceof ScalarNode s) || !s.getTag().equals(Tag.STR)) {
        throw error(item, qualified(key) + ": expected a list of strings, got " + describe(item) + " in it");
      }
      out.add(s.getValue());
    }
    return Optional.of(List.copyOf(out));
  }

  /** The node of item {@code index} of a list read with {@link #stringList}, for errors about that item. */
  Node listItem(String key, int index) {
    return ((SequenceNode) value(key)).getValue().get(index);
  }

  Optional<Pattern> regex(String key) throws ConfigException {
    Node value = value(key);
    if (value == null) {
      return Optional.empty();
    }
    ScalarNode s = scalar(key, value, "a regular expression");
    try {
      return Optional.of(Pattern.compile(s.getValue()));
    } catch (PatternSyntaxException e) {
      throw error(
          value,
          qualified(key) + ": expected a valid regular expression, got \"" + s.getValue() + "\": "
              + e.getDescription() + " near index " + e.getIndex());
    }
  }

  /** A list of strings; absent gives an empty list. */
  List<String> strings(String key) throws ConfigException {
    List<String> out = new ArrayList<>();
    for (Node item : sequence(key, "a list of strings")) {
      if (!(item instanceof ScalarNode s) || !s.getTag().equals(Tag.STR)) {
        throw error(item, qualified(key) + ": expected a list of strings, got " + describe(item) + " in it");
      }
      out.add(s.getValue());
    }
    return out;
  }

  /** A list of integers in a range; absent gives an empty list. */
  List<Integer> integers(String key, int min, int max) throws ConfigException {
    List<Integer> out = new ArrayList<>();
    String expected = "a list of integers from " + min + " to " + max;
    for (Node item : sequence(key, expected)) {
      if (!(item instanceof ScalarNode s) || !s.getTag().equals(Tag.INT)) {
        throw error(item, qualified(key) + ": expected " + expected + ", got " + describe(item) + " in it");
      }
      long v;
      try {
        v = Long.parseLong(s.getValue().replace("_", ""));
      } catch (NumberFormatException e) {
        throw error(item, qualified(key) + ": expected " + expected + ", got " + describe(item) + " in it");
      }
      if (v < min || v > max) {
        throw error(item, qualified(key) + ": expected " + expected + ", got " + v);
      }
      out.add((int) v);
    }
    return out;
  }

  /** A list of regular expressions; absent gives an empty list. */
  List<Pattern> regexes(String key) throws ConfigException {
    return regexes(key, java.util.function.UnaryOperator.identity());
  }

  /** A list of regular expressions, each rewritten before compiling (another dialect's syntax). */
  List<Pattern> regexes(String key, java.util.function.UnaryOperator<String> rewrite) throws ConfigException {
    List<Pattern> out = new ArrayList<>();
    for (Node item : sequence(key, "a list of regular expressions")) {
      if (!(item instanceof ScalarNode s) || isNull(item)) {
        throw error(item, qualified(key) + ": expected a list of regular expressions, got " + describe(item)
            + " in it");
      }
      out.add(compileRegex(key, item, rewrite.apply(s.getValue())));
    }
    return out;
  }

  /** A list of mappings, each readable with its position ({@code key[0]}); absent gives an empty list. */
  List<YamlMapping> mappings(String key) throws ConfigException {
    List<YamlMapping> out = new ArrayList<>();
    List<Node> items = sequence(key, "a list of mappings");
    for (int i = 0; i < items.size(); i++) {
      out.add(new YamlMapping(file, qualified(key) + "[" + i + "]", items.get(i)));
    }
    return out;
  }

  /** A mapping of string keys to string values; absent gives an empty map. */
  Map<String, String> stringMap(String key) throws ConfigException {
    Optional<YamlMapping> m = mapping(key);
    Map<String, String> out = new LinkedHashMap<>();
    if (m.isEmpty()) {
      return out;
    }
    for (String k : m.get().keys()) {
      out.put(k, m.get().string(k).orElseThrow());
    }
    return out;
  }

  Optional<Long> longInteger(String key, long min, long max) throws ConfigException {
    Node value = value(key);
    if (value == null) {
      return Optional.empty();
    }
    ScalarNode s = scalar(key, value, "an integer");
    String expected = "an integer from " + min + " to " + max;
    long v;
    try {
      if (!s.getTag().equals(Tag.INT)) {
        throw new NumberFormatException();
      }
      v = Long.parseLong(s.getValue().replace("_", ""));
    } catch (NumberFormatException e) {
      throw error(value, qualified(key) + ": expected " + expected + ", got " + describe(value));
    }
    if (v < min || v > max) {
      throw error(value, qualified(key) + ": expected " + expected + ", got " + v);
    }
    return Optional.of(v);
  }

  private List<Node> sequence(String key, String expected) throws ConfigException {
    Node value = value(key);
    if (value == null || isNull(value)) {
      return List.of();
    }
    if (!(value instanceof SequenceNode seq)) {
      throw error(value, qualified(key) + ": expected " + expected + ", got " + describe(value));
    }
    return seq.getValue();
  }

  private Pattern compileRegex(String key, Node at, String text) throws ConfigException {
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      throw error(
          at,
          qualified(key) + ": expected a valid regular expression, got \"" + text + "\": "
              + e.getDescription() + " near index " + e.getIndex());
    }
  }

  /** True when the key is present. */
  boolean has(String key) {
    return entries.containsKey(key);
  }

  ConfigException error(Node at, String message) {
    return error(file, at.getStartMark(), message);
  }

  static ConfigException error(String file, Mark mark, String message) {
    if (mark == null) {
      return new ConfigException(file + ": " + message);
    }
    return new ConfigException(file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": " + message);
  }

  String qualified(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private Node value(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? null : t.getValueNode();
  }

  private ScalarNode scalar(String key, Node value, String expected) throws ConfigException {
    if (value instanceof ScalarNode s && !isNull(value)) {
      return s;
    }
    throw error(value, qualified(key) + ": expected " + expected + ", got " + describe(value));
  }

  private static boolean isNull(Node node) {
    return node.getTag().equals(Tag.NULL);
  }

  static String describe(Node node) {
    if (node instanceof ScalarNode s) {
      if (s.getTag().equals(Tag.NULL)) {
        return "nothing (null)";
      }
      String kind =
          s.getTag().equals(Tag.INT) ? "integer"
              : s.getTag().equals(Tag.FLOAT) ? "number"
              : s.getTag().equals(Tag.BOOL) ? "boolean"
              : "string";
      return kind + " \"" + s.getValue() + "\"";
    }
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    return "a list";
  }

  Node node() {
    return node;
  }
}
