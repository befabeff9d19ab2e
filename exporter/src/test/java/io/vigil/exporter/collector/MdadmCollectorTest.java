package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MdadmCollectorTest {

  private static String scrape(String kase) throws Exception {
    ProcFs proc = new ProcFs(Fixtures.caseDir(MdadmCollectorTest.class, kase).resolve("proc"));
    return MetricsText.of(new MdadmCollector(proc).collect());
  }

  @Test
  void reportsTheCanonicalHostsIdleRaid1() throws Exception {
    assertThat(MetricsText.of(new MdadmCollector(Fixtures.procFs()).collect()))
        .isEqualTo(
            """
            # HELP node_md_blocks Total number of blocks on device.
            # TYPE node_md_blocks gauge
            node_md_blocks{device="md0"} 3.90688544E9
            # HELP node_md_blocks_synced Number of blocks synced on device.
            # TYPE node_md_blocks_synced gauge
            node_md_blocks_synced{device="md0"} 3.90688544E9
            # HELP node_md_disks Number of active/failed/spare disks of device.
            # TYPE node_md_disks gauge
            node_md_disks{device="md0",state="active"} 2.0
            node_md_disks{device="md0",state="failed"} 0.0
            node_md_disks{device="md0",state="spare"} 0.0
            # HELP node_md_disks_required Total number of disks of device.
            # TYPE node_md_disks_required gauge
            node_md_disks_required{device="md0"} 2.0
            # HELP node_md_state Indicates the state of md-device.
            # TYPE node_md_state gauge
            node_md_state{device="md0",state="active"} 1.0
            node_md_state{device="md0",state="check"} 0.0
            node_md_state{device="md0",state="inactive"} 0.0
            node_md_state{device="md0",state="recovering"} 0.0
            node_md_state{device="md0",state="resync"} 0.0
            """);
  }

  @Test
  void reportsRecoveryProgressInMemberBlocksAndADelayedResyncAsZeroSynced() throws Exception {
    // md1 rebuilds onto a replaced disk: node_exporter reports the sync line's member-device blocks as synced
    assertThat(scrape("raid5-recovery"))
        .isEqualTo(
            """
            # HELP node_md_blocks Total number of blocks on device.
            # TYPE node_md_blocks gauge
            node_md_blocks{device="md0"} 1046528.0
            node_md_blocks{device="md1"} 1.172065536E10
            node_md_blocks{device="md2"} 2094080.0
            # HELP node_md_blocks_synced Number of blocks synced on device.
            # TYPE node_md_blocks_synced gauge
            node_md_blocks_synced{device="md0"} 1046528.0
            node_md_blocks_synced{device="md1"} 4.93358976E8
            node_md_blocks_synced{device="md2"} 0.0
            # HELP node_md_disks Number of active/failed/spare disks of device.
            # TYPE node_md_disks gauge
            node_md_disks{device="md0",state="active"} 2.0
            node_md_disks{device="md0",state="failed"} 0.0
            node_md_disks{device="md0",state="spare"} 0.0
            node_md_disks{device="md1",state="active"} 3.0
            node_md_disks{device="md1",state="failed"} 0.0
            node_md_disks{device="md1",state="spare"} 0.0
            node_md_disks{device="md2",state="active"} 1.0
            node_md_disks{device="md2",state="failed"} 0.0
            node_md_disks{device="md2",state="spare"} 0.0
            # HELP node_md_disks_required Total number of disks of device.
            # TYPE node_md_disks_required gauge
            node_md_disks_required{device="md0"} 2.0
            node_md_disks_required{device="md1"} 4.0
            node_md_disks_required{device="md2"} 2.0
            # HELP node_md_state Indicates the state of md-device.
            # TYPE node_md_state gauge
            node_md_state{device="md0",state="active"} 1.0
            node_md_state{device="md0",state="check"} 0.0
            node_md_state{device="md0",state="inactive"} 0.0
            node_md_state{device="md0",state="recovering"} 0.0
            node_md_state{device="md0",state="resync"} 0.0
            node_md_state{device="md1",state="active"} 0.0
            node_md_state{device="md1",state="check"} 0.0
            node_md_state{device="md1",state="inactive"} 0.0
            node_md_state{device="md1",state="recovering"} 1.0
            node_md_state{device="md1",state="resync"} 0.0
            node_md_state{device="md2",state="active"} 0.0
            node_md_state{device="md2",state="check"} 0.0
            node_md_state{device="md2",state="inactive"} 0.0
            node_md_state{device="md2",state="recovering"} 0.0
            node_md_state{device="md2",state="resync"} 1.0
            """);
  }

  @Test
  void countsFailedAndSpareMembersAndReportsInactiveArraysWithoutMembers() throws Exception {
    assertThat(scrape("degraded"))
        .contains(
            "node_md_disks{device=\"md2\",state=\"active\"} 1.0\n",
            "node_md_disks{device=\"md2\",state=\"failed\"} 1.0\n",
            "node_md_disks_required{device=\"md2\"} 2.0\n",
            "node_md_disks{device=\"md3\",state=\"active\"} 5.0\n",
            "node_md_disks{device=\"md3\",state=\"spare\"} 1.0\n",
            "node_md_state{device=\"md127\",state=\"inactive\"} 1.0\n",
            "node_md_disks{device=\"md127\",state=\"spare\"} 1.0\n",
            "node_md_disks_required{device=\"md127\"} 0.0\n",
            "node_md_blocks_synced{device=\"md127\"} 3.906886488E9\n",
            // raid0 has no [n/m]: its members are counted on the device line
            "node_md_disks{device=\"md1\",state=\"active\"} 2.0\n",
            "node_md_disks_required{device=\"md1\"} 2.0\n");
  }

  @Test
  void distinguishesCheckResyncAndPendingResync() throws Exception {
    assertThat(scrape("check-and-resync"))
        .contains(
            "node_md_state{device=\"md3\",state=\"check\"} 1.0\n",
            "node_md_blocks_synced{device=\"md3\"} 2.930164736E9\n",
            "node_md_state{device=\"md4\",state=\"resync\"} 1.0\n",
            "node_md_blocks_synced{device=\"md4\"} 0.0\n",
            "node_md_state{device=\"md5\",state=\"resync\"} 1.0\n",
            "node_md_blocks_synced{device=\"md5\"} 3.33009664E8\n",
            "node_md_state{device=\"md6\",state=\"active\"} 1.0\n",
            "node_md_disks{device=\"md6\",state=\"active\"} 2.0\n");
  }

  @Test
  void failsOnATruncatedFile() {
    assertThatThrownBy(() -> scrape("truncated"))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("mdstat:2: array md1 is cut short");
  }

  @Test
  void reportsNothingWhenTheDriverIsLoadedWithoutArrays(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("mdstat"), "Personalities : \nunused devices: <none>\n");
    assertThat(new MdadmCollector(new ProcFs(root)).collect()).isEmpty();
  }

  @Test
  void failsWithAClearMessageWithoutProcMdstat(@TempDir Path root) {
    assertThatThrownBy(new MdadmCollector(new ProcFs(root))::collect)
        .isInstanceOf(NoDataException.class)
        .hasMessage(root.resolve("mdstat") + ": no md arrays to report (the md driver is not loaded)");
  }
}
