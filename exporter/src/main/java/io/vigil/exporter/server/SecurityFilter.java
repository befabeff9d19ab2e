package io.vigil.exporter.server;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * In front of every path: HTTP/1.0 and 1.1 only (505 otherwise, as Go answers), then the web config's response
 * headers, its rate limit (429) and basic auth (401 with {@code WWW-Authenticate: Basic}, as exporter-toolkit
 * answers). Health endpoints skip authentication only when
 * {@code web.unauthenticated_health} says so.
 *
 * <p>Thread safety: safe for concurrent requests.
 */
final class SecurityFilter extends Filter {

  private final WebSecurity web;
  private final BooleanSupplier unauthenticatedHealth;

  SecurityFilter(WebSecurity web, BooleanSupplier unauthenticatedHealth) {
    this.web = web;
    this.unauthenticatedHealth = unauthenticatedHealth;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    String protocol = exchange.getProtocol();
    if (!protocol.equals("HTTP/1.1") && !protocol.equals("HTTP/1.0")) {
      try (exchange) {
        Responses.text(exchange, 505, "HTTP Version Not Supported\n");
      }
      return;
    }
    WebSecurity.Active a = web.current();
    a.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    if (a.limiter().isPresent() && !a.limiter().get().tryAcquire()) {
      try (exchange) {
        Responses.text(exchange, 429, "Too Many Requests\n");
      }
      return;
    }
    if (a.auth().enabled() && !(isHealth(exchange) && unauthenticatedHealth.getAsBoolean())
        && !a.auth().check(exchange.getRequestHeaders().getFirst("Authorization"))) {
      try (exchange) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic");
        Responses.text(exchange, 401, "Unauthorized\n");
      }
      return;
    }
    chain.doFilter(exchange);
  }

  private static boolean isHealth(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    return path.equals("/-/healthy") || path.equals("/-/ready");
  }

  @Override
  public String description() {
    return "web config: headers, rate limit, basic auth";
  }
}
