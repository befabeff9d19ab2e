package io.vigil.exporter.source;

import java.util.ArrayList;
import java.util.List;

/** Splits a procfs line on runs of spaces and tabs without a regex (procfs hot paths). */
final class WhitespaceFields {

  private WhitespaceFields() {}

  static String[] split(String line) {
    List<String> fields = new ArrayList<>(24);
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
        fields.add(line.substring(start, i));
      }
    }
    return fields.toArray(new String[0]);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }
}
