package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BtrfsFilesystemTest {

  @ParameterizedTest
  @CsvSource({"single, 2, 1", "raid0, 3, 1", "dup, 1, 2", "raid1, 2, 2", "raid10, 4, 2", "raid5, 3, 1.5",
      "raid6, 4, 2", "raid1c3, 3, 0"})
  void computesTheAllocationRatioAsUpstreamDoes(String mode, int devices, double ratio) {
    assertThat(BtrfsFilesystem.ratio(mode, devices)).isEqualTo(ratio);
  }

  @Test
  void readsSectorsAsBytesAndFallsBackToTheDirectoryNameForTheUuid() throws Exception {
    List<BtrfsFilesystem> all =
        BtrfsFilesystem.readAll(new SysFs(Fixtures.root().resolve("BtrfsCollectorTest/ubuntu1804-raid5/sys")));
    BtrfsFilesystem fs = all.get(0);
    assertThat(fs.uuid()).isEqualTo("5b9d8e7f-aaaa-4bbb-8ccc-ddddeeeeffff");
    assertThat(fs.deviceBytes()).containsEntry("sdb", Optional.of(7814037168L * 512));
    assertThat(fs.allocations()).extracting(BtrfsFilesystem.Allocation::type)
        .containsExactly("data", "metadata", "system");
  }

  @Test
  void findsNoFilesystemOnThisHostWhenOnlyTheModuleIsLoaded() throws Exception {
    Path live = Path.of("/sys/fs/btrfs");
    assumeThat(live).as("btrfs module loaded").isDirectory();
    // every directory found is a mounted filesystem named by its UUID; "features" is not one
    assertThat(BtrfsFilesystem.readAll(new SysFs(Path.of("/sys"))))
        .allSatisfy(fs -> assertThat(fs.uuid()).contains("-"));
  }
}
