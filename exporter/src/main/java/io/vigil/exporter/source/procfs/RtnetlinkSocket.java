package io.vigil.exporter.source.procfs;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code RTM_GETLINK} dump over a {@code NETLINK_ROUTE} socket, through JNA (the JDK has no netlink sockets):
 * {@code socket}, one {@code send}, {@code recv} until {@code NLMSG_DONE}, {@code close}. Parsing is
 * {@link RtnetlinkLinks}'s.
 *
 * <p>Thread safety: stateless; each dump has its own socket.
 */
final class RtnetlinkSocket {

  private static final int AF_NETLINK = 16;
  private static final int SOCK_RAW = 3;
  private static final int SOCK_CLOEXEC = 0x80000;
  private static final int NETLINK_ROUTE = 0;

  /** Larger than any dump datagram (the kernel fills at most ~32 KiB per one). */
  private static final int DATAGRAM_BYTES = 64 * 1024;

  /** A dump of more datagrams than this is not ending: a host has not that many interfaces. */
  private static final int MAX_DATAGRAMS = 100_000;

  private RtnetlinkSocket() {}

  private interface Libc extends Library {
    int socket(int domain, int type, int protocol) throws LastErrorException;

    NativeLong send(int fd, byte[] buf, NativeLong len, int flags) throws LastErrorException;

    NativeLong recv(int fd, Pointer buf, NativeLong len, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    int setsockopt(int fd, int level, int name, Pointer value, int length) throws LastErrorException;
  }

  private static final int SOL_SOCKET = 1;
  private static final int SO_RCVTIMEO = 20;

  /**
   * How long one {@code recv} may wait. The kernel answers a link dump at once; a sandbox that accepts the socket but
   * never answers would otherwise hang the collector on every scrape, where a timeout makes the reader fall back to
   * the sysfs files for good.
   */
  private static final int RECEIVE_TIMEOUT_SECONDS = 2;

  /** Loaded on first use, so a JVM without JNA's native part falls back to sysfs instead of failing start-up. */
  private static final class Holder {
    static final Libc LIBC = Native.load(Platform.C_LIBRARY_NAME, Libc.class);
  }

  /** Binds the library now (JNA builds a proxy for it: tens of milliseconds before the JIT has warmed up). */
  static void preload() {
    try {
      Libc unused = Holder.LIBC;
    } catch (LinkageError e) {
      // netclass falls back to the sysfs files when it runs
    }
  }

  /** Every link of this network namespace by device name. */
  static Map<String, RtnetlinkLinks.Link> dump() throws IOException {
    Libc libc;
    try {
      libc = Holder.LIBC;
    } catch (LinkageError e) {
      throw new IOException("rtnetlink through JNA is not available: " + e);
    }
    int fd;
    try {
      fd = libc.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    } catch (LastErrorException e) {
      throw new IOException("rtnetlink socket: " + e.getMessage(), e);
    }
    try {
      receiveTimeout(libc, fd);
      byte[] request = RtnetlinkLinks.request(1);
      libc.send(fd, request, new NativeLong(request.length), 0);
      // Received into native memory and copied out only as far as the datagram goes: a byte[] argument would have
      // JNA copy all 64 KiB in and out on every recv.
      try (Memory buffer = new Memory(DATAGRAM_BYTES)) {
        return receive(libc, fd, buffer);
      }
    } catch (LastErrorException e) {
      throw new IOException("rtnetlink: " + e.getMessage(), e);
    } finally {
      try {
        libc.close(fd);
      } catch (LastErrorException ignored) {
        // nothing left to do with this socket
      }
    }
  }

  /** {@code SO_RCVTIMEO}: a {@code struct timeval} of two C longs. Without it (refused), recv blocks as before. */
  private static void receiveTimeout(Libc libc, int fd) {
    try (Memory timeval = new Memory(2L * Native.LONG_SIZE)) {
      timeval.setNativeLong(0, new NativeLong(RECEIVE_TIMEOUT_SECONDS));
      timeval.setNativeLong(Native.LONG_SIZE, new NativeLong(0));
      libc.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, timeval, (int) timeval.size());
    } catch (LastErrorException ignored) {
      // the dump still works; only a kernel that never answers would now block
    }
  }

  private static Map<String, RtnetlinkLinks.Link> receive(Libc libc, int fd, Memory buffer) throws IOException {
    Map<String, RtnetlinkLinks.Link> links = new LinkedHashMap<>();
    for (int i = 0; i < MAX_DATAGRAMS; i++) {
      int length = (int) libc.recv(fd, buffer, new NativeLong(DATAGRAM_BYTES), 0).longValue();
      byte[] datagram = buffer.getByteArray(0, length);
      RtnetlinkLinks.Part part = RtnetlinkLinks.parse(datagram, length);
      links.putAll(part.links());
      if (part.done()) {
        return links;
      }
    }
    throw new IOException("rtnetlink: the link dump did not end");
  }
}
