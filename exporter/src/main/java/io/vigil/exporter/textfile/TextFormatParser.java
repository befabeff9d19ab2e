package io.vigil.exporter.textfile;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, for textfile collector files and command output.
 *
 * <p>Stricter than Prometheus' own parser where a looser reading would hide a mistake: the input must be valid UTF-8
 * without NUL or carriage return characters; metric and label names must match the Prometheus name grammar and label
 * names must not start with {@code __}; a label name may appear once per sample; label values and help texts allow
 * only the escapes {@code \\}, {@code \"} (label values) and {@code \n}; values are decimal floats, {@code NaN} or
 * {@code [+-]Inf}; samples carry no timestamp (node_exporter's textfile rule); a family has at most one {@code HELP}
 * and one {@code TYPE} line, both before its first sample; a series (name and label set) appears once; histogram
 * buckets carry {@code le} and summary quantiles carry {@code quantile}. Samples of one family need not be adjacent.
 *
 * <p>Thread safety: stateless; each call parses independently.
 */
public final class TextFormatParser {

  private static final Set<String> HISTOGRAM_SUFFIXES = Set.of("_bucket", "_sum", "_count");
  private static final Set<String> SUMMARY_SUFFIXES = Set.of("_sum", "_count");

  private TextFormatParser() {}

  /**
   * Decodes {@code bytes} as strict UTF-8 and parses them.
   *
   * @param source the file path or command name, for messages
   */
  public static List<ParsedFamily> parse(String source, byte[] bytes) throws TextFormatException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new TextFormatException(source, lineOfByte(bytes, firstInvalidUtf8(bytes)), "not valid UTF-8");
    }
    return parse(source, text);
  }

  /** Parses text; see the class comment for the rules. */
  public static List<ParsedFamily> parse(String source, String text) throws TextFormatException {
    return new Run(source).parse(text);
  }

  /** One parse: the families seen so far, by name, in order of first mention. */
  private static final class Run {
    private final String source;
    private final Map<String, Builder> families = new LinkedHashMap<>();
    /** Sample names of histogram/summary families ({@code x_bucket}) to their family name. */
    private final Map<String, String> derivedNames = new HashMap<>();
    private final Set<String> series = new HashSet<>();
    private int lineNo;

    Run(String source) {
      this.source = source;
    }

    List<ParsedFamily> parse(String text) throws TextFormatException {
      int start = 0;
      lineNo = 0;
      while (start <= text.length()) {
        int end = text.indexOf('\n', start);
        if (end < 0) {
          end = text.length();
        }
        lineNo++;
        String line = text.substring(start, end);
        if (!(end == text.length() && line.isEmpty())) {
          line(line);
        }
        start = end + 1;
      }
      List<ParsedFamily> out = new ArrayList<>(families.size());
      for (Builder b : families.values()) {
        if (b.samples.isEmpty()) {
          continue; // HELP/TYPE without samples: nothing to expose (as Prometheus' parser)
        }
        out.add(new ParsedFamily(b.name, b.type, Optional.ofNullable(b.help), b.samples));
      }
      return out;
    }

    private TextFormatException error(String problem) {
      return new TextFormatException(source, lineNo, problem);
    }

    private void line(String line) throws TextFormatException {
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '\r') {
          throw error("carriage return in line; use Unix line endings (\\n)");
        }
        if (c == 0) {
          throw error("NUL character in line");
        }
      }
      String trimmed = stripBlanks(line);
      if (trimmed.isEmpty()) {
        return;
      }
      if (trimmed.charAt(0) == '#') {
        comment(trimmed);
      } else {
        sample(trimmed);
      }
    }

    private void comment(String line) throws TextFormatException {
      Cursor c = new Cursor(line, 1);
      c.skipBlanks();
      String keyword = c.word();
      if (!keyword.equals("HELP") && !keyword.equals("TYPE")) {
        return; // an ordinary comment
      }
      if (!c.skipBlanks()) {
        throw error("expected a metric name after # " + keyword);
      }
      String name = c.metricName();
      if (name.isEmpty()) {
        throw error("expected a metric name after # " + keyword + ", got \"" + c.rest() + "\"");
      }
      if (!c.atEnd() && !c.skipBlanks()) {
        throw error("invalid character '" + c.peek() + "' in metric name \"" + name + c.restWord() + "\"");
      }
      if (keyword.equals("HELP")) {
        help(name, c.rest());
      } else {
        type(name, stripBlanks(c.rest()));
      }
    }

    private void help(String name, String raw) throws TextFormatException {
      Builder b = families.computeIfAbsent(name, Builder::new);
      if (b.help != null) {
        throw error("second HELP line for " + name);
      }
      if (!b.samples.isEmpty()) {
        throw error("HELP line for " + name + " after its samples");
      }
      StringBuilder text = new StringBuilder(raw.length());
      for (int i = 0; i < raw.length(); i++) {
        char ch = raw.charAt(i);
        if (ch == '\\') {
          if (i + 1 >= raw.length()) {
            throw error("help text of " + name + " ends with a lone backslash");
          }
          char next = raw.charAt(++i);
          if (next == '\\') {
            text.append('\\');
          } else if (next == 'n') {
            text.append('\n');
          } else {
            throw error("invalid escape \\" + next + " in help text of " + name + "; only \\\\ and \\n are allowed");
          }
        } else {
          text.append(ch);
        }
      }
      b.help = text.toString();
    }

    private void type(String name, String word) throws TextFormatException {
      Optional<MetricType> type = MetricType.parse(word);
      if (type.isEmpty()) {
        throw error("unknown type \"" + word + "\" for " + name
            + "; expected counter, gauge, histogram, summary or untyped");
      }
      if (derivedNames.containsKey(name)) {
        throw error("TYPE line for " + name + " clashes with the " + families.get(derivedNames.get(name)).type.word()
            + " " + derivedNames.get(name));
      }
      Builder b = families.computeIfAbsent(name, Builder::new);
      if (b.typed) {
        throw error("second TYPE line for " + name);
      }
      if (!b.samples.isEmpty()) {
        throw error("TYPE line for " + name + " after its samples");
      }
      b.type = type.get();
      b.typed = true;
      Set<String> suffixes =
          b.type == MetricType.HISTOGRAM ? HISTOGRAM_SUFFIXES
              : b.type == MetricType.SUMMARY ? SUMMARY_SUFFIXES
              : Set.of();
      for (String suffix : suffixes) {
        String derived = name + suffix;
        Builder other = families.get(derived);
        if (other != null) {
          throw error(b.type.word() + " " + name + " clashes with the family " + derived + " declared before");
        }
        derivedNames.put(derived, name);
      }
    }

    private void sample(String line) throws TextFormatException {
      Cursor c = new Cursor(line, 0);
      String name = c.metricName();
      if (name.isEmpty()) {
        throw error("expected a metric name at the start of the line, got \"" + abbreviate(line) + "\"");
      }
      List<ParsedSample.Label> labels = new ArrayList<>();
      if (c.peekIs('{')) {
        labels = labels(c, name);
      }
      if (!c.atEnd() && !c.skipBlanks()) {
        throw error("invalid character '" + c.peek() + "' after metric name \"" + name + "\"");
      }
      if (c.atEnd()) {
        throw error("sample " + name + " has no value");
      }
      String valueText = c.token();
      double value = parseValue(valueText, name);
      c.skipBlanks();
      if (!c.atEnd()) {
        String ts = c.token();
        c.skipBlanks();
        if (!c.atEnd()) {
          throw error("unexpected text after the value of " + name + ": \"" + abbreviate(c.rest()) + "\"");
        }
        if (isInteger(ts)) {
          throw error("sample " + name + " has a timestamp (" + ts + "); timestamps are not allowed");
        }
        throw error("unexpected text after the value of " + name + ": \"" + abbreviate(ts) + "\"");
      }
      labels.sort((a, b) -> a.name().compareTo(b.name()));
      ParsedSample sample = new ParsedSample(name, labels, value, lineNo);
      Builder family = familyOf(name, sample);
      if (!series.add(sample.seriesKey())) {
        throw error("duplicate series " + sample.seriesKey().replace(",}", "}"));
      }
      family.samples.add(sample);
    }

    private Builder familyOf(String name, ParsedSample sample) throws TextFormatException {
      String base = derivedNames.get(name);
      if (base != null) {
        Builder b = families.get(base);
        if (name.endsWith("_bucket")) {
          String le = sample.label("le");
          if (le == null) {
            throw error("histogram bucket " + name + " has no le label");
          }
          parseBound(le, "le", name);
        }
        return b;
      }
      Builder b = families.computeIfAbsent(name, Builder::new);
      if (b.type == MetricType.HISTOGRAM) {
        throw error("histogram " + name + " takes samples named " + name + "_bucket, " + name + "_sum and " + name
            + "_count, not " + name);
      }
      if (b.type == MetricType.SUMMARY) {
        String q = sample.label("quantile");
        if (q == null) {
          throw error("summary sample " + name + " has no quantile label");
        }
        parseBound(q, "quantile", name);
      }
      return b;
    }

    private List<ParsedSample.Label> labels(Cursor c, String metric) throws TextFormatException {
      List<ParsedSample.Label> labels = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      c.expect('{');
      while (true) {
        c.skipBlanks();
        if (c.peekIs('}')) {
          c.advance();
          return labels;
        }
        String labelName = c.labelName();
        if (labelName.isEmpty()) {
          throw error("expected a label name in the labels of " + metric + ", got \"" + abbreviate(c.rest()) + "\"");
        }
        if (labelName.startsWith("__")) {
          throw error("label name " + labelName + " of " + metric + " is reserved (starts with __)");
        }
        if (!seen.add(labelName)) {
          throw error("label " + labelName + " given twice in " + metric);
        }
        c.skipBlanks();
        if (!c.peekIs('=')) {
          throw error("expected = after label name " + labelName + " of " + metric);
        }
        c.advance();
        c.skipBlanks();
        if (!c.peekIs('"')) {
          throw error("expected a quoted value for label " + labelName + " of " + metric);
        }
        c.advance();
        labels.add(new ParsedSample.Label(labelName, labelValue(c, labelName, metric)));
        c.skipBlanks();
        if (c.peekIs(',')) {
          c.advance();
        } else if (!c.peekIs('}')) {
          throw error(c.atEnd()
              ? "labels of " + metric + " are not closed with }"
              : "expected , or } after label " + labelName + " of " + metric + ", got '" + c.peek() + "'");
        }
      }
    }

    private String labelValue(Cursor c, String labelName, String metric) throws TextFormatException {
      StringBuilder v = new StringBuilder();
      while (true) {
        if (c.atEnd()) {
          throw error("value of label " + labelName + " of " + metric + " is not closed with \"");
        }
        char ch = c.next();
        if (ch == '"') {
          return v.toString();
        }
        if (ch == '\\') {
          if (c.atEnd()) {
            throw error("value of label " + labelName + " of " + metric + " ends with a lone backslash");
          }
          char e = c.next();
          switch (e) {
            case '\\' -> v.append('\\');
            case '"' -> v.append('"');
            case 'n' -> v.append('\n');
            default -> throw error("invalid escape \\" + e + " in the value of label " + labelName + " of " + metric
                + "; only \\\\, \\\" and \\n are allowed");
          }
        } else {
          v.append(ch);
        }
      }
    }

    private double parseValue(String text, String metric) throws TextFormatException {
      Optional<Double> v = FloatText.parse(text);
      if (v.isEmpty()) {
        throw error("invalid value \"" + abbreviate(text) + "\" for " + metric
            + "; expected a decimal number, NaN, +Inf or -Inf");
      }
      return v.get();
    }

    private void parseBound(String text, String label, String metric) throws TextFormatException {
      if (FloatText.parse(text).isEmpty()) {
        throw error("invalid " + label + " label \"" + abbreviate(text) + "\" of " + metric + "; expected a number");
      }
    }
  }

  /** A family being built. */
  private static final class Builder {
    final String name;
    MetricType type = MetricType.UNTYPED;
    boolean typed;
    String help;
    final List<ParsedSample> samples = new ArrayList<>();

    Builder(String name) {
      this.name = name;
    }
  }

  /** A read position in one line. */
  private static final class Cursor {
    private final String s;
    private int i;

    Cursor(String s, int i) {
      this.s = s;
      this.i = i;
    }

    boolean atEnd() {
      return i >= s.length();
    }

    char peek() {
      return s.charAt(i);
    }

    boolean peekIs(char c) {
      return i < s.length() && s.charAt(i) == c;
    }

    char next() {
      return s.charAt(i++);
    }

    void advance() {
      i++;
    }

    void expect(char c) {
      if (peekIs(c)) {
        i++;
      }
    }

    /** Skips spaces and tabs; true if any were skipped. */
    boolean skipBlanks() {
      int from = i;
      while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
        i++;
      }
      return i > from;
    }

    String rest() {
      return s.substring(Math.min(i, s.length()));
    }

    /** The characters up to the next blank or end. */
    String restWord() {
      int end = i;
      while (end < s.length() && s.charAt(end) != ' ' && s.charAt(end) != '\t') {
        end++;
      }
      return s.substring(i, end);
    }

    String word() {
      String w = restWord();
      i += w.length();
      return w;
    }

    String token() {
      return word();
    }

    /** {@code [a-zA-Z_:][a-zA-Z0-9_:]*}, possibly empty. */
    String metricName() {
      int from = i;
      while (i < s.length()) {
        char c = s.charAt(i);
        boolean ok = c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
            || (i > from && c >= '0' && c <= '9');
        if (!ok) {
          break;
        }
        i++;
      }
      return s.substring(from, i);
    }

    /** {@code [a-zA-Z_][a-zA-Z0-9_]*}, possibly empty. */
    String labelName() {
      int from = i;
      while (i < s.length()) {
        char c = s.charAt(i);
        boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > from && c >= '0' && c <= '9');
        if (!ok) {
          break;
        }
        i++;
      }
      return s.substring(from, i);
    }
  }

  private static String stripBlanks(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
      from++;
    }
    while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
      to--;
    }
    return s.substring(from, to);
  }

  private static boolean isInteger(String s) {
    int i = s.startsWith("-") ? 1 : 0;
    if (i >= s.length()) {
      return false;
    }
    for (; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  private static int firstInvalidUtf8(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    var out = java.nio.CharBuffer.allocate(Math.max(16, bytes.length));
    decoder.decode(in, out, true);
    return in.position();
  }

  private static int lineOfByte(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
