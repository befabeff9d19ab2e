package io.vigil.exporter.source.procfs;

import java.util.Optional;

/**
 * The name of one hwmon attribute file, split as {@code <type><index>_<property>}: {@code temp1_input} is type
 * {@code temp}, index 1, property {@code input}; {@code in0} has the empty property; {@code beep_enable} is type
 * {@code beep_enable}, index 0. See the kernel's Documentation/hwmon/sysfs-interface.rst.
 *
 * <p>The split reproduces node_exporter's pattern {@code ^([^0-9]+)([0-9]*)?(_(.+))?$} under leftmost-first
 * matching, quirks included: the type is the longest digit-free prefix that lets the rest match, so
 * {@code temp_input} is type {@code temp_input}, and {@code temp01_max} is sensor {@code temp1}.
 *
 * @param type the sensor type ({@code temp}, {@code in}, {@code fan}, ...), never empty
 * @param index the sensor number, 0 when the name has none
 * @param property the attribute ({@code input}, {@code max}, {@code crit_alarm}, ...), empty for a bare sensor file
 */
public record HwmonAttributeName(String type, long index, String property) {

  /** node_exporter's sensor key: type and index, {@code temp1}, {@code in0}, {@code beep_enable0}. */
  public String sensor() {
    return type + index;
  }

  /** Splits a file name; empty when it does not have the hwmon shape or the index overflows. */
  public static Optional<HwmonAttributeName> parse(String fileName) {
    int n = fileName.length();
    int firstDigit = 0;
    while (firstDigit < n && !isDigit(fileName.charAt(firstDigit))) {
      firstDigit++;
    }
    if (firstDigit == 0) {
      return Optional.empty(); // the type needs at least one non-digit
    }
    // Longest type first: the whole digit-free prefix, then its digits, then "_property" or the end.
    int digitsEnd = firstDigit;
    while (digitsEnd < n && isDigit(fileName.charAt(digitsEnd))) {
      digitsEnd++;
    }
    Optional<String> rest = propertyAfter(fileName, digitsEnd);
    if (rest.isPresent()) {
      String digits = fileName.substring(firstDigit, digitsEnd);
      long index;
      if (digits.isEmpty()) {
        index = 0;
      } else {
        try {
          index = Long.parseLong(digits);
        } catch (NumberFormatException e) {
          return Optional.empty(); // Go's Atoi fails on overflow and the file is ignored
        }
      }
      return Optional.of(new HwmonAttributeName(fileName.substring(0, firstDigit), index, rest.get()));
    }
    // Backtrack: a shorter type is followed by a non-digit, so only "_property" right after it can match.
    for (int typeEnd = firstDigit - 1; typeEnd >= 1; typeEnd--) {
      if (fileName.charAt(typeEnd) == '_') {
        Optional<String> property = propertyAfter(fileName, typeEnd);
        if (property.isPresent()) {
          return Optional.of(new HwmonAttributeName(fileName.substring(0, typeEnd), 0, property.get()));
        }
      }
    }
    return Optional.empty();
  }

  /** At {@code pos}: the end of the name (empty property), or {@code _} followed by a non-empty one-line property. */
  private static Optional<String> propertyAfter(String name, int pos) {
    if (pos == name.length()) {
      return Optional.of("");
    }
    if (name.charAt(pos) == '_' && pos + 1 < name.length() && name.indexOf('\n', pos + 1) < 0) {
      return Optional.of(name.substring(pos + 1));
    }
    return Optional.empty();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
