package io.vigil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrafficGeneratorTest {

  @Test
  void sendsTheShopAMixOfRoutesAndStopsWhenClosed() throws Exception {
    try (ShopService shop = ShopService.start("127.0.0.1", 0)) {
      TrafficGenerator traffic = TrafficGenerator.start(shop.port(), 200);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (traffic.sent() < 150 && System.nanoTime() < deadline) {
        Latency.sleep(20);
      }
      traffic.close();
      long sentWhenClosed = traffic.sent();
      Latency.sleep(100);

      assertThat(sentWhenClosed).isGreaterThanOrEqualTo(150);
      assertThat(traffic.sent()).isEqualTo(sentWhenClosed);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new OpenMetricsTextFormatWriter(false, false).write(out, shop.registry.scrape());
      String metrics = out.toString(StandardCharsets.UTF_8);
      assertThat(metrics).contains("http_route=\"/api/products\"", "http_route=\"/api/products/{id}\"",
          "http_route=\"/api/orders\"", "http_route=\"/api/search\"", "http_route=\"/api/recommendations\"",
          "cache_gets_total{cache=\"products\",result=\"hit\"}", "trace_id=\"");
    }
  }
}
