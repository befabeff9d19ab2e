package io.vigil.exporter.server;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@code name[]} filter: a family is kept when a requested name is its name or one of the series names it
 * exposes, so {@code node_cpu_seconds_total} and {@code node_cpu_seconds} both select the CPU family. Unlike a plain
 * prefix match, {@code node_load15} does not also select {@code node_load1}.
 */
final class FamilyNameFilter {

  private static final List<String> SUFFIXES =
      List.of("_total", "_info", "_bucket", "_count", "_sum", "_created", "_gcount", "_gsum");

  private FamilyNameFilter() {}

  static Predicate<String> from(List<String> names) {
    if (names.isEmpty()) {
      return family -> true;
    }
    Set<String> wanted = Set.copyOf(names);
    return family -> {
      if (wanted.contains(family)) {
        return true;
      }
      for (String suffix : SUFFIXES) {
        if (wanted.contains(family + suffix)) {
          return true;
        }
      }
      return false;
    };
  }
}
