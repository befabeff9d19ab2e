package io.vigil.exporter.source.oshi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.Meminfo;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class OshiMemoryTest {

  @Test
  void mapsTotalAvailableAndSwapUnderMeminfoNamesInFileOrder() throws IOException {
    Meminfo m = OshiMemory.meminfo(16L << 30, 9L << 30, 4L << 30, 1L << 30);
    assertThat(m.fields())
        .containsExactly(
            new Meminfo.Field("MemTotal", 16L << 30, true),
            new Meminfo.Field("MemAvailable", 9L << 30, true),
            new Meminfo.Field("SwapTotal", 4L << 30, true),
            new Meminfo.Field("SwapFree", 3L << 30, true));
  }

  @Test
  void neverInventsMemFreeBuffersOrCached() throws IOException {
    Meminfo m = OshiMemory.meminfo(8L << 30, 2L << 30, 0, 0);
    assertThat(m.field("MemFree")).isEmpty();
    assertThat(m.field("Buffers")).isEmpty();
    assertThat(m.field("Cached")).isEmpty();
  }

  @Test
  void noSwapConfiguredIsARealZero() throws IOException {
    Meminfo m = OshiMemory.meminfo(8L << 30, 2L << 30, 0, 0);
    assertThat(m.field("SwapTotal")).contains(new Meminfo.Field("SwapTotal", 0, true));
    assertThat(m.field("SwapFree")).contains(new Meminfo.Field("SwapFree", 0, true));
  }

  @Test
  void zeroAvailableIsOshisFailureValueAndLeftOut() throws IOException {
    assertThat(OshiMemory.meminfo(8L << 30, 0, 0, 0).field("MemAvailable")).isEmpty();
  }

  @Test
  void swapUsedAboveTotalDoesNotGoNegative() throws IOException {
    // Windows derives both from different counters; a momentary overshoot must not produce -1 bytes free.
    assertThat(OshiMemory.meminfo(8L << 30, 1L << 30, 100, 150).field("SwapFree").orElseThrow().value()).isZero();
  }

  @Test
  void noPhysicalMemoryIsAFailedRead() {
    assertThatThrownBy(() -> OshiMemory.meminfo(0, 0, 0, 0)).isInstanceOf(IOException.class);
  }
}
