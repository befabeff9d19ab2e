package io.vigil.exporter.source.procfs;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.platform.linux.LibC;
import io.vigil.exporter.source.FsUsage;
import io.vigil.exporter.source.UnsupportedSourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * {@code statvfs(3)} through JNA: space and inode figures of the filesystem holding a path. glibc fills
 * {@code f_bsize}, {@code f_blocks}, {@code f_bfree}, {@code f_bavail}, {@code f_files} and {@code f_ffree} straight
 * from {@code statfs(2)}, so the figures equal node_exporter's ({@code size = f_blocks * f_bsize}, and so on).
 *
 * <p>The structure is JNA's {@link LibC.Statvfs}, which has the glibc layout for 64-bit and 32-bit Linux.
 *
 * <p>Thread safety: stateless; the call may block for as long as the filesystem does (a dead NFS server), so callers
 * run it under their own deadline.
 */
final class Statvfs {

  private Statvfs() {}

  /** Only the call we need, declared to throw so JNA reports errno with its message. */
  private interface Libc extends Library {
    int statvfs(byte[] path, LibC.Statvfs buf) throws LastErrorException;
  }

  /** Loaded on first use, so a JVM without JNA's native part fails the filesystem collector, not start-up. */
  private static final class Holder {
    static final Libc LIBC = Native.load(Platform.C_LIBRARY_NAME, Libc.class);
  }

  /** Binds the library now (JNA builds a proxy for it: tens of milliseconds before the JIT has warmed up). */
  static void preload() {
    try {
      Libc unused = Holder.LIBC;
    } catch (LinkageError e) {
      // the filesystem collector reports it when it runs
    }
  }

  static FsUsage usage(String path) throws IOException {
    Libc libc;
    try {
      libc = Holder.LIBC;
    } catch (LinkageError e) {
      throw new UnsupportedSourceException("statvfs through JNA is not available: " + e);
    }
    byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      if (b == 0) {
        throw new IOException("statvfs " + path + ": path contains a NUL byte");
      }
    }
    byte[] cPath = Arrays.copyOf(bytes, bytes.length + 1); // NUL-terminated
    LibC.Statvfs buf = new LibC.Statvfs();
    try {
      libc.statvfs(cPath, buf);
    } catch (LastErrorException e) {
      throw new IOException("statvfs " + path + ": " + e.getMessage(), e);
    }
    double blockSize = unsigned(buf.f_bsize);
    return new FsUsage(
        unsigned(buf.f_blocks) * blockSize,
        unsigned(buf.f_bfree) * blockSize,
        unsigned(buf.f_bavail) * blockSize,
        OptionalDouble.of(unsigned(buf.f_files)),
        OptionalDouble.of(unsigned(buf.f_ffree)));
  }

  /** C's {@code unsigned long} as a non-negative double, whatever the word size. */
  static double unsigned(NativeLong value) {
    long v = value.longValue();
    if (Native.LONG_SIZE == 4) {
      return v & 0xFFFF_FFFFL;
    }
    return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
  }
}
