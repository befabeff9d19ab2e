package io.vigil.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SelfMetricsTest {

  @Test
  void registersTheSameFamiliesAsClientJavasJvmMetrics() {
    PrometheusRegistry ours = new PrometheusRegistry();
    SelfMetrics.register(ours);
    PrometheusRegistry theirs = new PrometheusRegistry();
    JvmMetrics.builder().register(theirs);
    assertThat(names(ours.scrape())).isNotEmpty().isEqualTo(names(theirs.scrape()));
  }

  @Test
  void nativeMemoryTrackingIsOnOnlyWhenTheLastFlagAsksForIt() {
    assertThat(SelfMetrics.nativeMemoryTracking(List.of("-Xmx64m"))).isFalse();
    assertThat(SelfMetrics.nativeMemoryTracking(List.of("-XX:NativeMemoryTracking=summary"))).isTrue();
    assertThat(SelfMetrics.nativeMemoryTracking(List.of("-XX:NativeMemoryTracking=detail"))).isTrue();
    assertThat(SelfMetrics.nativeMemoryTracking(
        List.of("-XX:NativeMemoryTracking=summary", "-XX:NativeMemoryTracking=off"))).isFalse();
  }

  private static Set<String> names(MetricSnapshots snapshots) {
    return snapshots.stream().map(s -> s.getMetadata().getPrometheusName()).collect(Collectors.toSet());
  }
}
