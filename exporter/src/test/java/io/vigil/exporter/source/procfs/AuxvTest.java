package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.testing.Fixtures;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AuxvTest {

  /** An auxiliary vector of 64-bit words: AT_PHDR, AT_PAGESZ, AT_NULL. */
  private static byte[] vector64(ByteOrder order, long pageSize) {
    return ByteBuffer.allocate(48).order(order)
        .putLong(3).putLong(0x400040L)
        .putLong(6).putLong(pageSize)
        .putLong(0).putLong(0)
        .array();
  }

  @Test
  void findsThePageSizeInA64BitVector() {
    assertThat(Auxv.pageSize(vector64(ByteOrder.LITTLE_ENDIAN, 4096), 8, ByteOrder.LITTLE_ENDIAN)).hasValue(4096);
    assertThat(Auxv.pageSize(vector64(ByteOrder.BIG_ENDIAN, 65536), 8, ByteOrder.BIG_ENDIAN)).hasValue(65536);
  }

  @Test
  void findsThePageSizeInA32BitVector() {
    byte[] data = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN)
        .putInt(16).putInt(0xbfebfbff).putInt(6).putInt(16384).putInt(0).putInt(0).array();

    assertThat(Auxv.pageSize(data, 4, ByteOrder.LITTLE_ENDIAN)).hasValue(16384);
  }

  @Test
  void findsNothingAfterTheTerminatorOrInATruncatedVector() {
    byte[] terminatedFirst = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN)
        .putLong(0).putLong(0).putLong(6).putLong(4096).array();

    assertThat(Auxv.pageSize(terminatedFirst, 8, ByteOrder.LITTLE_ENDIAN)).isEmpty();
    assertThat(Auxv.pageSize(new byte[12], 8, ByteOrder.LITTLE_ENDIAN)).isEmpty();
  }

  @Test
  void fallsBackTo4096WithoutAnAuxvUnderTheRoot() {
    assertThat(Auxv.pageSize(Fixtures.procFs())).isEqualTo(Auxv.DEFAULT_PAGE_SIZE);
  }

  @Test
  void readsThisProcessPageSizeAsTheKernelReportsItInSmaps() throws Exception {
    Path smaps = Path.of("/proc/self/smaps");
    assumeThat(Files.isReadable(Path.of("/proc/self/auxv")) && Files.isReadable(smaps)).as("Linux").isTrue();
    // Every mapping reports "MMUPageSize: <n> kB"; the base page size is the smallest of them.
    long smallest = Files.readAllLines(smaps).stream()
        .filter(l -> l.startsWith("MMUPageSize:"))
        .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
        .min()
        .orElseThrow();

    assertThat(Auxv.pageSize(new ProcFs(Path.of("/proc")))).isEqualTo(smallest);
  }
}
