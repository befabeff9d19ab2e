package io.vigil.exporter.textfile;

import java.util.Optional;

/**
 * Sample values as the text format writes them: decimal floats ({@code 1}, {@code -2.5}, {@code .5}, {@code 1e-3}),
 * {@code NaN} and {@code [+-]Inf} (Go's {@code strconv.ParseFloat} spellings, case-insensitive, {@code Infinity}
 * too). Java-only forms that {@link Double#parseDouble} would take ({@code 1d}, {@code 0x1p3}, {@code 1f}) are
 * rejected.
 */
public final class FloatText {

  private FloatText() {}

  /** The value, or empty when {@code s} is not one of the forms above. */
  public static Optional<Double> parse(String s) {
    if (s.isEmpty() || s.length() > 64) {
      return Optional.empty();
    }
    String unsigned = s.charAt(0) == '+' || s.charAt(0) == '-' ? s.substring(1) : s;
    boolean negative = s.charAt(0) == '-';
    if (unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity")) {
      return Optional.of(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    if (unsigned.equalsIgnoreCase("nan")) {
      return Optional.of(Double.NaN);
    }
    int i = 0;
    int digits = 0;
    while (i < unsigned.length() && isDigit(unsigned.charAt(i))) {
      i++;
      digits++;
    }
    if (i < unsigned.length() && unsigned.charAt(i) == '.') {
      i++;
      while (i < unsigned.length() && isDigit(unsigned.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return Optional.empty();
    }
    if (i < unsigned.length() && (unsigned.charAt(i) == 'e' || unsigned.charAt(i) == 'E')) {
      i++;
      if (i < unsigned.length() && (unsigned.charAt(i) == '+' || unsigned.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < unsigned.length() && isDigit(unsigned.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return Optional.empty();
      }
    }
    if (i != unsigned.length()) {
      return Optional.empty();
    }
    return Optional.of(Double.parseDouble(s));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
