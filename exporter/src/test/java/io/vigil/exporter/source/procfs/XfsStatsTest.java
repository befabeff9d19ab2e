package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XfsStatsTest {

  private static final Path FILE = Path.of("/sys/fs/xfs/sda1/stats/stats");

  @Test
  void readsEachFilesystemButNotTheSystemWideFile() throws Exception {
    List<XfsStats> all = XfsStats.readAll(Fixtures.sysFs());
    assertThat(all).extracting(XfsStats::device).containsExactly("dm-0");
    XfsStats srv = all.get(0);
    assertThat(srv.line("rw")).contains(List.of(3412876L, 22184533L));
    // 6.12 lines procfs does not know are kept as read; xpc holds 64-bit byte counts
    assertThat(srv.line("rcbagbt")).hasValueSatisfying(v -> assertThat(v).hasSize(15));
    assertThat(srv.line("xpc")).contains(List.of(120318517248L, 15594958848L, 1747488256L));
  }

  @Test
  void acceptsTheSevenFieldVnodesLineOfOldKernelsAndSkipsBareLabels() throws Exception {
    XfsStats s = XfsStats.parse("sdb1", FILE, "vnodes 1 2 3 4 5 6 7\ndebug\n");
    assertThat(s.line("vnodes")).contains(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L));
    assertThat(s.line("debug")).isEmpty();
  }

  @Test
  void parsesTheSystemWideProcFileOfAnOlderKernel() throws Exception {
    Path file = Fixtures.root().resolve("XfsCollectorTest/ubuntu18.04-two-filesystems/proc/fs/xfs/stat");
    XfsStats all = XfsStats.parse("", file, Files.readString(file));
    assertThat(all.line("extent_alloc")).contains(List.of(853567L, 420457467L, 836356L, 418145746L));
    assertThat(all.line("defer_relog")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"extent_alloc 1 2 3", "rw 1 2 3", "vnodes 1 2 3 4 5 6", "rw 1 x", "rw 4294967296 0",
      "xpc 1 2", "buf 1 2 3 4 5 6 7 8", "abt -1 0 0 0"})
  void rejectsMalformedLines(String line) {
    assertThatThrownBy(() -> XfsStats.parse("sda1", FILE, "abt 0 0 0 0\n" + line + "\n"))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith(FILE + ":2: ");
  }

  @Test
  void parsesThisHostsSystemWideStatistics() throws Exception {
    Path live = Path.of("/sys/fs/xfs/stats/stats");
    assumeThat(live).as("the xfs module is loaded on this host").isRegularFile();
    XfsStats s = XfsStats.parse("", live, ProcFs.readText(live));
    assertThat(s.line("extent_alloc")).hasValueSatisfying(v -> assertThat(v).hasSize(4));
    assertThat(s.line("rw")).hasValueSatisfying(v -> assertThat(v).hasSize(2).allMatch(x -> x >= 0));
    assertThat(s.line("xpc")).hasValueSatisfying(v -> assertThat(v).hasSize(3));
  }
}
