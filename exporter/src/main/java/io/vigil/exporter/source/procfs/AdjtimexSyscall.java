package io.vigil.exporter.source.procfs;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Structure;
import java.io.IOException;

/**
 * {@code adjtimex(2)} through JNA (which OSHI already brings): the kernel's clock discipline state, which no file under
 * {@code /proc} or {@code /sys} exposes. Called with {@code modes = 0}, a query any user may make.
 *
 * <p>Thread safety: stateless; each call uses its own buffer.
 */
public final class AdjtimexSyscall {

  private AdjtimexSyscall() {}

  /**
   * Queries the kernel.
   *
   * @throws IOException when libc cannot be loaded or the call fails (errno in the message)
   */
  /** Binds the call now (see {@link LinuxSources#preloadNativeBindings}). */
  static void preload() {
    try {
      LibC unused = LibC.INSTANCE;
    } catch (LinkageError e) {
      // the timex collector reports it when it runs
    }
  }

  public static Timex read() throws IOException {
    StructTimex buf = new StructTimex();
    int state;
    try {
      state = LibC.INSTANCE.adjtimex(buf);
    } catch (LastErrorException e) {
      throw new IOException("adjtimex(2) failed: errno " + e.getErrorCode(), e);
    } catch (LinkageError e) {
      throw new IOException("adjtimex(2) is not callable here: " + e.getMessage(), e);
    }
    buf.read();
    return new Timex(state, buf.offset.longValue(), buf.freq.longValue(), buf.maxerror.longValue(),
        buf.esterror.longValue(), buf.status, buf.constant.longValue(), buf.tick.longValue(), buf.ppsfreq.longValue(),
        buf.jitter.longValue(), buf.shift, buf.stabil.longValue(), buf.jitcnt.longValue(), buf.calcnt.longValue(),
        buf.errcnt.longValue(), buf.stbcnt.longValue(), buf.tai);
  }

  /** The libc entry point; JNA builds the proxy on first use. */
  interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int adjtimex(StructTimex buf) throws LastErrorException;
  }

  /**
   * Linux's {@code struct timex} (include/uapi/linux/timex.h, glibc bits/timex.h): C {@code long} fields are
   * {@link NativeLong}, {@code time} is a {@code struct timeval} of two longs, and eleven reserved ints pad the end.
   * JNA applies the platform's alignment. Public for JNA's reflection.
   */
  @Structure.FieldOrder({"modes", "offset", "freq", "maxerror", "esterror", "status", "constant", "precision",
      "tolerance", "timeSec", "timeUsec", "tick", "ppsfreq", "jitter", "shift", "stabil", "jitcnt", "calcnt",
      "errcnt", "stbcnt", "tai", "reserved"})
  public static final class StructTimex extends Structure {
    public int modes;
    public NativeLong offset = new NativeLong();
    public NativeLong freq = new NativeLong();
    public NativeLong maxerror = new NativeLong();
    public NativeLong esterror = new NativeLong();
    public int status;
    public NativeLong constant = new NativeLong();
    public NativeLong precision = new NativeLong();
    public NativeLong tolerance = new NativeLong();
    public NativeLong timeSec = new NativeLong();
    public NativeLong timeUsec = new NativeLong();
    public NativeLong tick = new NativeLong();
    public NativeLong ppsfreq = new NativeLong();
    public NativeLong jitter = new NativeLong();
    public int shift;
    public NativeLong stabil = new NativeLong();
    public NativeLong jitcnt = new NativeLong();
    public NativeLong calcnt = new NativeLong();
    public NativeLong errcnt = new NativeLong();
    public NativeLong stbcnt = new NativeLong();
    public int tai;
    public int[] reserved = new int[11];
  }
}
