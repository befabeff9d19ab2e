package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.config.CollectorOptions;
import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.HostSources;
import io.vigil.exporter.source.UnsupportedSourceException;
import io.vigil.exporter.source.procfs.LinuxSources;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetworkCollectorFactoriesTest {

  private static final List<String> NETWORK = List.of("netclass", "netdev", "netstat", "sockstat");

  private static CollectorContext fixtureContext() {
    HostPaths paths = HostPaths.underRoot(Fixtures.root());
    HostSources sources = LinuxSources.create(Fixtures.procFs(), Fixtures.sysFs(), paths);
    return new CollectorContext(
        sources, Optional.of(Fixtures.procFs()), Optional.of(Fixtures.sysFs()), paths, CollectorOptions.DEFAULT);
  }

  @Test
  void listsTheNetworkCollectorsEnabledByDefaultInNodeExporterOrder() {
    List<String> names = CollectorCatalogue.all().stream().map(CollectorDefinition::name).toList();

    assertThat(names).containsSubsequence(NETWORK);
    assertThat(NETWORK).allSatisfy(n -> assertThat(CollectorCatalogue.find(n).orElseThrow().enabledByDefault()).isTrue());
  }

  @Test
  void buildsEachCollectorFromTheLinuxContextWithTheDefaultOptions() throws Exception {
    CollectorContext ctx = fixtureContext();

    for (String name : NETWORK) {
      Collector collector = CollectorCatalogue.find(name).orElseThrow().factory().create(ctx);
      assertThat(collector.name()).isEqualTo(name);
      assertThat(collector.collect()).as(name).isNotEmpty();
    }
    String netdev = MetricsText.of(CollectorCatalogue.find("netdev").orElseThrow().factory().create(ctx).collect());
    assertThat(netdev).as("default netdev exclude").doesNotContain("device=\"lo\"");
    String sockstat =
        MetricsText.of(CollectorCatalogue.find("sockstat").orElseThrow().factory().create(ctx).collect());
    assertThat(sockstat).as("no auxv in the fixture tree: 4096-byte pages").contains("node_sockstat_TCP_mem_bytes 24576.0");
  }

  @Test
  void refusesTheLinuxOnlyCollectorsWithoutProcfs() {
    CollectorContext ctx = fixtureContext();
    CollectorContext elsewhere =
        new CollectorContext(ctx.sources(), Optional.empty(), Optional.empty(), ctx.paths(), ctx.options());

    for (String name : List.of("netstat", "sockstat")) {
      assertThatThrownBy(() -> CollectorCatalogue.find(name).orElseThrow().factory().create(elsewhere))
          .isInstanceOf(UnsupportedSourceException.class)
          .hasMessageContaining(name);
    }
  }
}
