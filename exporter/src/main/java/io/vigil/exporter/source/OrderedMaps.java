package io.vigil.exporter.source;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Immutable maps that keep insertion order (Map.copyOf does not), so output order is stable.
 *
 * <p>Source records copy the maps they are given; parsers hand over the map they just built with {@link #adopt}, and
 * {@link #copyOf} returns a map made here as it is, so the few hundred fields of {@code /proc/net/netstat} or
 * {@code /proc/vmstat} are not copied twice more on every scrape.
 */
public final class OrderedMaps {

  private OrderedMaps() {}

  /** An immutable copy; a map this class made is immutable already and returned as it is. */
  public static <K, V> Map<K, V> copyOf(Map<K, V> map) {
    if (map instanceof Frozen) {
      return map;
    }
    return new Frozen<>(new LinkedHashMap<>(map));
  }

  /** An immutable view of {@code built}, without a copy: the caller must not touch {@code built} afterwards. */
  public static <K, V> Map<K, V> adopt(LinkedHashMap<K, V> built) {
    return new Frozen<>(built);
  }

  /** Read-only, insertion-ordered; every operation goes to an unmodifiable view of a map nobody else holds. */
  private static final class Frozen<K, V> extends AbstractMap<K, V> {
    private final Map<K, V> view;

    Frozen(LinkedHashMap<K, V> map) {
      this.view = Collections.unmodifiableMap(map);
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
      return view.entrySet();
    }

    @Override
    public Set<K> keySet() {
      return view.keySet();
    }

    @Override
    public Collection<V> values() {
      return view.values();
    }

    @Override
    public V get(Object key) {
      return view.get(key);
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
      return view.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean containsKey(Object key) {
      return view.containsKey(key);
    }

    @Override
    public int size() {
      return view.size();
    }

    @Override
    public boolean isEmpty() {
      return view.isEmpty();
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
      view.forEach(action);
    }
  }
}
