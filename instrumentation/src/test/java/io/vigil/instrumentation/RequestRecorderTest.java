package io.vigil.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import org.junit.jupiter.api.Test;

class RequestRecorderTest {

  @Test
  void aRecordingFailureIsCountedAndTheActiveGaugeStillComesDown() {
    HttpMetricsConfig config = new HttpMetricsConfig();
    config.registry = new PrometheusRegistry();
    HttpServerMetrics metrics = HttpServerMetrics.register(config);
    metrics.started("GET");
    var exchange = new RequestRecorder.Exchange(metrics, "GET", System.nanoTime(), null);

    // No Jetty request or response: reading the status throws inside the recorder, which must swallow it.
    assertThatCode(() -> exchange.finish(null, null, 0)).doesNotThrowAnyException();
    exchange.finish(null, null, 0);

    assertThat(metrics.failureCount()).isEqualTo(1);
    assertThat(activeRequests(config.registry)).isZero();
    assertThat(new TestScrape(config.registry).text())
        .contains("vigil_instrumentation_failures_total{component=\"http_server\"} 1.0");
  }

  @Test
  void anAbandonedRequestIsNotRecordedButLeavesTheGauge() {
    HttpMetricsConfig config = new HttpMetricsConfig();
    config.registry = new PrometheusRegistry();
    HttpServerMetrics metrics = HttpServerMetrics.register(config);
    metrics.started("GET");
    var exchange = new RequestRecorder.Exchange(metrics, "GET", System.nanoTime(), null);

    exchange.abandon();
    exchange.finish(null, null, 0);

    assertThat(metrics.failureCount()).isZero();
    assertThat(activeRequests(config.registry)).isZero();
    assertThat(new TestScrape(config.registry).text()).doesNotContain("http_server_request_duration_seconds_count");
  }

  @Test
  void bucketsGetTheApdexBoundsInDecimal() {
    assertThat(HttpServerMetrics.durationBuckets(new double[] {0.5, 0.1}, 0.3)).containsExactly(0.1, 0.3, 0.5, 1.2);
    assertThat(HttpServerMetrics.durationBuckets(new double[] {0.3, 1.2}, 0.3)).containsExactly(0.3, 1.2);
    assertThat(HttpServerMetrics.durationBuckets(new double[] {}, 0.7)).containsExactly(0.7, 2.8);
  }

  @Test
  void statusCodesOutsideTheValidRangeAreOther() {
    assertThat(HttpServerMetrics.status(200)).isEqualTo("200");
    assertThat(HttpServerMetrics.status(599)).isEqualTo("599");
    assertThat(HttpServerMetrics.status(99)).isEqualTo("_OTHER");
    assertThat(HttpServerMetrics.status(600)).isEqualTo("_OTHER");
  }

  private static double activeRequests(PrometheusRegistry registry) {
    return registry.scrape().stream()
        .filter(s -> s.getMetadata().getName().equals(HttpServerMetrics.ACTIVE))
        .map(s -> ((GaugeSnapshot) s).getDataPoints().get(0).getValue())
        .findFirst().orElseThrow();
  }
}
