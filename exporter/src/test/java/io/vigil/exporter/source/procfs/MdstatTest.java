package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.Mdstat.Array;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MdstatTest {

  private static final Path FILE = Path.of("/proc/mdstat");

  private static Mdstat fixture(String kase) throws Exception {
    return Mdstat.read(new ProcFs(Fixtures.root().resolve("MdadmCollectorTest").resolve(kase).resolve("proc")));
  }

  @Test
  void parsesTheCanonicalRaid1WithItsBitmapLine() throws Exception {
    assertThat(Mdstat.read(Fixtures.procFs()).arrays())
        .containsExactly(new Array("md0", "active", 2, 2, 0, 0, 3906885440L, 3906885440L));
  }

  @Test
  void parsesRecoveryAndADelayedResync() throws Exception {
    assertThat(fixture("raid5-recovery").arrays()).containsExactly(
        new Array("md1", "recovering", 3, 4, 0, 0, 11720655360L, 493358976L),
        new Array("md2", "resyncing", 1, 2, 0, 0, 2094080L, 0),
        new Array("md0", "active", 2, 2, 0, 0, 1046528L, 1046528L));
  }

  @Test
  void parsesFailedSpareInactiveAndRaid0Arrays() throws Exception {
    assertThat(fixture("degraded").arrays()).containsExactly(
        new Array("md127", "inactive", 0, 0, 0, 1, 3906886488L, 3906886488L),
        new Array("md3", "active", 5, 5, 0, 1, 15627540480L, 15627540480L),
        new Array("md2", "active", 1, 2, 1, 0, 976630464L, 976630464L),
        new Array("md1", "active", 2, 2, 0, 0, 1953260544L, 1953260544L));
  }

  @Test
  void parsesCheckPendingResyncAndLinear() throws Exception {
    assertThat(fixture("check-and-resync").arrays()).containsExactly(
        new Array("md3", "checking", 4, 4, 0, 0, 7813772288L, 2930164736L),
        new Array("md4", "resyncing", 2, 2, 0, 0, 1953381376L, 0),
        new Array("md5", "resyncing", 2, 2, 0, 0, 488253440L, 333009664L),
        new Array("md6", "active", 2, 2, 0, 0, 3906762752L, 3906762752L));
  }

  @Test
  void parsesAFileWithoutArrays() throws Exception {
    assertThat(Mdstat.parse(FILE, "Personalities : \nunused devices: <none>\n").arrays()).isEmpty();
    assertThat(Mdstat.parse(FILE, "").arrays()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock = """
          md0 : active raid1 sdb1[1] sda1[0]\\n      3906885440 blocks super 1.2 [2/2] [UU]\\n | 1 | is cut short
          md0 :\\n      1 blocks [2/2] [UU]\\n\\n\\n | 1 | expected "mdN : <state> ...\"
          md0 : active raid1 sdb1[1] sda1[0]\\n      many blocks [2/2] [UU]\\n\\n\\n | 2 | expected "<blocks> blocks ...\"
          md0 : active raid1 sdb1[1] sda1[0]\\n      3906885440 blocks super 1.2\\n\\n\\n | 2 | [n/m] [U_]
          md0 : active raid1 sdb1[1] sda1[0]\\n      100 blocks [2/2] [UX]\\n\\n\\n | 2 | [n/m] [U_]
          md0 : active raid1 sdb1[1] sda1[0]\\n      100 blocks [2/1] [U_]\\n      [>....]  recovery = 1.0% finish=1.0min speed=1K/sec\\n\\n | 3 | finish=<min>min
          md0 : active raid1 sdb1[1] sda1[0]\\n      100 blocks [2/1] [U_]\\n      [>....]  recovery = 1.0% (1/100)\\n\\n | 3 | speed=<n>K/sec
          """)
  void rejectsMalformedArraysNamingTheLine(String content, int line, String problem) {
    assertThatThrownBy(() -> Mdstat.parse(FILE, content.replace("\\n", "\n")))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/mdstat:" + line + ": ")
        .hasMessageContaining(problem);
  }
}
