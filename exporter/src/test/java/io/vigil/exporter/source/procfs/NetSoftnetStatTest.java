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

class NetSoftnetStatTest {

  private static final Path FILE = Path.of("/proc/net/softnet_stat");

  @Test
  void parsesTheFirstThreeColumnsOfEachCpuOfThe15ColumnLayout() throws Exception {
    NetSoftnetStat stat = NetSoftnetStat.read(Fixtures.procFs());

    assertThat(stat.cpus()).containsExactly(
        new NetSoftnetStat.Cpu(22871049, 0, 412), new NetSoftnetStat.Cpu(23514302, 0, 389),
        new NetSoftnetStat.Cpu(21980417, 3, 455), new NetSoftnetStat.Cpu(23002711, 0, 371));
  }

  @Test
  void parsesTheNineColumnLayoutOfOldKernels() throws Exception {
    NetSoftnetStat stat = NetSoftnetStat.parse(FILE,
        "0048a1f3 00000000 0000002e 00000000 00000000 00000000 00000000 00000000 00000000\n");

    assertThat(stat.cpus()).containsExactly(new NetSoftnetStat.Cpu(0x48a1f3, 0, 0x2e));
  }

  @Test
  void hasOneLinePerOnlineCpuOnA64CpuHost() throws Exception {
    Path dir = Fixtures.caseDir(NetSoftnetStatTest.class, "cpus-64-one-offline");
    NetSoftnetStat stat = NetSoftnetStat.parse(FILE, Files.readString(dir.resolve("softnet_stat")));

    assertThat(stat.cpus()).hasSize(63);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "0000aaaa 00000001 00000002 00000000 00000000 00000000 00000000 00000000", // 8 columns: cut short
      "0000aaaa 00000001 zz",
      "0000aaaa 00000001 0000000g 00000000 00000000 00000000 00000000 00000000 00000000"})
  void rejectsTruncatedAndNonHexLinesNamingFileAndLine(String line) {
    assertThatThrownBy(() -> NetSoftnetStat.parse(FILE, line + "\n"))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/net/softnet_stat:1: ");
  }

  @Test
  void readsAnEmptyFileAsNoCpus() throws Exception {
    assertThat(NetSoftnetStat.parse(FILE, "").cpus()).isEmpty();
  }

  @Test
  void parsesThisHostsSoftnetStat() throws Exception {
    assumeThat(Files.isReadable(FILE)).as("a Linux /proc").isTrue();
    assertThat(NetSoftnetStat.read(new ProcFs(Path.of("/proc"))).cpus())
        .hasSizeBetween(1, Runtime.getRuntime().availableProcessors())
        .allSatisfy(c -> assertThat(c.dropped()).isNotNegative());
  }
}
