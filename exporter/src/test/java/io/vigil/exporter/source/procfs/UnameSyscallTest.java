package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnameSyscallTest {

  @ParameterizedTest
  @CsvSource({"amd64, x86_64", "x86_64, x86_64", "x86, i686", "i386, i686", "aarch64, aarch64", "ppc64le, ppc64le",
      "s390x, s390x", "riscv64, riscv64"})
  void mapsJavaArchitectureNamesToTheKernels(String osArch, String machine) {
    assertThat(UnameSyscall.fromOsArch(osArch)).isEqualTo(machine);
  }

  @Test
  void readsTheMachineFromTheSyscallOnLinux() throws Exception {
    assumeThat(System.getProperty("os.name")).startsWithIgnoringCase("linux");
    String machine = UnameSyscall.fromSyscall().orElseThrow();

    assertThat(machine).isEqualTo(UnameSyscall.fromOsArch(System.getProperty("os.arch")));
    Path arch = Path.of("/proc/sys/kernel/arch"); // Linux 6.1+: the same UTS_MACHINE for a 64-bit process
    if (Files.isReadable(arch)) {
      assertThat(machine).isEqualTo(Files.readString(arch).strip());
    }
  }
}
