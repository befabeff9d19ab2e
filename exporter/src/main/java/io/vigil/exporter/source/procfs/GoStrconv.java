package io.vigil.exporter.source.procfs;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Number parsing that accepts exactly what node_exporter's Go code accepts ({@code strconv.ParseFloat},
 * {@code strconv.ParseInt(s, 10, 64)}), so a sysfs value Vigil reports is one node_exporter reports and vice versa.
 * Java's own parsers differ at the edges: {@code Double.parseDouble} trims whitespace and takes {@code "1d"} and
 * {@code "Infinity"} but not {@code "inf"}; {@code Long.parseLong} takes non-ASCII digits.
 *
 * <p>Thread safety: stateless.
 */
public final class GoStrconv {

  private GoStrconv() {}

  /**
   * Go's {@code strconv.ParseFloat(s, 64)}: decimal or hexadecimal ({@code 0x1p4}) literals with optional sign and
   * {@code _} digit separators, {@code inf}/{@code infinity}/{@code nan} in any case; no surrounding whitespace.
   * Empty when Go would return an error, including out of range ({@code 1e400}).
   */
  public static OptionalDouble parseFloat(String s) {
    if (s.isEmpty()) {
      return OptionalDouble.empty();
    }
    OptionalDouble special = special(s);
    if (special.isPresent()) {
      return special;
    }
    if (!isFloatLiteral(s)) {
      return OptionalDouble.empty();
    }
    String digits = s.indexOf('_') >= 0 ? s.replace("_", "") : s;
    double value;
    try {
      value = Double.parseDouble(digits);
    } catch (NumberFormatException e) {
      return OptionalDouble.empty(); // unreachable after the syntax check; kept so a gap there is a skip, not a crash
    }
    if (Double.isInfinite(value)) {
      return OptionalDouble.empty(); // Go reports ErrRange
    }
    return OptionalDouble.of(value);
  }

  /** Go's {@code strconv.ParseInt(s, 10, 64)}: optional sign, ASCII digits, no separators, in range. */
  public static OptionalLong parseInt64(String s) {
    int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    if (start == s.length()) {
      return OptionalLong.empty();
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return OptionalLong.empty();
      }
    }
    try {
      return OptionalLong.of(Long.parseLong(s));
    } catch (NumberFormatException e) {
      return OptionalLong.empty(); // out of int64 range
    }
  }

  /** Go's {@code special}: [+-]inf, [+-]infinity, nan, case-insensitive, and nothing else after it. */
  private static OptionalDouble special(String s) {
    String body = s;
    double sign = 1;
    char first = s.charAt(0);
    if (first == '+' || first == '-') {
      sign = first == '-' ? -1 : 1;
      body = s.substring(1);
    } else if (body.equalsIgnoreCase("nan")) {
      return OptionalDouble.of(Double.NaN);
    }
    if (body.equalsIgnoreCase("inf") || body.equalsIgnoreCase("infinity")) {
      return OptionalDouble.of(sign * Double.POSITIVE_INFINITY);
    }
    return OptionalDouble.empty();
  }

  /** Go's {@code readFloat} syntax over the whole string, plus its {@code underscoreOK} rule. */
  private static boolean isFloatLiteral(String s) {
    int i = 0;
    int n = s.length();
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      i++;
    }
    boolean hex = false;
    if (i + 2 <= n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
      hex = true;
      i += 2;
    }
    boolean sawDigits = false;
    boolean sawDot = false;
    boolean underscores = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c == '_') {
        underscores = true;
      } else if (c == '.') {
        if (sawDot) {
          break;
        }
        sawDot = true;
      } else if (isDigit(c, hex)) {
        sawDigits = true;
      } else {
        break;
      }
    }
    if (!sawDigits) {
      return false;
    }
    boolean sawExponent = false;
    if (i < n && (hex ? (s.charAt(i) == 'p' || s.charAt(i) == 'P') : (s.charAt(i) == 'e' || s.charAt(i) == 'E'))) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      if (i >= n || s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
      for (; i < n && (isDigit(s.charAt(i), false) || s.charAt(i) == '_'); i++) {
        underscores |= s.charAt(i) == '_';
      }
      sawExponent = true;
    }
    if (hex && !sawExponent) {
      return false; // Go requires the p exponent on hexadecimal floats
    }
    return i == n && (!underscores || underscoreOk(s));
  }

  private static boolean isDigit(char c, boolean hex) {
    return (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
  }

  /** An underscore must sit between digits (or after the base prefix), never first, last or doubled. */
  private static boolean underscoreOk(String s) {
    char saw = '^';
    int i = 0;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      i = 1;
    }
    boolean hex = false;
    if (i + 2 <= s.length() && s.charAt(i) == '0' && "bBoOxX".indexOf(s.charAt(i + 1)) >= 0) {
      hex = Character.toLowerCase(s.charAt(i + 1)) == 'x';
      i += 2;
      saw = '0';
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isDigit(c, hex)) {
        saw = '0';
      } else if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
      } else if (saw == '_') {
        return false;
      } else {
        saw = '!';
      }
    }
    return saw != '_';
  }
}
