package io.vigil.exporter.source.oshi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vigil.exporter.source.Loadavg;
import io.vigil.exporter.source.ProcStat;
import io.vigil.exporter.source.UnsupportedSourceException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import oshi.util.PlatformEnum;

class OshiCpuTest {

  // OSHI's order: USER, NICE, SYSTEM, IDLE, IOWAIT, IRQ, SOFTIRQ, STEAL
  private static final long[][] TICKS = {
    {1000, 20, 300, 40000, 5, 6, 7, 8},
    {2000, 0, 400, 30000, 0, 0, 0, 0},
  };

  @Test
  void macTicksAreHundredthsOfASecondAndOnlyFourModes() throws IOException {
    OshiPlatform mac = OshiPlatform.of(PlatformEnum.MACOS);
    List<ProcStat.CpuTimes> cpus =
        OshiCpu.cpuTimes(TICKS, mac.cpuModes(), OshiCpu.secondsPerTick(mac).getAsDouble());
    assertThat(cpus).extracting(ProcStat.CpuTimes::cpu).containsExactly("0", "1");
    assertThat(cpus.get(0).seconds())
        .containsExactly(Map.entry("user", 10.0), Map.entry("nice", 0.2), Map.entry("system", 3.0),
            Map.entry("idle", 400.0));
    assertThat(cpus.get(0).guestSeconds()).isEmpty();
  }

  @Test
  void windowsAndLinuxTicksAreMilliseconds() throws IOException {
    OshiPlatform windows = OshiPlatform.of(PlatformEnum.WINDOWS);
    assertThat(OshiCpu.secondsPerTick(windows)).hasValue(0.001);
    assertThat(OshiCpu.secondsPerTick(OshiPlatform.of(PlatformEnum.LINUX))).hasValue(0.001);
    List<ProcStat.CpuTimes> cpus = OshiCpu.cpuTimes(TICKS, windows.cpuModes(), 0.001);
    assertThat(cpus.get(1).seconds())
        .containsExactly(Map.entry("user", 2.0), Map.entry("system", 0.4), Map.entry("idle", 30.0),
            Map.entry("irq", 0.0), Map.entry("softirq", 0.0));
  }

  @Test
  void bsdTicksUseTheStatisticsClock() throws IOException {
    OshiPlatform freebsd = OshiPlatform.of(PlatformEnum.FREEBSD);
    List<ProcStat.CpuTimes> cpus = OshiCpu.cpuTimes(TICKS, freebsd.cpuModes(), 1.0 / 128);
    assertThat(cpus.get(0).seconds().get("user")).isCloseTo(1000 / 128.0, within(1e-12));
    assertThat(cpus.get(0).seconds()).containsOnlyKeys("user", "nice", "system", "idle", "irq");
  }

  @Test
  void dragonFlyTickUnitIsUnknownSoCpuTimesAreUnsupported() {
    assertThat(OshiCpu.secondsPerTick(OshiPlatform.of(PlatformEnum.DRAGONFLYBSD))).isEmpty();
    assertThat(OshiCpu.secondsPerTick(OshiPlatform.of(PlatformEnum.SOLARIS))).isEmpty();
  }

  @Test
  void allZeroTicksAreAFailedReadNotAnIdleMachine() {
    assertThatThrownBy(() -> OshiCpu.cpuTimes(new long[2][8], OshiPlatform.of(PlatformEnum.WINDOWS).cpuModes(), 0.001))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no CPU ticks");
  }

  @Test
  void loadAverageIsPassedThrough() throws IOException {
    assertThat(OshiCpu.loadavg(new double[] {0.5, 1.25, 2.0})).isEqualTo(new Loadavg(0.5, 1.25, 2.0));
  }

  @Test
  void negativeLoadAverageMeansUnsupportedNotMinusOne() {
    assertThatThrownBy(() -> OshiCpu.loadavg(new double[] {-1, -1, -1}))
        .isInstanceOf(UnsupportedSourceException.class)
        .hasMessageContaining("load average");
  }
}
