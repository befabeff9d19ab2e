package io.vigil.exporter.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies of maps that keep insertion order (Map.copyOf does not), so output order is stable. */
public final class OrderedMaps {

  private OrderedMaps() {}

  public static <K, V> Map<K, V> copyOf(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
