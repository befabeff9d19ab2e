package io.vigil.exporter.source.oshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import oshi.util.PlatformEnum;

class KernelSysctlTest {

  @Test
  void readsStathzFromTheFiveFieldClockinfo() {
    // FreeBSD amd64: { hz = 1000, tick = 1000, spare = 0, stathz = 127, profhz = 8128 }
    Map<Long, Integer> ints = Map.of(0L, 1000, 4L, 1000, 8L, 0, 12L, 127, 16L, 8128);
    assertThat(KernelSysctl.statHz(20, ints::get)).hasValue(127);
  }

  @Test
  void readsStathzFromTheFourFieldClockinfoWithoutTickadj() {
    // OpenBSD without tickadj: { hz = 100, tick = 10000, stathz = 100, profhz = 1000 }
    Map<Long, Integer> ints = Map.of(0L, 100, 4L, 10000, 8L, 100, 12L, 1000);
    assertThat(KernelSysctl.statHz(16, ints::get)).hasValue(100);
  }

  @Test
  void fallsBackToHzWhenThereIsNoSeparateStatisticsClock() {
    Map<Long, Integer> ints = Map.of(0L, 100, 4L, 10000, 8L, 0, 12L, 0, 16L, 0);
    assertThat(KernelSysctl.statHz(20, ints::get)).hasValue(100);
  }

  @Test
  void rejectsAStructOfUnknownSize() {
    Map<Long, Integer> ints = Map.of(0L, 100);
    assertThat(KernelSysctl.statHz(24, ints::get)).isEmpty();
    assertThat(KernelSysctl.statHz(20, offset -> 0)).isEmpty();
  }

  @Test
  void kernelVersionBecomesOneLineAsUnamePrintsIt() {
    assertThat(KernelSysctl.oneLine("FreeBSD 14.0-RELEASE #0: Fri Nov 10 2023\n    root@builder:/usr/obj/GENERIC\n"))
        .isEqualTo("FreeBSD 14.0-RELEASE #0: Fri Nov 10 2023 root@builder:/usr/obj/GENERIC");
  }

  @Test
  void doesNotCallSysctlOnPlatformsWithoutIt() {
    assertThat(KernelSysctl.kernelNames(PlatformEnum.WINDOWS)).isEmpty();
    assertThat(KernelSysctl.statHz(PlatformEnum.LINUX)).isEmpty();
  }
}
