package io.vigil.exporter.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The decoded parameters of a request's raw query string; repeated names keep every value in order. */
record QueryString(Map<String, List<String>> params) {

  static QueryString parse(String rawQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    return new QueryString(params);
  }

  List<String> all(String name) {
    return params.getOrDefault(name, List.of());
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // malformed %-escape: keep it literal; an unknown collector name is then rejected with 400
    }
  }
}
