package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.config.CollectorOptions;
import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.HostSources;
import io.vigil.exporter.source.UnsupportedSourceException;
import io.vigil.exporter.source.oshi.OshiSources;
import io.vigil.exporter.source.procfs.LinuxSources;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CollectorCatalogueTest {

  private static CollectorContext fixtureContext(boolean cpuInfo) {
    HostPaths paths = HostPaths.underRoot(Fixtures.root());
    HostSources sources = LinuxSources.create(Fixtures.procFs(), Fixtures.sysFs(), paths, () -> "x86_64");
    CollectorOptions d = CollectorOptions.DEFAULT;
    CollectorOptions options =
        new CollectorOptions(
            d.enableDefaults(), d.perCollector(), d.filesystem(), d.netdevDevices(), d.diskstatsDevices(),
            d.netclassDevices(), cpuInfo, d.sysctlInclude());
    return new CollectorContext(
        sources, Optional.of(Fixtures.procFs()), Optional.of(Fixtures.sysFs()), paths, options);
  }

  private static Collector create(String name, CollectorContext ctx) throws Exception {
    return CollectorCatalogue.find(name).orElseThrow().factory().create(ctx);
  }

  @Test
  void listsCollectorsInAlphabeticalOrderAsNodeExporterDoes() {
    List<String> names = CollectorCatalogue.all().stream().map(CollectorDefinition::name).toList();
    assertThat(names).isSorted();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cpu", "filefd", "meminfo", "os", "pressure", "stat", "time", "uname", "vmstat"})
  void enablesTheCollectorByDefaultAndBuildsItOnTheFixtureTree(String name) throws Exception {
    assertThat(CollectorCatalogue.find(name)).hasValueSatisfying(d -> assertThat(d.enabledByDefault()).isTrue());
    Collector collector = create(name, fixtureContext(false));
    assertThat(collector.name()).isEqualTo(name);
    assertThat(collector.collect()).isNotEmpty();
  }

  @Test
  void addsCpuInfoOnlyWhenTheOptionIsOn() throws Exception {
    assertThat(MetricsText.of(create("cpu", fixtureContext(false)).collect())).doesNotContain("node_cpu_info");
    assertThat(MetricsText.of(create("cpu", fixtureContext(true)).collect())).contains("node_cpu_info{");
  }

  @ParameterizedTest
  @ValueSource(strings = {"filefd", "pressure", "vmstat"})
  void refusesLinuxOnlyCollectorsWithoutProcfs(String name) {
    CollectorContext ctx = fixtureContext(false);
    CollectorContext elsewhere =
        new CollectorContext(OshiSources.create(), Optional.empty(), Optional.empty(), ctx.paths(), ctx.options());
    assertThatThrownBy(() -> create(name, elsewhere))
        .isInstanceOf(UnsupportedSourceException.class)
        .hasMessageContaining(name);
  }
}
