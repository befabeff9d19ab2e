package io.vigil.exporter.server;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * node_exporter's {@code collect[]} (allow-list) and {@code exclude[]} (deny-list) query filters: naming a collector
 * that is not enabled, or using both at once, is a 400.
 */
final class CollectorSelection {

  private CollectorSelection() {}

  static Predicate<String> from(List<String> collect, List<String> exclude, Set<String> enabled)
      throws BadRequestException {
    if (!collect.isEmpty() && !exclude.isEmpty()) {
      throw new BadRequestException("collect[] and exclude[] cannot be used together");
    }
    for (String name : collect.isEmpty() ? exclude : collect) {
      if (!enabled.contains(name)) {
        throw new BadRequestException(
            "unknown or disabled collector \"" + name + "\"; enabled collectors: "
                + String.join(", ", enabled.stream().sorted().toList()));
      }
    }
    if (!collect.isEmpty()) {
      Set<String> wanted = Set.copyOf(collect);
      return wanted::contains;
    }
    Set<String> unwanted = Set.copyOf(exclude);
    return name -> !unwanted.contains(name);
  }
}
