package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KsmdCollectorTest {

  @Test
  void exposesTheKsmFilesOfAHostWithKsmOff() throws Exception {
    assertThat(MetricsText.of(new KsmdCollector(Fixtures.sysFs()).collect()))
        .isEqualTo(
            """
            # HELP node_ksmd_full_scans_total ksmd 'full_scans' file.
            # TYPE node_ksmd_full_scans_total counter
            node_ksmd_full_scans_total 0.0
            # HELP node_ksmd_merge_across_nodes ksmd 'merge_across_nodes' file.
            # TYPE node_ksmd_merge_across_nodes gauge
            node_ksmd_merge_across_nodes 1.0
            # HELP node_ksmd_pages_shared ksmd 'pages_shared' file.
            # TYPE node_ksmd_pages_shared gauge
            node_ksmd_pages_shared 0.0
            # HELP node_ksmd_pages_sharing ksmd 'pages_sharing' file.
            # TYPE node_ksmd_pages_sharing gauge
            node_ksmd_pages_sharing 0.0
            # HELP node_ksmd_pages_to_scan ksmd 'pages_to_scan' file.
            # TYPE node_ksmd_pages_to_scan gauge
            node_ksmd_pages_to_scan 100.0
            # HELP node_ksmd_pages_unshared ksmd 'pages_unshared' file.
            # TYPE node_ksmd_pages_unshared gauge
            node_ksmd_pages_unshared 0.0
            # HELP node_ksmd_pages_volatile ksmd 'pages_volatile' file.
            # TYPE node_ksmd_pages_volatile gauge
            node_ksmd_pages_volatile 0.0
            # HELP node_ksmd_run ksmd 'run' file.
            # TYPE node_ksmd_run gauge
            node_ksmd_run 0.0
            # HELP node_ksmd_sleep_seconds ksmd 'sleep_millisecs' file.
            # TYPE node_ksmd_sleep_seconds gauge
            node_ksmd_sleep_seconds 0.02
            """);
  }

  @Test
  void exposesAMergingKvmHostWithSleepInSeconds() throws Exception {
    SysFs sys = new SysFs(Fixtures.caseDir(KsmdCollectorTest.class, "kvm-host-merging").resolve("sys"));

    assertThat(MetricsText.of(new KsmdCollector(sys).collect()))
        .isEqualTo(
            """
            # HELP node_ksmd_full_scans_total ksmd 'full_scans' file.
            # TYPE node_ksmd_full_scans_total counter
            node_ksmd_full_scans_total 1823.0
            # HELP node_ksmd_merge_across_nodes ksmd 'merge_across_nodes' file.
            # TYPE node_ksmd_merge_across_nodes gauge
            node_ksmd_merge_across_nodes 0.0
            # HELP node_ksmd_pages_shared ksmd 'pages_shared' file.
            # TYPE node_ksmd_pages_shared gauge
            node_ksmd_pages_shared 412330.0
            # HELP node_ksmd_pages_sharing ksmd 'pages_sharing' file.
            # TYPE node_ksmd_pages_sharing gauge
            node_ksmd_pages_sharing 2891004.0
            # HELP node_ksmd_pages_to_scan ksmd 'pages_to_scan' file.
            # TYPE node_ksmd_pages_to_scan gauge
            node_ksmd_pages_to_scan 1250.0
            # HELP node_ksmd_pages_unshared ksmd 'pages_unshared' file.
            # TYPE node_ksmd_pages_unshared gauge
            node_ksmd_pages_unshared 1633120.0
            # HELP node_ksmd_pages_volatile ksmd 'pages_volatile' file.
            # TYPE node_ksmd_pages_volatile gauge
            node_ksmd_pages_volatile 70211.0
            # HELP node_ksmd_run ksmd 'run' file.
            # TYPE node_ksmd_run gauge
            node_ksmd_run 1.0
            # HELP node_ksmd_sleep_seconds ksmd 'sleep_millisecs' file.
            # TYPE node_ksmd_sleep_seconds gauge
            node_ksmd_sleep_seconds 0.2
            """);
  }

  @Test
  void failsOnAKernelWithoutMergeAcrossNodesAsNodeExporterDoes() {
    SysFs sys = new SysFs(Fixtures.caseDir(KsmdCollectorTest.class, "kernel-3.2-no-merge-across-nodes").resolve("sys"));

    assertThatThrownBy(() -> new KsmdCollector(sys).collect()).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void failsOnAnEmptyFile(@TempDir Path sys) throws Exception {
    Path ksm = Files.createDirectories(sys.resolve("kernel/mm/ksm"));
    for (String f : io.vigil.exporter.source.procfs.Ksm.FILES) {
      Files.writeString(ksm.resolve(f), f.equals("pages_shared") ? "" : "0\n");
    }

    assertThatThrownBy(() -> new KsmdCollector(new SysFs(sys)).collect())
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("pages_shared:1: expected one non-negative integer");
  }
}
