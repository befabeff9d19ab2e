package io.vigil.exporter.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits procfs lines on runs of spaces and tabs without a regex (procfs pads columns with both).
 *
 * <p>Thread safety: stateless.
 */
public final class Tokens {

  private Tokens() {}

  /** The whitespace-separated fields of {@code line}; empty for a blank line. */
  public static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && isBlank(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isBlank(line.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(line.substring(start, i));
      }
    }
    return out;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
