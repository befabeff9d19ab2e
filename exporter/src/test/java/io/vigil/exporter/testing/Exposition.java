package io.vigil.exporter.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A parsed text 0.0.4 exposition: families with their type and samples. Written for comparing outputs in tests;
 * it understands what node_exporter and client_java emit (HELP, TYPE, labelled samples, escapes).
 */
public record Exposition(Map<String, Family> families) {

  /** One family: its declared type, help text (unescaped, empty if none) and samples. */
  public record Family(String name, String type, String help, List<Sample> samples) {
    /** Label names used by its samples (union). */
    public Set<String> labelNames() {
      Set<String> names = new TreeSet<>();
      samples.forEach(s -> names.addAll(s.labels().keySet()));
      return names;
    }

    /**
     * Series keyed as {@code name{a="x",b="y"}} with labels in name order and values unescaped, so two exporters'
     * outputs compare equal whatever their label order.
     */
    public Map<String, Double> series() {
      Map<String, Double> out = new TreeMap<>();
      for (Sample s : samples) {
        StringBuilder key = new StringBuilder(s.name());
        if (!s.labels().isEmpty()) {
          key.append('{');
          s.labels().forEach((k, v) -> key.append(key.charAt(key.length() - 1) == '{' ? "" : ",")
              .append(k).append("=\"").append(v).append('"'));
          key.append('}');
        }
        out.put(key.toString(), s.value());
      }
      return out;
    }

    public Optional<Sample> find(Map<String, String> labels) {
      return samples.stream().filter(s -> s.labels().equals(labels)).findFirst();
    }
  }

  /** One sample line. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  public static Exposition parse(String text) {
    Map<String, Family> families = new LinkedHashMap<>();
    Map<String, String> helps = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# HELP ")) {
        int nameEnd = line.indexOf(' ', 7);
        String name = nameEnd < 0 ? line.substring(7) : line.substring(7, nameEnd);
        helps.put(name, nameEnd < 0 ? "" : unescapeHelp(line.substring(nameEnd + 1)));
      } else if (line.startsWith("# TYPE ")) {
        String[] parts = line.split(" ");
        families.put(parts[2], new Family(parts[2], parts[3], helps.getOrDefault(parts[2], ""), new ArrayList<>()));
      } else if (!line.startsWith("#") && !line.isBlank()) {
        Sample s = sample(line);
        Family f = families.get(s.name());
        if (f == null) {
          f = familyOf(s.name(), families);
        }
        f.samples().add(s);
      }
    }
    return new Exposition(families);
  }

  private static Family familyOf(String sampleName, Map<String, Family> families) {
    for (String suffix : List.of("_total", "_bucket", "_count", "_sum", "_created", "_info")) {
      if (sampleName.endsWith(suffix)) {
        Family f = families.get(sampleName.substring(0, sampleName.length() - suffix.length()));
        if (f != null) {
          return f;
        }
      }
    }
    return families.computeIfAbsent(sampleName, n -> new Family(n, "untyped", "", new ArrayList<>()));
  }

  private static String unescapeHelp(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(n == 'n' ? '\n' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  static Sample sample(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    String name;
    Map<String, String> labels = new TreeMap<>();
    int valueStart;
    if (brace >= 0 && brace < space) {
      name = line.substring(0, brace);
      int i = brace + 1;
      while (line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        String key = line.substring(i, eq).trim();
        StringBuilder v = new StringBuilder();
        int j = eq + 2; // skip ="
        while (line.charAt(j) != '"') {
          char c = line.charAt(j);
          if (c == '\\') {
            char n = line.charAt(++j);
            v.append(n == 'n' ? '\n' : n);
          } else {
            v.append(c);
          }
          j++;
        }
        labels.put(key, v.toString());
        i = j + 1;
        if (line.charAt(i) == ',') {
          i++;
        }
      }
      valueStart = i + 2;
    } else {
      name = line.substring(0, space);
      valueStart = space + 1;
    }
    String rest = line.substring(valueStart).trim();
    String value = rest.contains(" ") ? rest.substring(0, rest.indexOf(' ')) : rest;
    return new Sample(name, labels, parseValue(value));
  }

  private static double parseValue(String v) {
    return switch (v) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(v);
    };
  }

  public Optional<Family> family(String name) {
    return Optional.ofNullable(families.get(name));
  }
}
