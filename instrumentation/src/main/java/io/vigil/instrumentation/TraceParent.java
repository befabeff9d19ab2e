package io.vigil.instrumentation;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ids of a W3C Trace Context {@code traceparent} header ({@code 00-<trace-id>-<parent-id>-<flags>}, see
 * https://www.w3.org/TR/trace-context/#traceparent-header), as lower-case hex strings.
 *
 * @param traceId 32 hex digits, not all zero
 * @param spanId 16 hex digits, not all zero (the header's {@code parent-id})
 * @param flags 2 hex digits
 */
public record TraceParent(String traceId, String spanId, String flags) {

  /** The request attribute under which the plugin leaves the request's {@code TraceParent}, for logs. */
  public static final String REQUEST_ATTRIBUTE = TraceParent.class.getName();

  private static final int VERSION_00_LENGTH = 55;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  public TraceParent {
    if (!isHex(traceId, 0, traceId.length()) || traceId.length() != 32 || isZero(traceId)) {
      throw new IllegalArgumentException("trace id must be 32 lower-case hex digits, not all zero: " + traceId);
    }
    if (!isHex(spanId, 0, spanId.length()) || spanId.length() != 16 || isZero(spanId)) {
      throw new IllegalArgumentException("span id must be 16 lower-case hex digits, not all zero: " + spanId);
    }
    if (!isHex(flags, 0, flags.length()) || flags.length() != 2) {
      throw new IllegalArgumentException("flags must be 2 lower-case hex digits: " + flags);
    }
  }

  /**
   * Parses a {@code traceparent} header value. Empty for a missing or invalid value, as the specification asks
   * (an invalid header is ignored, never an error): wrong length, upper-case or non-hex digits, version {@code ff},
   * all-zero ids, or a version 00 header with trailing data.
   */
  public static Optional<TraceParent> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String h = header.strip();
    if (h.length() < VERSION_00_LENGTH
        || h.charAt(2) != '-' || h.charAt(35) != '-' || h.charAt(52) != '-'
        || !isHex(h, 0, 2) || !isHex(h, 3, 35) || !isHex(h, 36, 52) || !isHex(h, 53, 55)
        || h.startsWith("ff")) {
      return Optional.empty();
    }
    // Version 00 is exactly 55 characters; a later version may append fields after a dash.
    boolean version00 = h.startsWith("00");
    if (h.length() > VERSION_00_LENGTH && (version00 || h.charAt(VERSION_00_LENGTH) != '-')) {
      return Optional.empty();
    }
    String traceId = h.substring(3, 35);
    String spanId = h.substring(36, 52);
    if (isZero(traceId) || isZero(spanId)) {
      return Optional.empty();
    }
    return Optional.of(new TraceParent(traceId, spanId, h.substring(53, 55)));
  }

  /** New random ids with flags {@code 00} (not sampled: the plugin records no spans). */
  public static TraceParent random() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String traceId;
    do {
      traceId = hex(random.nextLong()) + hex(random.nextLong());
    } while (isZero(traceId));
    String spanId;
    do {
      spanId = hex(random.nextLong());
    } while (isZero(spanId));
    return new TraceParent(traceId, spanId, "00");
  }

  /** The header value, version 00. */
  public String toHeader() {
    return "00-" + traceId + "-" + spanId + "-" + flags;
  }

  private static String hex(long value) {
    char[] out = new char[16];
    for (int i = 15; i >= 0; i--) {
      out[i] = HEX[(int) (value & 0xf)];
      value >>>= 4;
    }
    return new String(out);
  }

  private static boolean isHex(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isZero(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }
}
