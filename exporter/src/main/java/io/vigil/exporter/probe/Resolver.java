package io.vigil.exporter.probe;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Name resolution as blackbox_exporter does it: the system resolver, then the preferred IP family when the name has
 * an address of it, else the other family.
 */
final class Resolver {

  private Resolver() {}

  /** A resolved address and the time the lookup took. */
  record Resolved(InetAddress address, double seconds) {
    int protocol() {
      return address instanceof Inet6Address ? 6 : 4;
    }

    /** FNV-1a 32-bit of the address bytes (4 for IPv4, 16 for IPv6), blackbox's {@code probe_ip_addr_hash}. */
    double hash() {
      int h = 0x811c9dc5;
      for (byte b : address.getAddress()) {
        h ^= b & 0xff;
        h *= 0x01000193;
      }
      return Integer.toUnsignedLong(h);
    }
  }

  static Resolved resolve(String host, boolean preferIpv6) throws UnknownHostException {
    long start = System.nanoTime();
    InetAddress[] all = InetAddress.getAllByName(host);
    InetAddress chosen = null;
    for (InetAddress a : all) {
      if ((a instanceof Inet6Address) == preferIpv6) {
        chosen = a;
        break;
      }
    }
    if (chosen == null) {
      chosen = all[0];
    }
    return new Resolved(chosen, (System.nanoTime() - start) / 1e9);
  }
}
