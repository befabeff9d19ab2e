package io.vigil.exporter.source;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attributes of one network interface: the files of {@code /sys/class/net/<dev>/} on Linux (kernel
 * Documentation/ABI/testing/sysfs-class-net), with their raw text values ({@code operstate=up},
 * {@code speed=1000} in Mbit/s, {@code address=52:54:00:..}); OSHI fills the same keys where it knows them.
 * Attributes the kernel refuses to read (speed on a down link) are absent.
 */
public record NetClassDevice(String device, Map<String, String> attributes) {

  /** The attributes node_exporter's netclass collector uses, by their sysfs file name (the keys of the map). */
  public static final List<String> ATTRIBUTES =
      List.of(
          "addr_assign_type",
          "address",
          "broadcast",
          "carrier",
          "carrier_changes",
          "carrier_down_count",
          "carrier_up_count",
          "dev_id",
          "dormant",
          "duplex",
          "flags",
          "ifalias",
          "ifindex",
          "iflink",
          "link_mode",
          "mtu",
          "name_assign_type",
          "netdev_group",
          "operstate",
          "speed",
          "tx_queue_len",
          "type");

  public NetClassDevice {
    attributes = OrderedMaps.copyOf(attributes);
  }

  /** The raw text of one attribute, absent when the file is missing or unreadable. */
  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  /**
   * One attribute as an integer the way sysfs prints them and procfs parses them (Go's {@code ParseInt(s, 0, 64)}):
   * decimal, {@code 0x} hex ({@code flags=0x1003}, {@code dev_id=0x0}) or {@code 0}-prefixed octal, optionally
   * signed ({@code speed=-1}). Absent when missing or not a number.
   */
  public Optional<Long> integer(String name) {
    String raw = attributes.get(name);
    return raw == null ? Optional.empty() : parseInteger(raw);
  }

  static Optional<Long> parseInteger(String raw) {
    String s = raw.trim();
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) {
      s = s.substring(1);
    }
    int radix = 10;
    if (s.length() > 2 && (s.startsWith("0x") || s.startsWith("0X"))) {
      radix = 16;
      s = s.substring(2);
    } else if (s.length() > 1 && s.charAt(0) == '0') {
      radix = 8;
      s = s.substring(1);
    }
    if (s.isEmpty() || s.charAt(0) == '-' || s.charAt(0) == '+') {
      return Optional.empty();
    }
    try {
      long value = Long.parseLong(s, radix);
      return Optional.of(negative ? -value : value);
    } catch (NumberFormatException e) {
      return Optional.empty(); // not a number: the attribute is skipped, as procfs does
    }
  }
}
