package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TimexTest {

  /** A chrony-disciplined host in microsecond mode: status STA_PLL (0x1), offset -32 us, freq +12.3 ppm. */
  private static final Timex MICRO =
      new Timex(0, -32, 806_093, 1_500, 45, 0x0001, 7, 10_000, 0, 0, 0, 0, 0, 0, 0, 0, 37);

  @Test
  void convertsMicrosecondModeValuesAsNodeExporterDoes() {
    assertThat(MICRO.syncStatus()).isEqualTo(1);
    assertThat(MICRO.offsetSeconds()).isEqualTo(-32e-6);
    assertThat(MICRO.frequencyAdjustmentRatio()).isCloseTo(1.0000123, within(1e-9));
    assertThat(MICRO.maxerrorSeconds()).isEqualTo(0.0015);
    assertThat(MICRO.esterrorSeconds()).isEqualTo(45e-6);
    assertThat(MICRO.tickSeconds()).isEqualTo(0.01);
  }

  @Test
  void readsOffsetAndPpsJitterInNanosecondsWhenStaNanoIsSet() {
    Timex nano = new Timex(0, -32_000, 0, 0, 0, Timex.STA_NANO | 0x0001, 0, 10_000, 65_536, 1_500, 2, 131_072,
        1, 2, 3, 4, 0);

    assertThat(nano.offsetSeconds()).isEqualTo(-32e-6);
    assertThat(nano.ppsJitterSeconds()).isEqualTo(1.5e-6);
    assertThat(nano.ppsFrequencyHertz()).isEqualTo(1e-6);
    assertThat(nano.ppsStabilityHertz()).isEqualTo(2e-6);
    assertThat(nano.maxerrorSeconds()).isZero(); // always microseconds
  }

  @Test
  void isUnsynchronisedOnlyWhenAdjtimexReturnsTimeError() {
    Timex error = new Timex(Timex.TIME_ERROR, 0, 0, 16_000_000, 16_000_000, 0x0040, 2, 10_000, 0, 0, 0, 0, 0, 0, 0,
        0, 0);
    Timex leapPending = new Timex(1, 0, 0, 0, 0, 0x0010, 2, 10_000, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    assertThat(error.syncStatus()).isZero();
    assertThat(leapPending.syncStatus()).isEqualTo(1);
  }

  @Test
  void structTimexHasTheKernelsSizeOn64BitLinux() {
    assumeThat(Native.LONG_SIZE).as("a 64-bit JVM").isEqualTo(8);
    // include/uapi/linux/timex.h: 208 bytes on LP64 (modes, 15 longs, timeval, 4 ints with padding, 11 reserved)
    assertThat(new AdjtimexSyscall.StructTimex().size()).isEqualTo(208);
  }

  @Test
  void queriesThisHostsClockWithoutChangingIt() throws Exception {
    assumeThat(Files.isDirectory(Path.of("/proc/self"))).as("Linux").isTrue();

    Timex t = AdjtimexSyscall.read();

    assertThat(t.clockState()).isBetween(0, 5);
    assertThat(t.tickSeconds()).isBetween(0.0009, 0.0101); // USER_HZ 100 to 1000
    assertThat(t.maxerrorSeconds()).isNotNegative();
    assertThat(t.frequencyAdjustmentRatio()).isBetween(0.9995, 1.0005); // the kernel caps freq at +-500 ppm
  }
}
