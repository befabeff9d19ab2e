package io.vigil.exporter.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small reader of Prometheus text format 0.0.4, for comparing two exporters' outputs in tests: families by name,
 * each with its TYPE, HELP and samples keyed by {@code name{sorted labels}}. Values are parsed as doubles, so Go's
 * {@code 4.2e+07} and Java's {@code 4.2E7} compare equal.
 */
public final class ExpositionText {

  /** One family as exposed. */
  public record Family(String type, String help, Map<String, Double> samples) {}

  private ExpositionText() {}

  public static Map<String, Family> parse(String text) {
    Map<String, String> types = new LinkedHashMap<>();
    Map<String, String> helps = new LinkedHashMap<>();
    Map<String, Map<String, Double>> samples = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# HELP ")) {
        String[] parts = line.substring(7).split(" ", 2);
        helps.put(parts[0], parts.length > 1 ? parts[1] : "");
      } else if (line.startsWith("# TYPE ")) {
        String[] parts = line.substring(7).split(" ", 2);
        types.put(parts[0], parts[1]);
      } else if (!line.isBlank() && !line.startsWith("#")) {
        int space = line.lastIndexOf(' ');
        String series = line.substring(0, space);
        String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
        String family = types.containsKey(name) ? name : familyOf(name, types);
        samples.computeIfAbsent(family, f -> new TreeMap<>())
            .put(name + labels(series), Double.parseDouble(line.substring(space + 1)));
      }
    }
    Map<String, Family> families = new TreeMap<>();
    types.forEach((name, type) ->
        families.put(name, new Family(type, helps.get(name), samples.getOrDefault(name, Map.of()))));
    return families;
  }

  private static String familyOf(String sampleName, Map<String, String> types) {
    for (String suffix : new String[] {"_total", "_created", "_bucket", "_count", "_sum", "_info"}) {
      if (sampleName.endsWith(suffix)) {
        String base = sampleName.substring(0, sampleName.length() - suffix.length());
        if (types.containsKey(base)) {
          return base;
        }
      }
    }
    return sampleName;
  }

  /** Labels of a series, re-rendered in name order so both exporters' orders compare equal. */
  private static String labels(String series) {
    int open = series.indexOf('{');
    if (open < 0) {
      return "";
    }
    Map<String, String> labels = new TreeMap<>();
    String body = series.substring(open + 1, series.lastIndexOf('}'));
    int i = 0;
    while (i < body.length()) {
      int eq = body.indexOf('=', i);
      String name = body.substring(i, eq).trim();
      StringBuilder value = new StringBuilder();
      int j = eq + 2; // skip ="
      while (body.charAt(j) != '"') {
        if (body.charAt(j) == '\\') {
          j++;
        }
        value.append(body.charAt(j));
        j++;
      }
      labels.put(name, value.toString());
      i = j + 1;
      if (i < body.length() && body.charAt(i) == ',') {
        i++;
      }
    }
    StringBuilder out = new StringBuilder("{");
    labels.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(k).append("=\"").append(v).append('"'));
    return out.append('}').toString();
  }
}
