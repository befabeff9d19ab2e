package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.OrderedMaps;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Properties of one device from udev's database, {@code /run/udev/data/b<major>:<minor>} for block devices (see
 * udevadm(8); the {@code E:} lines are what {@code udevadm info --query=property} prints).
 *
 * @param properties {@code E:KEY=VALUE} entries in file order; other record types ({@code S:} symlinks, {@code I:},
 *     {@code G:} tags...) are not kept
 */
public record UdevDeviceData(Map<String, String> properties) {

  public static final UdevDeviceData EMPTY = new UdevDeviceData(Map.of());

  public UdevDeviceData {
    properties = OrderedMaps.copyOf(properties);
  }

  /** A property's value, or the empty string when udev did not set it (node_exporter's label convention). */
  public String property(String key) {
    return properties.getOrDefault(key, "");
  }

  /**
   * Parses the database file; lines that are not {@code E:KEY=VALUE} are ignored, a repeated key keeps its last
   * value.
   */
  public static UdevDeviceData parse(String text) {
    Map<String, String> properties = new LinkedHashMap<>();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      if (text.startsWith("E:", start)) {
        int eq = text.indexOf('=', start + 2);
        if (eq > start + 2 && eq < end) {
          properties.put(text.substring(start + 2, eq), text.substring(eq + 1, end));
        }
      }
      start = end + 1;
    }
    return new UdevDeviceData(properties);
  }
}
