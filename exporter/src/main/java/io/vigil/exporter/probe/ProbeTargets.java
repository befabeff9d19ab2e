package io.vigil.exporter.probe;

import io.vigil.exporter.config.ProbeConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a module accepts as a target: the HTTP prober an absolute {@code http://} or {@code https://} URL whose scheme
 * the module allows, with a host and without user info; the TCP prober {@code host:port} ({@code [v6]:port}).
 */
public final class ProbeTargets {

  private ProbeTargets() {}

  /** Empty when {@code target} suits {@code module}, otherwise the reason, for config errors and HTTP 400. */
  public static Optional<String> check(ProbeConfig.Module module, String target) {
    if (target.length() > 2048) {
      return Optional.of("target is longer than 2048 characters");
    }
    return switch (module.prober()) {
      case HTTP -> checkUrl(module, target);
      case TCP -> hostPort(target).isPresent()
          ? Optional.empty()
          : Optional.of("expected host:port for a tcp module, got \"" + target + "\"");
    };
  }

  private static Optional<String> checkUrl(ProbeConfig.Module module, String target) {
    URI uri;
    try {
      uri = new URI(target);
    } catch (URISyntaxException e) {
      return Optional.of("not a valid URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!module.http().allowedSchemes().contains(scheme)) {
      return Optional.of("scheme \"" + scheme + "\" is not allowed by module " + module.name() + " (allowed: "
          + String.join(", ", module.http().allowedSchemes().stream().sorted().toList()) + ")");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return Optional.of("URL has no host: \"" + target + "\"");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("URL must not carry user info");
    }
    if (uri.getPort() == 0 || uri.getPort() > 65535) {
      return Optional.of("URL port out of range");
    }
    return Optional.empty();
  }

  /** A {@code host:port} target split, or empty when malformed. */
  public static Optional<HostPort> hostPort(String target) {
    int colon = target.lastIndexOf(':');
    if (colon <= 0 || colon == target.length() - 1) {
      return Optional.empty();
    }
    String host = target.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.indexOf(':') >= 0) {
      return Optional.empty(); // an IPv6 literal needs brackets
    }
    if (host.isEmpty() || !host.matches("[A-Za-z0-9._:%-]+")) {
      return Optional.empty();
    }
    try {
      int port = Integer.parseInt(target.substring(colon + 1));
      return port >= 1 && port <= 65535 ? Optional.of(new HostPort(host, port)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A host (name or literal, without brackets) and port. */
  public record HostPort(String host, int port) {}
}
