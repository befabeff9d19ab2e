package io.vigil.exporter.source.oshi;

import io.vigil.exporter.source.Meminfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import oshi.hardware.GlobalMemory;
import oshi.hardware.VirtualMemory;

/**
 * Memory figures from OSHI's {@link GlobalMemory}, under Linux {@code /proc/meminfo} names, only where OSHI has a
 * figure with that meaning:
 *
 * <ul>
 *   <li>{@code MemTotal}: {@code getTotal()}, physical memory.
 *   <li>{@code MemAvailable}: {@code getAvailable()}, memory usable without swapping: macOS free + inactive pages,
 *       Windows the standby + free + zero lists, BSD free + inactive (+ cache) pages, Linux MemAvailable itself.
 *   <li>{@code MemFree} is never filled: OSHI's "available" includes reclaimable pages, so it is not MemFree, and
 *       OSHI exposes no pure free figure. Buffers and Cached are absent for the same reason.
 *   <li>{@code SwapTotal}, {@code SwapFree}: {@code getSwapTotal()} and total minus {@code getSwapUsed()}. On Windows
 *       these describe the paging files; on macOS the dynamic swap files, whose total grows and shrinks.
 * </ul>
 *
 * <p>Freshness: OSHI memoizes available memory and swap for 300 ms; nothing is cached here.
 *
 * <p>Thread safety: OSHI's memory objects are thread-safe; this class holds no mutable state.
 */
final class OshiMemory {

  private final GlobalMemory memory;

  OshiMemory(GlobalMemory memory) {
    this.memory = memory;
  }

  Meminfo meminfo() throws IOException {
    VirtualMemory swap = memory.getVirtualMemory();
    return meminfo(memory.getTotal(), memory.getAvailable(), swap.getSwapTotal(), swap.getSwapUsed());
  }

  /** The fields in {@code /proc/meminfo} order; a total of 0 means OSHI could not read memory at all. */
  static Meminfo meminfo(long total, long available, long swapTotal, long swapUsed) throws IOException {
    if (total <= 0) {
      throw new IOException("OSHI reported no physical memory");
    }
    List<Meminfo.Field> fields = new ArrayList<>(4);
    fields.add(bytes("MemTotal", total));
    if (available > 0) { // 0 is OSHI's failure value: a running system always has some memory available
      fields.add(bytes("MemAvailable", available));
    }
    if (swapTotal >= 0 && swapUsed >= 0) { // no swap configured is a real 0
      fields.add(bytes("SwapTotal", swapTotal));
      fields.add(bytes("SwapFree", Math.max(0, swapTotal - swapUsed)));
    }
    return new Meminfo(fields);
  }

  private static Meminfo.Field bytes(String name, long value) {
    return new Meminfo.Field(name, value, true);
  }
}
