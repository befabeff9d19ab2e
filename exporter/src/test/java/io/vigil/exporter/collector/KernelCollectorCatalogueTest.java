package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.config.CollectorOptions;
import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.UnsupportedSourceException;
import io.vigil.exporter.source.oshi.OshiSources;
import io.vigil.exporter.source.procfs.LinuxSources;
import io.vigil.exporter.testing.Fixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The kernel collectors' catalogue entries: node_exporter 1.5's default state, built on Linux only. */
class KernelCollectorCatalogueTest {

  private static CollectorContext fixtureContext() {
    HostPaths paths = HostPaths.underRoot(Fixtures.root());
    CollectorOptions d = CollectorOptions.DEFAULT;
    CollectorOptions options = new CollectorOptions(d.enableDefaults(), d.perCollector(), d.filesystem(),
        d.netdevDevices(), d.diskstatsDevices(), d.netclassDevices(), d.cpuInfo(), List.of("vm.swappiness"));
    return new CollectorContext(LinuxSources.create(Fixtures.procFs(), Fixtures.sysFs(), paths, () -> "x86_64"),
        Optional.of(Fixtures.procFs()), Optional.of(Fixtures.sysFs()), paths, options);
  }

  @ParameterizedTest
  @CsvSource({
      "arp, true", "conntrack, true", "entropy, true", "schedstat, true", "selinux, true", "softnet, true",
      "timex, true", "udp_queues, true",
      "buddyinfo, false", "cgroups, false", "interrupts, false", "ksmd, false", "lnstat, false",
      "meminfo_numa, false", "network_route, false", "sysctl, false", "tcpstat, false"})
  void hasNodeExportersDefaultAndCollectsOnTheFixtureTree(String name, boolean enabledByDefault) throws Exception {
    CollectorDefinition definition = CollectorCatalogue.find(name).orElseThrow();
    Collector collector = definition.factory().create(fixtureContext());

    assertThat(definition.enabledByDefault()).isEqualTo(enabledByDefault);
    assertThat(collector.name()).isEqualTo(name);
    assertThat(collector.collect()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"arp", "buddyinfo", "cgroups", "conntrack", "entropy", "interrupts", "ksmd", "lnstat",
      "meminfo_numa", "network_route", "schedstat", "selinux", "softnet", "sysctl", "tcpstat", "timex",
      "udp_queues"})
  void refusesToBuildWithoutProcfsAndSysfs(String name) {
    CollectorContext linux = fixtureContext();
    CollectorContext elsewhere =
        new CollectorContext(OshiSources.create(), Optional.empty(), Optional.empty(), linux.paths(), linux.options());

    assertThatThrownBy(() -> CollectorCatalogue.find(name).orElseThrow().factory().create(elsewhere))
        .isInstanceOf(UnsupportedSourceException.class)
        .hasMessageContaining(name);
  }
}
