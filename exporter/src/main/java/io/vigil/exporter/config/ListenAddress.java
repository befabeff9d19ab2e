package io.vigil.exporter.config;

import java.net.InetSocketAddress;
import java.util.Optional;

/** {@code host:port}, {@code :port} (all interfaces) or {@code [::1]:port}. */
public record ListenAddress(String host, int port) {

  public static Optional<ListenAddress> parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (port < 0 || port > 65535) {
      return Optional.empty();
    }
    return Optional.of(new ListenAddress(host, port));
  }

  public InetSocketAddress toSocketAddress() {
    return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }
}
