package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.OrderedMaps;
import io.vigil.exporter.source.TextFields;
import io.vigil.exporter.source.Tokens;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Socket counts: {@code /proc/net/sockstat} (IPv4, with the {@code sockets: used N} line) and
 * {@code /proc/net/sockstat6} (IPv6), one line per protocol of {@code key value} pairs:
 * {@code TCP: inuse 4 orphan 0 tw 2 alloc 6 mem 1}. {@code mem} of TCP and UDP is in pages (see
 * {@link Protocol#memBytes}); the other values are socket counts, except FRAG's {@code memory} (bytes). Kernel source:
 * net/ipv4/proc.c and net/ipv6/proc.c; no Documentation/ page describes it.
 *
 * @param socketsUsed the {@code sockets: used} count (IPv4 file only)
 * @param protocols the protocol lines in file order
 */
public record NetSockstat(OptionalLong socketsUsed, List<NetSockstat.Protocol> protocols) {

  public NetSockstat {
    protocols = List.copyOf(protocols);
  }

  /**
   * One protocol line.
   *
   * @param name as the kernel spells it ({@code TCP}, {@code UDPLITE6}, {@code FRAG})
   * @param values the key/value pairs in line order
   */
  public record Protocol(String name, Map<String, Long> values) {
    public Protocol {
      values = OrderedMaps.copyOf(values);
    }

    public OptionalLong value(String key) {
      Long v = values.get(key);
      return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** {@code mem} converted from pages to bytes. */
    public OptionalLong memBytes(long pageSize) {
      OptionalLong pages = value("mem");
      return pages.isPresent() ? OptionalLong.of(pages.getAsLong() * pageSize) : OptionalLong.empty();
    }
  }

  /**
   * Reads {@code <proc>/net/<file>} ({@code sockstat} or {@code sockstat6}); empty when the file does not exist
   * (that IP version is disabled in this kernel).
   */
  public static Optional<NetSockstat> read(ProcFs proc, String file) throws IOException {
    Path path = proc.path("net", file);
    String text;
    try {
      text = ProcFs.readText(path);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    return Optional.of(parse(path, text));
  }

  /**
   * Parses one sockstat file.
   *
   * @param path the file, for error messages
   * @throws MalformedFileException on a line without a protocol and at least one pair, an odd number of fields, or a
   *     value that is not an integer
   */
  public static NetSockstat parse(Path path, String text) throws MalformedFileException {
    OptionalLong used = OptionalLong.empty();
    List<Protocol> protocols = new ArrayList<>();
    String[] lines = Tokens.split(text, '\n');
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      List<String> fields = TextFields.split(line);
      if (fields.size() < 3 || fields.size() % 2 == 0 || !fields.get(0).endsWith(":")) {
        throw new MalformedFileException(path, i + 1, line, "expected \"<protocol>: <key> <value> ...\"");
      }
      String name = fields.get(0).substring(0, fields.get(0).length() - 1);
      Map<String, Long> values = new LinkedHashMap<>();
      for (int f = 1; f < fields.size(); f += 2) {
        values.put(fields.get(f), parseValue(path, i + 1, line, fields.get(f + 1)));
      }
      if (name.equals("sockets")) {
        Long v = values.get("used");
        used = v == null ? OptionalLong.empty() : OptionalLong.of(v);
      } else {
        protocols.add(new Protocol(name, values));
      }
    }
    return new NetSockstat(used, protocols);
  }

  private static long parseValue(Path path, int lineNo, String line, String value) throws MalformedFileException {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new MalformedFileException(path, lineNo, line, "not an integer: " + value);
    }
  }
}
