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

class BtrfsCollectorTest {

  private static Path caseDir(String kase) {
    return Fixtures.caseDir(BtrfsCollectorTest.class, kase);
  }

  private static String scrape(String kase) throws Exception {
    return MetricsText.of(new BtrfsCollector(new SysFs(caseDir(kase).resolve("sys"))).collect());
  }

  @Test
  void reportsARaid1DataVolumeAndAnUnlabelledRootFilesystem() throws Exception {
    String out = scrape("debian12-raid1");
    assertThat(out).isEqualTo(Files.readString(caseDir("debian12-raid1").resolve("expected.prom")));
    String root = "uuid=\"c0ffee00-1234-4abc-8def-0123456789ab\"";
    assertThat(out).contains("node_btrfs_info{label=\"\"," + root + "} 1.0\n",
        "node_btrfs_allocation_ratio{block_group_type=\"metadata\",mode=\"dup\"," + root + "} 2.0\n");
  }

  @Test
  void usesTheDirectoryNameWithoutMetadataUuidAndWeighsRaid5ByDeviceCount() throws Exception {
    assertThat(scrape("ubuntu1804-raid5"))
        .isEqualTo(
            """
            # HELP node_btrfs_allocation_ratio Data allocation ratio for a layout/data type
            # TYPE node_btrfs_allocation_ratio gauge
            node_btrfs_allocation_ratio{block_group_type="data",mode="raid5",uuid="5b9d8e7f-aaaa-4bbb-8ccc-ddddeeeeffff"} 1.5
            node_btrfs_allocation_ratio{block_group_type="metadata",mode="raid1",uuid="5b9d8e7f-aaaa-4bbb-8ccc-ddddeeeeffff"} 2.0
            node_btrfs_allocation_ratio{block_group_type="system",mode="raid1",uuid="5b9d8e7f-aaaa-4bbb-8ccc-ddddeeeeffff"} 2.0
            # HELP node_btrfs_device_size_bytes Size of a device that is part of the filesystem.
            # TYPE node_btrfs_device_size_bytes gauge
            node_btrfs_device_size_bytes{device="sdb",uuid="5b9d8e7f-aaaa-4bbb-8ccc-ddddeeeeffff"} 4.000787030016E12
            node_btrfs_device_size_bytes{device="sdc",uuid="5b9d8e7f-aaaa-4bbb-8ccc-ddddeeeeffff"} 4.000787030016E12
            node_btrfs_device_size_bytes{device="sdd",uuid="5b9d8e7f-aaaa-4bbb-8ccc-ddddeeeeffff"} 4.000787030016E12
            # HELP node_btrfs_global_rsv_size_bytes Size of global reserve.
            # TYPE node_btrfs_global_rsv_size_bytes gauge
            node_btrfs_global_rsv_size_bytes{uuid="5b9d8e7f-aaaa-4bbb-8ccc-ddddeeeeffff"} 5.36870912E8
            # HELP node_btrfs_info Filesystem information
            # TYPE node_btrfs_info gauge
            node_btrfs_info{label="backup",uuid="5b9d8e7f-aaaa-4bbb-8ccc-ddddeeeeffff"} 1.0
            # HELP node_btrfs_reserved_bytes Amount of space reserved for a data type
            # TYPE node_btrfs_reserved_bytes gauge
            node_btrfs_reserved_bytes{block_group_type="data",uuid="5b9d8e7f-aaaa-4bbb-8ccc-ddddeeeeffff"} 0.0
            node_btrfs_reserved_bytes{block_group_type="metadata",uuid="5b9d8e7f-aaaa-4bbb-8ccc-ddddeeeeffff"} 0.0
            node_btrfs_reserved_bytes{block_group_type="system",uuid="5b9d8e7f-aaaa-4bbb-8ccc-ddddeeeeffff"} 0.0
            # HELP node_btrfs_size_bytes Amount of space allocated for a layout/data type
            # TYPE node_btrfs_size_bytes gauge
            node_btrfs_size_bytes{block_group_type="data",mode="raid5",uuid="5b9d8e7f-aaaa-4bbb-8ccc-ddddeeeeffff"} 5.5834574848E12
            node_btrfs_size_bytes{block_group_type="metadata",mode="raid1",uuid="5b9d8e7f-aaaa-4bbb-8ccc-ddddeeeeffff"} 1.073741824E10
            node_btrfs_size_bytes{block_group_type="system",mode="raid1",uuid="5b9d8e7f-aaaa-4bbb-8ccc-ddddeeeeffff"} 3.3554432E7
            # HELP node_btrfs_used_bytes Amount of used space by a layout/data type
            # TYPE node_btrfs_used_bytes gauge
            node_btrfs_used_bytes{block_group_type="data",mode="raid5",uuid="5b9d8e7f-aaaa-4bbb-8ccc-ddddeeeeffff"} 5.49755813888E12
            node_btrfs_used_bytes{block_group_type="metadata",mode="raid1",uuid="5b9d8e7f-aaaa-4bbb-8ccc-ddddeeeeffff"} 6.442450944E9
            node_btrfs_used_bytes{block_group_type="system",mode="raid1",uuid="5b9d8e7f-aaaa-4bbb-8ccc-ddddeeeeffff"} 409600.0
            """);
  }

  @Test
  void reportsNothingWithoutMountedFilesystems(@TempDir Path sys) throws Exception {
    assertThat(new BtrfsCollector(new SysFs(sys)).collect()).isEmpty();
    Files.createDirectories(sys.resolve("fs/btrfs/features"));
    assertThat(new BtrfsCollector(new SysFs(sys)).collect()).isEmpty();
  }

  @Test
  void failsOnASizeThatIsNotANumber(@TempDir Path sys) throws Exception {
    Path fs = Files.createDirectories(sys.resolve("fs/btrfs/7e2b8c1d-4f3a-4d5e-9a6b-1c2d3e4f5a6b/allocation/data"));
    Files.writeString(fs.resolve("bytes_reserved"), "12k\n");
    assertThatThrownBy(new BtrfsCollector(new SysFs(sys))::collect)
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("bytes_reserved:1: expected an unsigned integer");
  }
}
