package io.vigil.exporter.source.procfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.OptionalLong;

/**
 * The ELF auxiliary vector of the running process, {@code /proc/self/auxv} (getauxval(3), proc(5)): pairs of native
 * machine words {@code (type, value)} ending with type 0. Vigil reads it once at start-up for the page size
 * ({@code AT_PAGESZ}), which Java has no public API for.
 *
 * <p>Thread safety: stateless.
 */
public final class Auxv {

  /** {@code AT_PAGESZ} from elf.h. */
  static final long AT_PAGESZ = 6;

  /** The page size most Linux systems use, for when the vector cannot be read. */
  public static final long DEFAULT_PAGE_SIZE = 4096;

  private Auxv() {}

  /**
   * The system page size from {@code <proc>/self/auxv}, or {@link #DEFAULT_PAGE_SIZE} when the file is missing (a
   * fixture tree) or unreadable.
   */
  public static long pageSize(ProcFs proc) {
    int wordSize = "32".equals(System.getProperty("sun.arch.data.model")) ? 4 : 8;
    try {
      byte[] data = Files.readAllBytes(proc.path("self", "auxv"));
      return pageSize(data, wordSize, ByteOrder.nativeOrder()).orElse(DEFAULT_PAGE_SIZE);
    } catch (IOException ignored) {
      return DEFAULT_PAGE_SIZE; // no auxv under this root: fall back to the common value
    }
  }

  /** The {@code AT_PAGESZ} value of a raw auxiliary vector with the given word size (4 or 8) and byte order. */
  static OptionalLong pageSize(byte[] data, int wordSize, ByteOrder order) {
    ByteBuffer buf = ByteBuffer.wrap(data).order(order);
    while (buf.remaining() >= 2 * wordSize) {
      long type = wordSize == 8 ? buf.getLong() : Integer.toUnsignedLong(buf.getInt());
      long value = wordSize == 8 ? buf.getLong() : Integer.toUnsignedLong(buf.getInt());
      if (type == 0) {
        break;
      }
      if (type == AT_PAGESZ && value > 0) {
        return OptionalLong.of(value);
      }
    }
    return OptionalLong.empty();
  }
}
