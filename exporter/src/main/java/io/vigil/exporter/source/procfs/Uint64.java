package io.vigil.exporter.source.procfs;

/**
 * Kernel {@code u64} counters held in a Java {@code long}: parsing and conversion to the {@code double} a sample
 * carries, so values above {@link Long#MAX_VALUE} (FC's all-ones "not implemented" marker, ZFS byte counters) keep
 * their magnitude.
 *
 * <p>Thread safety: stateless.
 */
public final class Uint64 {

  /** The all-ones value FC HBAs print for a counter their firmware does not implement. */
  public static final long ALL_ONES = -1L;

  private Uint64() {}

  /** Parses a decimal {@code u64}; no sign, no spaces. */
  public static long parse(String s) {
    if (s.isEmpty() || s.charAt(0) == '+' || s.charAt(0) == '-') {
      throw new NumberFormatException("not an unsigned integer: \"" + s + "\"");
    }
    return Long.parseUnsignedLong(s);
  }

  /**
   * Parses a {@code u64} as Go's {@code strconv.ParseUint(s, 0, 64)} does (what procfs' value parser uses for sysfs
   * attributes): {@code 0x} hexadecimal, {@code 0} octal, otherwise decimal.
   */
  public static long parseAnyBase(String s) {
    if (s.startsWith("0x") || s.startsWith("0X")) {
      return parseRadix(s.substring(2), 16, s);
    }
    if (s.length() > 1 && s.charAt(0) == '0') {
      return parseRadix(s.substring(1), 8, s);
    }
    return parse(s);
  }

  private static long parseRadix(String digits, int radix, String original) {
    if (digits.isEmpty() || digits.charAt(0) == '+' || digits.charAt(0) == '-') {
      throw new NumberFormatException("not an unsigned integer: \"" + original + "\"");
    }
    return Long.parseUnsignedLong(digits, radix);
  }

  /** The unsigned value as a double (rounded to the nearest double, as Go's {@code float64(uint64)}). */
  public static double toDouble(long value) {
    if (value >= 0) {
      return value;
    }
    // halve (keeping the lowest bit so rounding stays correct), convert, double again
    return ((value >>> 1) | (value & 1)) * 2.0;
  }
}
