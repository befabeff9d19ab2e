package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.source.Loadavg;
import io.vigil.exporter.testing.MetricsText;
import org.junit.jupiter.api.Test;

class LoadavgCollectorTest {

  @Test
  void exposesTheThreeLoadAveragesAsGauges() throws Exception {
    LoadavgCollector collector = new LoadavgCollector(() -> new Loadavg(0.21, 0.37, 0.39));
    assertThat(MetricsText.of(collector.collect()))
        .isEqualTo(
            """
            # HELP node_load1 1m load average.
            # TYPE node_load1 gauge
            node_load1 0.21
            # HELP node_load15 15m load average.
            # TYPE node_load15 gauge
            node_load15 0.39
            # HELP node_load5 5m load average.
            # TYPE node_load5 gauge
            node_load5 0.37
            """);
  }
}
