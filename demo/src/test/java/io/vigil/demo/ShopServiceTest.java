package io.vigil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShopServiceTest {

  private final ShopService shop = ShopService.start("127.0.0.1", 0);
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @AfterEach
  void stop() {
    shop.close();
  }

  @Test
  void recordsEveryShopRouteByTemplateWithDatabaseAndCacheMetrics() {
    assertThat(send("GET", "/api/products").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/products/7").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/products/7").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/products/999").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api/products/abc").statusCode()).isEqualTo(400);
    HttpResponse<String> order = send("POST", "/api/orders?item=book");
    assertThat(order.statusCode()).isIn(201, 500);
    assertThat(send("GET", "/api/orders/123456").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api/search?q=lamp").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/recommendations").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/delay/5?status=503").statusCode()).isEqualTo(503);
    assertThat(send("GET", "/health").body()).isEqualTo("ok");

    String metrics = awaitMetrics("http_route=\"/api/delay/{millis}\"");
    assertThat(metrics)
        .contains(count("GET", "200", "/api/products"), count("GET", "200", "/api/products/{id}"),
            count("GET", "404", "/api/products/{id}"), count("GET", "400", "/api/products/{id}"),
            count("GET", "404", "/api/orders/{id}"),
            count("GET", "200", "/api/search"), count("GET", "200", "/api/recommendations"),
            count("GET", "503", "/api/delay/{millis}"))
        .contains("cache_gets_total{cache=\"products\",result=\"hit\"} 1.0",
            "cache_gets_total{cache=\"products\",result=\"miss\"} 2.0")
        .contains("db_client_operation_duration_seconds_count{db_collection_name=\"products\","
            + "db_operation_name=\"SELECT\",db_system_name=\"other_sql\",error_type=\"\"} 3")
        .contains("jvm_memory_used_bytes")
        .doesNotContain("/health", "/api/products/7", "/api/products/999");
  }

  @Test
  void theAdminSwitchInjectsErrorsAndLatencyOnOneRoute() {
    HttpResponse<String> set = send("POST", "/admin/faults?route=/api/recommendations&latency_ms=250&error_ratio=1");
    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(set.body()).contains("/api/recommendations: latency_ms=250 error_ratio=1.0");

    for (int i = 0; i < 3; i++) {
      assertThat(send("GET", "/api/recommendations").statusCode()).isEqualTo(500);
    }
    assertThat(send("GET", "/api/products").statusCode()).isEqualTo(200);

    String metrics = awaitMetrics(count("GET", "500", "/api/recommendations").replace(" ", "") + " 3");
    double sum = value(metrics, "http_server_request_duration_seconds_sum{http_request_method=\"GET\","
        + "http_response_status_code=\"500\",http_route=\"/api/recommendations\"}");
    assertThat(sum).as("three requests that each slept the injected 250 ms").isGreaterThanOrEqualTo(0.75);

    assertThat(send("DELETE", "/admin/faults").body()).isEqualTo("no faults injected\n");
    assertThat(send("GET", "/api/recommendations").statusCode()).isEqualTo(200);
  }

  @Test
  void aFaultOnEveryRouteUsesTheStar() {
    send("POST", "/admin/faults?route=*&error_ratio=1");

    assertThat(send("GET", "/api/products").statusCode()).isEqualTo(500);
    assertThat(send("GET", "/api/search").statusCode()).isEqualTo(500);
    assertThat(send("GET", "/health").statusCode()).isEqualTo(200);
    assertThat(send("DELETE", "/admin/faults?route=*").body()).isEqualTo("no faults injected\n");
  }

  @Test
  void theAdminSwitchRejectsBadSettings() {
    assertThat(send("POST", "/admin/faults?latency_ms=5").statusCode()).isEqualTo(400);
    assertThat(send("POST", "/admin/faults?route=/api/search&error_ratio=1.5").body()).contains("error_ratio");
    assertThat(send("POST", "/admin/faults?route=/api/search&latency_ms=-1").body()).contains("latency_ms");
    assertThat(send("POST", "/admin/faults?route=/api/search&latency_ms=abc").statusCode()).isEqualTo(400);
    assertThat(send("GET", "/admin/faults").body()).isEqualTo("no faults injected\n");
  }

  private static String count(String method, String status, String route) {
    return "http_server_request_duration_seconds_count{http_request_method=\"" + method
        + "\",http_response_status_code=\"" + status + "\",http_route=\"" + route + "\"} ";
  }

  /** /metrics once it contains {@code expected}: Jetty records a request just after the client has read it. */
  private String awaitMetrics(String expected) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    String metrics = "";
    while (System.nanoTime() < deadline) {
      metrics = send("GET", "/metrics").body();
      if (metrics.contains(expected)) {
        return metrics;
      }
      Latency.sleep(20);
    }
    throw new AssertionError("/metrics never contained " + expected + ":\n" + metrics);
  }

  private static double value(String metrics, String series) {
    return metrics.lines().filter(l -> l.startsWith(series + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
        .findFirst().orElseThrow(() -> new AssertionError("no " + series));
  }

  private HttpResponse<String> send(String method, String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + shop.port() + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
