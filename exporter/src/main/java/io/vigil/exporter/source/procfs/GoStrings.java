package io.vigil.exporter.source.procfs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The text handling node_exporter applies to sysfs attribute bytes, reproduced so label values match it byte for
 * byte: Go's {@code strings.ToValidUTF8(s, "\uFFFD")} (one replacement character per run of invalid bytes, where
 * Java's decoder puts one per byte) and {@code strings.TrimSpace} (Unicode White_Space, which includes NBSP and NEL,
 * unlike {@link String#strip()}).
 *
 * <p>Thread safety: stateless.
 */
public final class GoStrings {

  private static final byte[] REPLACEMENT = "\uFFFD".getBytes(StandardCharsets.UTF_8);

  private GoStrings() {}

  /** Decodes UTF-8, replacing each run of invalid bytes with one U+FFFD, as Go's {@code strings.ToValidUTF8}. */
  public static String toValidUtf8(byte[] bytes, int offset, int length) {
    return decode(bytes, offset, length, true);
  }

  /**
   * Decodes UTF-8 the way Go's {@code for range} over a string sees it: each invalid byte is one U+FFFD. This is what
   * {@code strings.ToLower} and {@code regexp} work on in node_exporter's hwmon name cleaning.
   */
  public static String decodeRunes(byte[] bytes, int offset, int length) {
    return decode(bytes, offset, length, false);
  }

  private static String decode(byte[] bytes, int offset, int length, boolean collapseRuns) {
    int end = offset + length;
    int i = offset;
    while (i < end && bytes[i] >= 0) {
      i++;
    }
    if (i == end) {
      return new String(bytes, offset, length, StandardCharsets.US_ASCII); // the common all-ASCII case
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(length + 4);
    out.write(bytes, offset, i - offset);
    boolean inInvalidRun = false;
    while (i < end) {
      int width = validRuneWidth(bytes, i, end);
      if (width == 0) {
        if (!inInvalidRun || !collapseRuns) {
          out.write(REPLACEMENT, 0, REPLACEMENT.length);
          inInvalidRun = true;
        }
        i++;
      } else {
        out.write(bytes, i, width);
        inInvalidRun = false;
        i += width;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Go's {@code strings.TrimSpace}: strips Unicode White_Space from both ends. */
  public static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /** Go's {@code strings.Trim(s, "\n")}: hwmon values lose their newlines but keep any other whitespace. */
  public static String trimNewlines(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '\n') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '\n') {
      end--;
    }
    return s.substring(start, end);
  }

  /** Go's {@code unicode.IsSpace} (all White_Space characters are in the BMP). */
  static boolean isSpace(char c) {
    switch (c) {
      case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u0085', '\u00A0':
        return true;
      default:
        return c > '\u00FF' && Character.isSpaceChar(c);
    }
  }

  /**
   * Width of the valid UTF-8 sequence at {@code i}, or 0 when it is invalid (truncated, overlong, a surrogate or
   * beyond U+10FFFF), following Go's {@code utf8.DecodeRune}.
   */
  private static int validRuneWidth(byte[] b, int i, int end) {
    int b0 = b[i] & 0xFF;
    if (b0 < 0x80) {
      return 1;
    }
    int width;
    int lo = 0x80;
    int hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      width = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      width = 3;
      if (b0 == 0xE0) {
        lo = 0xA0;
      } else if (b0 == 0xED) {
        hi = 0x9F;
      }
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      width = 4;
      if (b0 == 0xF0) {
        lo = 0x90;
      } else if (b0 == 0xF4) {
        hi = 0x8F;
      }
    } else {
      return 0;
    }
    if (i + width > end) {
      return 0;
    }
    int b1 = b[i + 1] & 0xFF;
    if (b1 < lo || b1 > hi) {
      return 0;
    }
    for (int k = 2; k < width; k++) {
      int bk = b[i + k] & 0xFF;
      if (bk < 0x80 || bk > 0xBF) {
        return 0;
      }
    }
    return width;
  }
}
