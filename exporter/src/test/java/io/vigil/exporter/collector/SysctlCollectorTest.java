package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SysctlCollectorTest {

  @Test
  void exposesOneValueSeveralIndexedValuesAndNamedValues() throws Exception {
    SysctlCollector collector = new SysctlCollector(Fixtures.procFs(),
        List.of("vm.swappiness", "kernel.printk", "net.ipv4.ip_local_port_range:low,high"));

    assertThat(MetricsText.of(collector.collect()))
        .isEqualTo(
            """
            # HELP node_sysctl_kernel_printk sysctl kernel.printk
            # TYPE node_sysctl_kernel_printk untyped
            node_sysctl_kernel_printk{index="0"} 4.0
            node_sysctl_kernel_printk{index="1"} 4.0
            node_sysctl_kernel_printk{index="2"} 1.0
            node_sysctl_kernel_printk{index="3"} 7.0
            # HELP node_sysctl_net_ipv4_ip_local_port_range_high sysctl net.ipv4.ip_local_port_range, field 1
            # TYPE node_sysctl_net_ipv4_ip_local_port_range_high untyped
            node_sysctl_net_ipv4_ip_local_port_range_high 60999.0
            # HELP node_sysctl_net_ipv4_ip_local_port_range_low sysctl net.ipv4.ip_local_port_range, field 0
            # TYPE node_sysctl_net_ipv4_ip_local_port_range_low untyped
            node_sysctl_net_ipv4_ip_local_port_range_low 32768.0
            # HELP node_sysctl_vm_swappiness sysctl vm.swappiness
            # TYPE node_sysctl_vm_swappiness untyped
            node_sysctl_vm_swappiness 60.0
            """);
  }

  @Test
  void exposesNothingWithoutConfiguredParameters() throws Exception {
    assertThat(new SysctlCollector(Fixtures.procFs(), List.of()).collect()).isEmpty();
  }

  @Test
  void sanitisesNamesAsNodeExporterDoes() {
    assertThat(SysctlCollector.Include.parse("fs.file-nr").metricName()).isEqualTo("node_sysctl_fs_file_nr");
    assertThat(SysctlCollector.Include.parse("net.ipv4.conf.all._x").metricName())
        .isEqualTo("node_sysctl_net_ipv4_conf_all_x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ":low", "net.ipv4.ip_local_port_range:low,", "a:"})
  void rejectsIncludesWithEmptyParts(String include) {
    assertThatThrownBy(() -> new SysctlCollector(Fixtures.procFs(), List.of(include)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsAParameterListedTwice() {
    assertThatThrownBy(() -> new SysctlCollector(Fixtures.procFs(), List.of("vm.swappiness", "vm.swappiness:x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void failsOnAParameterThatDoesNotExist() {
    SysctlCollector collector = new SysctlCollector(Fixtures.procFs(), List.of("vm.swappiness", "vm.no_such_knob"));

    assertThatThrownBy(collector::collect).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void failsOnAStringParameter() {
    SysctlCollector collector = new SysctlCollector(Fixtures.procFs(), List.of("kernel.seccomp.actions_avail"));

    assertThatThrownBy(collector::collect)
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("not an integer: kill_process");
  }

  @Test
  void failsWhenTheNamesDoNotMatchTheValues() {
    SysctlCollector oneValue = new SysctlCollector(Fixtures.procFs(), List.of("vm.swappiness:a,b"));
    SysctlCollector fourValues = new SysctlCollector(Fixtures.procFs(), List.of("kernel.printk:a,b"));

    assertThatThrownBy(oneValue::collect).isInstanceOf(IOException.class).hasMessageContaining("only one value");
    assertThatThrownBy(fourValues::collect).isInstanceOf(IOException.class).hasMessageContaining("has 4 values");
  }

  @Test
  void failsOnAnEmptyParameter(@TempDir Path proc) throws Exception {
    Files.createDirectories(proc.resolve("sys/vm"));
    Files.writeString(proc.resolve("sys/vm/swappiness"), "\n");

    assertThatThrownBy(() -> new SysctlCollector(new ProcFs(proc), List.of("vm.swappiness")).collect())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("has no values");
  }
}
