package io.vigil.exporter.source;

import java.util.Map;

/**
 * Operating system identification: {@code /etc/os-release} (falling back to {@code /usr/lib/os-release}) on Linux,
 * see os-release(5); OSHI's OS version elsewhere.
 *
 * @param fields the KEY=value pairs, unquoted ({@code ID}, {@code VERSION_ID}, {@code PRETTY_NAME}, ...)
 */
public record OsRelease(Map<String, String> fields) {
  public OsRelease {
    fields = OrderedMaps.copyOf(fields);
  }

  public String get(String key) {
    return fields.getOrDefault(key, "");
  }
}
