package io.vigil.exporter.source;

import java.nio.file.Path;
import java.util.LinkedHashMap;
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

  /**
   * Parses os-release(5): shell-style {@code KEY=value} assignments, one per line; values may be unquoted,
   * "double-quoted" (backslash escapes {@code \" \\ \$ \`}) or 'single-quoted'. Blank lines and {@code #} comments
   * are skipped; a later assignment of the same key wins, as in the shell.
   *
   * @param path the file, for error messages
   * @throws MalformedFileException on a line that is not an assignment or has an unterminated quote
   */
  public static OsRelease parse(Path path, String text) throws MalformedFileException {
    Map<String, String> fields = new LinkedHashMap<>();
    int lineNo = 0;
    for (String raw : text.lines().toList()) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0 || !isName(line.substring(0, eq))) {
        throw new MalformedFileException(path, lineNo, raw, "expected KEY=value");
      }
      String value = unquote(path, lineNo, raw, line.substring(eq + 1));
      fields.remove(line.substring(0, eq)); // keep file order of the assignment that wins
      fields.put(line.substring(0, eq), value);
    }
    return new OsRelease(fields);
  }

  private static String unquote(Path path, int lineNo, String raw, String value) throws MalformedFileException {
    StringBuilder out = new StringBuilder(value.length());
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c == '\'') {
        int end = value.indexOf('\'', i + 1);
        if (end < 0) {
          throw new MalformedFileException(path, lineNo, raw, "unterminated single quote");
        }
        out.append(value, i + 1, end);
        i = end + 1;
      } else if (c == '"') {
        i++;
        while (true) {
          if (i >= value.length()) {
            throw new MalformedFileException(path, lineNo, raw, "unterminated double quote");
          }
          char d = value.charAt(i);
          if (d == '"') {
            i++;
            break;
          }
          if (d == '\\' && i + 1 < value.length() && "\"\\$`".indexOf(value.charAt(i + 1)) >= 0) {
            d = value.charAt(++i);
          }
          out.append(d);
          i++;
        }
      } else if (c == '\\' && i + 1 < value.length()) {
        out.append(value.charAt(i + 1));
        i += 2;
      } else if (c == '#' && i > 0 && Character.isWhitespace(value.charAt(i - 1))) {
        out.setLength(out.toString().stripTrailing().length());
        break; // trailing comment after an unquoted value
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isName(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return !s.isEmpty();
  }
}
