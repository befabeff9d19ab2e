package io.vigil.exporter.source.oshi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.source.oshi.OshiPlatform.DiskTime;
import org.junit.jupiter.api.Test;
import oshi.hardware.CentralProcessor.TickType;
import oshi.util.PlatformEnum;

class OshiPlatformTest {

  @Test
  void macOsHasOnlyTheFourMachCpuStatesAndNoKernelCounters() {
    OshiPlatform mac = OshiPlatform.of(PlatformEnum.MACOS);
    assertThat(mac.cpuModes()).containsExactly(TickType.USER, TickType.NICE, TickType.SYSTEM, TickType.IDLE);
    assertThat(mac.contextSwitchesAndInterrupts()).isFalse();
    assertThat(mac.diskTime()).isEqualTo(DiskTime.WEIGHTED);
    assertThat(mac.diskQueueLength()).isFalse();
    assertThat(mac.collisionsAreTransmitDrops()).isFalse();
  }

  @Test
  void windowsHasInterruptAndDpcTimeButNoNiceIowaitOrSteal() {
    OshiPlatform windows = OshiPlatform.of(PlatformEnum.WINDOWS);
    assertThat(windows.cpuModes())
        .containsExactly(TickType.USER, TickType.SYSTEM, TickType.IDLE, TickType.IRQ, TickType.SOFTIRQ);
    assertThat(windows.contextSwitchesAndInterrupts()).isTrue();
    assertThat(windows.diskTime()).isEqualTo(DiskTime.WEIGHTED);
    assertThat(windows.collisionsAreTransmitDrops()).isTrue();
    assertThat(windows.isWindows()).isTrue();
  }

  @Test
  void bsdsReportTheFiveCpTimeStates() {
    for (PlatformEnum bsd : new PlatformEnum[] {
        PlatformEnum.FREEBSD, PlatformEnum.OPENBSD, PlatformEnum.NETBSD, PlatformEnum.DRAGONFLYBSD}) {
      OshiPlatform p = OshiPlatform.of(bsd);
      assertThat(p.cpuModes())
          .as(bsd.getName())
          .containsExactly(TickType.USER, TickType.NICE, TickType.SYSTEM, TickType.IDLE, TickType.IRQ);
      assertThat(p.contextSwitchesAndInterrupts()).isTrue();
      assertThat(p.isBsd()).isTrue();
    }
  }

  @Test
  void freeBsdDiskTimeIsSummedServiceTimeWithAQueueLength() {
    OshiPlatform freebsd = OshiPlatform.of(PlatformEnum.FREEBSD);
    assertThat(freebsd.diskTime()).isEqualTo(DiskTime.WEIGHTED);
    assertThat(freebsd.diskQueueLength()).isTrue();
  }

  @Test
  void openBsdAndNetBsdDiskTimeIsBusyTimeWithoutQueueLength() {
    for (PlatformEnum bsd : new PlatformEnum[] {PlatformEnum.OPENBSD, PlatformEnum.NETBSD}) {
      assertThat(OshiPlatform.of(bsd).diskTime()).as(bsd.getName()).isEqualTo(DiskTime.BUSY);
      assertThat(OshiPlatform.of(bsd).diskQueueLength()).as(bsd.getName()).isFalse();
    }
  }

  @Test
  void linuxHasAllEightModesInNodeExporterOrder() {
    OshiPlatform linux = OshiPlatform.of(PlatformEnum.LINUX);
    assertThat(linux.cpuModes().stream().map(OshiPlatform::modeName))
        .containsExactly("user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal");
    assertThat(linux.isBsd()).isFalse();
    assertThat(linux.isWindows()).isFalse();
  }
}
