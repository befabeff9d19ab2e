package io.vigil.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Records the notifications Alertmanager POSTs to it (webhook format version 4), by request path. */
final class WebhookReceiver implements AutoCloseable {

  /** One POST: the path it went to and its JSON body. */
  record Notification(String path, JsonNode body) {}

  private final HttpServer server;
  private final List<Notification> received = new CopyOnWriteArrayList<>();

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      try (exchange) {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if ("POST".equals(exchange.getRequestMethod())) {
          received.add(new Notification(exchange.getRequestURI().getPath(), PrometheusApi.parse(body)));
        }
        exchange.sendResponseHeaders(200, -1);
      }
    });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<Notification> received() {
    return List.copyOf(received);
  }

  /** Waits for a notification on {@code path} whose body matches; empty if none arrives in time. */
  Optional<Notification> await(String path, Predicate<JsonNode> matches, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    do {
      for (Notification n : received) {
        if (n.path().equals(path) && matches.test(n.body())) {
          return Optional.of(n);
        }
      }
      Http.pause(Duration.ofMillis(200));
    } while (Instant.now().isBefore(deadline));
    return Optional.empty();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
