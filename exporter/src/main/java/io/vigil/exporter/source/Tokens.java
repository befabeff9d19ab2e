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

  /**
   * {@code s.split(String.valueOf(sep))} without a regex or a list: the pieces between separators, trailing empty
   * pieces dropped, and {@code {s}} when there is no separator, exactly as {@link String#split(String)}.
   */
  public static String[] split(String s, char sep) {
    String[] all = splitAll(s, sep);
    int n = all.length;
    if (n == 1) {
      return all;
    }
    while (n > 0 && all[n - 1].isEmpty()) {
      n--;
    }
    return n == all.length ? all : java.util.Arrays.copyOf(all, n);
  }

  /** As {@code s.split(sep, -1)}: every piece, trailing empty ones included. */
  public static String[] splitAll(String s, char sep) {
    int count = 1;
    for (int i = s.indexOf(sep); i >= 0; i = s.indexOf(sep, i + 1)) {
      count++;
    }
    String[] out = new String[count];
    int start = 0;
    for (int k = 0; k < count - 1; k++) {
      int end = s.indexOf(sep, start);
      out[k] = s.substring(start, end);
      start = end + 1;
    }
    out[count - 1] = s.substring(start);
    return out;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }
}
