package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcPidStatTest {

  private static final Path P = Path.of("/proc/1400/stat");

  @Test
  void parsesACommWithSpacesAndParentheses() throws Exception {
    ProcPidStat s = ProcPidStat.parse(P, "1400 (my prog (v2)) R 512 1400 1400 0 -1 4194560 411 0 1 0 250 11 0 0 20"
        + " 0 1 0 150000 8454144 412 18446744073709551615 1 1 0 0 0 0 0 4096 1256 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0"
        + " 0 0\n");
    assertThat(s).isEqualTo(new ProcPidStat(1400, "my prog (v2)", 'R', 512, 411, 1, 250, 11, 1, 150000, 8454144,
        412));
  }

  @Test
  void parsesAKernelThreadOfAnOlderKernelWithFewerFields() throws Exception {
    // 2.6.32 has 44 fields
    ProcPidStat s = ProcPidStat.parse(P, "2 (kthreadd) S 0 0 0 0 -1 2149613632 0 0 0 0 0 3 0 0 20 0 1 0 2 0 0"
        + " 18446744073709551615 0 0 0 0 0 0 0 2147483647 0 18446744073709551615 0 0 17 1 0 0 0 0 0");
    assertThat(s.comm()).isEqualTo("kthreadd");
    assertThat(s.stimeTicks()).isEqualTo(3);
    assertThat(s.rssPages()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1400", "1400 (cat R 1 2 3", "1400 (cat) R 512 1400", "x (cat) R 512 1 1 0 -1 4 1 0 1"
      + " 0 2 3 0 0 20 0 1 0 9 9 9 9", "1400 (cat) RR 512 1 1 0 -1 4 1 0 1 0 2 3 0 0 20 0 1 0 9 9 9 9"})
  void refusesTruncatedAndMalformedLines(String text) {
    assertThatThrownBy(() -> ProcPidStat.parse(P, text)).isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/1400/stat:1: ");
  }

  @Test
  void aProcessThatIsGoneIsEmptyNotAnError() throws Exception {
    assertThat(ProcPids.stat(new ProcFs(Path.of("/nonexistent-proc")), 424242)).isEqualTo(Optional.empty());
  }

  @Test
  void readsThisMachinesOwnStat() throws Exception {
    ProcFs proc = new ProcFs(Path.of("/proc"));
    long self = ProcessHandle.current().pid();
    ProcPidStat s = ProcPids.stat(proc, self).orElseThrow();
    assertThat(s.pid()).isEqualTo(self);
    assertThat(s.comm()).isEqualTo("java");
    assertThat(s.numThreads()).isGreaterThan(1);
    assertThat(s.ppid()).isEqualTo(ProcessHandle.current().parent().orElseThrow().pid());
    assertThat(ProcPids.pids(proc)).contains(self, 1L);
  }

  @Test
  void parsesStatusIoAndLimits() throws Exception {
    ProcPidStatus st = ProcPidStatus.parse(P, "Name:\tjava\nUid:\t1000\t1000\t1000\t1000\nVmSwap:\t    2048 kB\n"
        + "voluntary_ctxt_switches:\t5231\nnonvoluntary_ctxt_switches:\t311\n");
    assertThat(st.realUid()).hasValue(1000);
    assertThat(st.vmSwapBytes()).hasValue(2048 * 1024);
    assertThat(st.voluntaryCtxtSwitches()).hasValue(5231);
    assertThat(st.nonvoluntaryCtxtSwitches()).hasValue(311);
    assertThat(ProcPidStatus.parse(P, "Name:\tkthreadd\n").vmSwapBytes()).isEmpty(); // kernel threads: no Vm lines
    assertThatThrownBy(() -> ProcPidStatus.parse(P, "VmSwap:\tlots kB\n")).hasMessageContaining(":1: expected a number");
    ProcPidIo io = ProcPidIo.parse(P, "rchar: 10\nread_bytes: 4096\nwrite_bytes: 8192\n");
    assertThat(io.readBytes()).hasValue(4096);
    assertThat(io.writeBytes()).hasValue(8192);
    String limits = "Limit                     Soft Limit           Hard Limit           Units     \n"
        + "Max open files            1024                 524288               files     \n";
    assertThat(ProcPidLimits.parse(P, limits).maxOpenFiles()).hasValue(1024);
    assertThat(ProcPidLimits.parse(P, limits.replace("1024   ", "unlimited")).maxOpenFiles()).isEmpty();
  }
}
