package io.vigil.exporter.source;

import java.util.Map;

/**
 * Attributes of one network interface: the files of {@code /sys/class/net/<dev>/} on Linux (kernel
 * Documentation/ABI/testing/sysfs-class-net), with their raw text values ({@code operstate=up},
 * {@code speed=1000} in Mbit/s, {@code address=52:54:00:..}); OSHI fills the same keys where it knows them.
 * Attributes the kernel refuses to read (speed on a down link) are absent.
 */
public record NetClassDevice(String device, Map<String, String> attributes) {
  public NetClassDevice {
    attributes = OrderedMaps.copyOf(attributes);
  }
}
