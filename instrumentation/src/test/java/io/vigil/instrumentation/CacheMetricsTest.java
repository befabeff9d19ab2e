package io.vigil.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;

class CacheMetricsTest {

  @Test
  void countsHitsAndMissesPerCache() {
    PrometheusRegistry registry = new PrometheusRegistry();
    CacheMetrics metrics = CacheMetrics.register(registry);
    CacheMetrics.Cache products = metrics.cache("products");
    CacheMetrics.Cache prices = metrics.cache("prices");

    products.hit();
    products.hit();
    products.record(false);
    prices.miss();

    assertThat(new TestScrape(registry).text()).contains(
        "cache_gets_total{cache=\"products\",result=\"hit\"} 2.0",
        "cache_gets_total{cache=\"products\",result=\"miss\"} 1.0",
        "cache_gets_total{cache=\"prices\",result=\"hit\"} 0.0",
        "cache_gets_total{cache=\"prices\",result=\"miss\"} 1.0");
  }

  @Test
  void helpersShareOneFailureFamilyWithoutClashing() {
    PrometheusRegistry registry = new PrometheusRegistry();
    CacheMetrics.register(registry);
    DbClientTimer.register(registry, "h2");
    HttpMetricsConfig config = new HttpMetricsConfig();
    config.registry = registry;
    HttpServerMetrics.register(config);

    assertThat(new TestScrape(registry).text()).contains(
        "# TYPE vigil_instrumentation_failures_total counter",
        "vigil_instrumentation_failures_total{component=\"cache\"} 0.0",
        "vigil_instrumentation_failures_total{component=\"db_client\"} 0.0",
        "vigil_instrumentation_failures_total{component=\"http_server\"} 0.0");
  }
}
