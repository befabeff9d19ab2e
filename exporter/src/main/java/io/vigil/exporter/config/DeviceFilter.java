package io.vigil.exporter.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Include/exclude filter on device names, node_exporter's {@code device-include} / {@code device-exclude}: a device
 * is kept when it matches the include pattern (if any) and does not match the exclude pattern (if any). Patterns are
 * unanchored, as in node_exporter; write {@code ^...$} to anchor.
 *
 * <p>Thread safety: immutable.
 */
public record DeviceFilter(Optional<Pattern> include, Optional<Pattern> exclude) {

  public static final DeviceFilter ALL = new DeviceFilter(Optional.empty(), Optional.empty());

  public static DeviceFilter excluding(String regex) {
    return new DeviceFilter(Optional.empty(), Optional.of(Pattern.compile(regex)));
  }

  public boolean keeps(String name) {
    if (include.isPresent() && !include.get().matcher(name).find()) {
      return false;
    }
    return exclude.isEmpty() || !exclude.get().matcher(name).find();
  }
}
