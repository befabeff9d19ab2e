package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.Tokens;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The socket tables {@code /proc/net/tcp}, {@code tcp6}, {@code udp} and {@code udp6} (see proc(5); printed by
 * net/ipv4/tcp_ipv4.c, net/ipv6/tcp_ipv6.c, net/ipv4/udp.c and net/ipv6/datagram.c). A header line, then one line
 * per socket: {@code "   0: 0100007F:0019 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0 ..."}, i.e.
 * slot, local and remote address:port in hex, state in hex, transmit:receive queue in hex, timer, retransmits, uid,
 * and more. Only the fields collectors use are kept.
 *
 * @param sockets the sockets in file order
 */
public record NetIpSocket(List<NetIpSocket.Line> sockets) {

  /** Slot, local, remote, state, queues, timer, retransmits, uid: the columns every variant prints. */
  private static final int MIN_FIELDS = 8;

  public NetIpSocket {
    sockets = List.copyOf(sockets);
  }

  /**
   * One socket.
   *
   * @param state the kernel's state number (TCP: 1 ESTABLISHED ... 10 LISTEN, 11 CLOSING; UDP: 7 unconnected, 1
   *     connected)
   * @param txQueue bytes in the send queue (for TCP, unacknowledged bytes)
   * @param rxQueue bytes in the receive queue (for a TCP listener, connections waiting to be accepted)
   */
  public record Line(int state, long txQueue, long rxQueue) {}

  /**
   * Reads {@code <procfs>/net/<file>}; empty when it does not exist (that IP version is disabled in this kernel).
   *
   * @param file {@code tcp}, {@code tcp6}, {@code udp} or {@code udp6}
   */
  public static Optional<NetIpSocket> read(ProcFs proc, String file) throws IOException {
    Path path = proc.path("net", file);
    try {
      return Optional.of(parse(path, ProcFs.readText(path)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /**
   * Parses one table; the first line is the header.
   *
   * @throws MalformedFileException on a line with fewer than eight fields or a slot, address, state, queue or uid
   *     that does not parse
   */
  public static NetIpSocket parse(Path path, String text) throws MalformedFileException {
    List<String> lines = text.lines().toList();
    List<Line> sockets = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      List<String> f = Tokens.fields(line);
      if (f.isEmpty()) {
        continue;
      }
      if (f.size() < MIN_FIELDS || !f.get(0).endsWith(":")) {
        throw new MalformedFileException(path, i + 1, line, "expected a socket line of at least " + MIN_FIELDS
            + " fields: sl, local_address, rem_address, st, tx_queue:rx_queue, tr:tm->when, retrnsmt, uid");
      }
      try {
        Integer.parseInt(f.get(0).substring(0, f.get(0).length() - 1));
        checkAddress(f.get(1));
        checkAddress(f.get(2));
        int state = Integer.parseInt(f.get(3), 16);
        int colon = f.get(4).indexOf(':');
        if (colon < 0) {
          throw new NumberFormatException("no colon in tx_queue:rx_queue");
        }
        long tx = Long.parseLong(f.get(4).substring(0, colon), 16);
        long rx = Long.parseLong(f.get(4).substring(colon + 1), 16);
        Long.parseLong(f.get(7));
        sockets.add(new Line(state, tx, rx));
      } catch (NumberFormatException e) {
        throw new MalformedFileException(path, i + 1, line, "unparseable socket line: " + e.getMessage());
      }
    }
    return new NetIpSocket(sockets);
  }

  /** {@code 0100007F:0019}: a hex address of 8 or 32 digits, a colon, a hex port. */
  private static void checkAddress(String field) {
    int colon = field.indexOf(':');
    if ((colon != 8 && colon != 32) || colon == field.length() - 1) {
      throw new NumberFormatException("bad address " + field);
    }
    for (int i = 0; i < colon; i++) {
      if (Character.digit(field.charAt(i), 16) < 0) {
        throw new NumberFormatException("bad address " + field);
      }
    }
    Integer.parseInt(field.substring(colon + 1), 16);
  }

  /** Bytes in all send queues. */
  public long txQueueTotal() {
    long total = 0;
    for (Line s : sockets) {
      total += s.txQueue();
    }
    return total;
  }

  /** Bytes in all receive queues. */
  public long rxQueueTotal() {
    long total = 0;
    for (Line s : sockets) {
      total += s.rxQueue();
    }
    return total;
  }
}
