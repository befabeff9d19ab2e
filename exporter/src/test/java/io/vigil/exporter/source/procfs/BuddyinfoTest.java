package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuddyinfoTest {

  private static final Path FILE = Path.of("/proc/buddyinfo");

  @Test
  void parsesEveryZoneOfTheCanonicalFixture() throws Exception {
    Buddyinfo info = Buddyinfo.read(Fixtures.procFs());

    assertThat(info.zones()).extracting(Buddyinfo.Zone::zone).containsExactly("DMA", "DMA32", "Normal");
    assertThat(info.zones().get(2).node()).isEqualTo("0");
    assertThat(info.zones().get(2).freeBlocks()).hasSize(11).startsWith(9873L, 6524L).endsWith(59L);
  }

  @Test
  void freePagesAddUpToMemFreeOfTheCanonicalMeminfo() throws Exception {
    long pages = 0;
    for (Buddyinfo.Zone z : Buddyinfo.read(Fixtures.procFs()).zones()) {
      for (int order = 0; order < z.freeBlocks().size(); order++) {
        pages += z.freeBlocks().get(order) << order;
      }
    }
    assertThat(pages * 4).isCloseTo(1432108, org.assertj.core.data.Percentage.withPercentage(0.1)); // kB
  }

  @Test
  void readsAnEmptyFileAsNoZones() throws Exception {
    assertThat(Buddyinfo.parse(FILE, "").zones()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Node 0, zone    DMA32      1      2 \n", // fewer orders than the first line
      "Node 0, zone    DMA32      1      x      3 \n", // not a count
      "Node 0, zone\n", // cut short
      "Node 0 zone    DMA32      1      2      3 \n"}) // no comma
  void rejectsMalformedAndInconsistentLinesNamingFileAndLine(String second) {
    assertThatThrownBy(() -> Buddyinfo.parse(FILE, "Node 0, zone      DMA      0      0      0 \n" + second))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/buddyinfo:2: ");
  }

  @Test
  void parsesThisHostsBuddyinfo() throws Exception {
    assumeThat(Files.isReadable(FILE)).as("a Linux /proc").isTrue();
    Buddyinfo info = Buddyinfo.read(new ProcFs(Path.of("/proc")));
    assertThat(info.zones()).isNotEmpty().allSatisfy(z -> assertThat(z.freeBlocks()).hasSizeGreaterThan(8));
  }
}
