package io.vigil.exporter.probe;

import io.vigil.exporter.config.ProbeConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * blackbox_exporter's {@code tcp} prober without query/response: resolve the host, open a TCP connection, close it.
 * Success means the connection was established before the deadline.
 */
final class TcpProbe {

  private TcpProbe() {}

  static ProbeResult run(ProbeConfig.Module module, String target, long deadlineNanos) {
    long start = System.nanoTime();
    Optional<ProbeTargets.HostPort> hp = ProbeTargets.hostPort(target);
    if (hp.isEmpty()) {
      return ProbeResult.failed(0, false);
    }
    Resolver.Resolved resolved;
    try {
      resolved = Resolver.resolve(hp.get().host(), module.preferIpv6());
    } catch (IOException e) {
      return new ProbeResult(false, seconds(start), OptionalDouble.of(seconds(start)), OptionalInt.empty(),
          OptionalDouble.empty(), false, Optional.empty());
    }
    boolean connected;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(resolved.address(), hp.get().port()), remainingMillis(deadlineNanos));
      connected = true;
    } catch (IOException e) {
      connected = false;
    }
    return new ProbeResult(connected, seconds(start), OptionalDouble.of(resolved.seconds()),
        OptionalInt.of(resolved.protocol()), OptionalDouble.of(resolved.hash()), false, Optional.empty());
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Milliseconds left before the deadline, at least 1 (0 would mean "no timeout" to a socket). */
  static int remainingMillis(long deadlineNanos) {
    long ms = (deadlineNanos - System.nanoTime()) / 1_000_000;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
  }
}
