package io.vigil.exporter.source.oshi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.ProcessDetails;
import io.vigil.exporter.source.ProcessInfo;
import io.vigil.exporter.source.procfs.LinuxProcessSource;
import io.vigil.exporter.source.procfs.ProcFs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The OSHI process source (used on macOS, Windows, BSD) against Vigil's own /proc reader on this Linux host, for
 * this test's own JVM: identity fields equal, counters and memory close.
 */
@EnabledOnOs(OS.LINUX)
class OshiProcessesLiveTest {

  @Test
  void oshiAndProcAgreeAboutThisProcess() throws Exception {
    long self = ProcessHandle.current().pid();
    OshiProcesses oshi = new OshiProcesses(new oshi.SystemInfo().getOperatingSystem());
    LinuxProcessSource proc = LinuxProcessSource.create(new ProcFs(Path.of("/proc")), HostPaths.defaults());
    ProcessInfo fromProc = find(proc.processes(), self);
    ProcessInfo fromOshi = find(oshi.processes(), self);
    assertThat(fromOshi.ppid()).isEqualTo(fromProc.ppid());
    assertThat(fromOshi.comm()).isEqualTo(fromProc.comm());
    assertThat(fromOshi.exe()).isEqualTo(fromProc.exe());
    assertThat(fromOshi.cmdline()).isEqualTo(fromProc.cmdline());
    assertThat(fromOshi.startTimeSeconds()).isCloseTo(fromProc.startTimeSeconds(), within(1.0));
    assertThat(fromOshi.userSeconds()).isCloseTo(fromProc.userSeconds(), within(fromProc.userSeconds() * 0.2 + 1));
    assertThat((double) fromOshi.residentBytes()).isCloseTo(fromProc.residentBytes(),
        within(fromProc.residentBytes() * 0.2));
    ProcessDetails d = oshi.details(fromOshi).orElseThrow();
    ProcessDetails p = proc.details(fromProc).orElseThrow();
    assertThat(d.user()).isEqualTo(p.user());
    assertThat(d.maxFds()).isEqualTo(p.maxFds());
    assertThat(d.swappedBytes()).as("not available through OSHI").isEmpty();
  }

  private static ProcessInfo find(List<ProcessInfo> all, long pid) {
    return all.stream().filter(p -> p.pid() == pid).findFirst().orElseThrow();
  }
}
