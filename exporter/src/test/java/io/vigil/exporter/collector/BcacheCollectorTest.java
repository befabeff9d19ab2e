package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BcacheCollectorTest {

  private static final Path CASE = Fixtures.caseDir(BcacheCollectorTest.class, "writeback");

  @Test
  void reportsTheCacheSetItsTwoBackingDevicesAndItsCache() throws Exception {
    String out = MetricsText.of(new BcacheCollector(new SysFs(CASE.resolve("sys")), false).collect());
    assertThat(out).isEqualTo(Files.readString(CASE.resolve("expected.prom")));
    // bch_hprint sizes converted as upstream: 9.8k = (9 + 8/10.24) * 1024; -65.1k keeps its sign
    assertThat(out)
        .contains("node_bcache_average_key_size_sectors{uuid=\"4a61e9d2-88f4-4c1f-9bb1-2a8c3e5d7f60\"} 10016.0\n")
        .contains("node_bcache_writeback_rate_proportional_term{backing_device=\"bdev0\","
            + "uuid=\"4a61e9d2-88f4-4c1f-9bb1-2a8c3e5d7f60\"} -66660.0\n")
        .doesNotContain("priority_stats");
  }

  @Test
  void readsPriorityStatsOnlyWhenAskedTo() throws Exception {
    assertThat(MetricsText.of(new BcacheCollector(new SysFs(CASE.resolve("sys")), true).collect()))
        .contains("node_bcache_priority_stats_unused_percent{cache_device=\"cache0\","
            + "uuid=\"4a61e9d2-88f4-4c1f-9bb1-2a8c3e5d7f60\"} 27.0\n")
        .contains("node_bcache_priority_stats_metadata_percent{cache_device=\"cache0\","
            + "uuid=\"4a61e9d2-88f4-4c1f-9bb1-2a8c3e5d7f60\"} 1.0\n");
  }

  @Test
  void reportsNothingWithoutBcache() throws Exception {
    assertThat(new BcacheCollector(Fixtures.sysFs(), false).collect()).isEmpty();
  }

  @Test
  void failsOnASizeItCannotRead(@TempDir Path sys) throws Exception {
    Path set = Files.createDirectories(sys.resolve("fs/bcache/4a61e9d2-88f4-4c1f-9bb1-2a8c3e5d7f60"));
    Files.writeString(set.resolve("btree_cache_size"), "lots\n");
    assertThatThrownBy(new BcacheCollector(new SysFs(sys), false)::collect)
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("btree_cache_size:1: expected a number or a bcache size");
  }
}
