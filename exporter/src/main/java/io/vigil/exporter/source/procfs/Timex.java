package io.vigil.exporter.source.procfs;

/**
 * The kernel clock discipline state as {@code adjtimex(2)} reports it with {@code modes = 0} (a read-only query; see
 * adjtimex(2), kernel/time/ntp.c and RFC 5905 / RFC 1589). Fields keep the kernel's units; the methods convert them
 * the way node_exporter's {@code timex} collector does.
 *
 * @param clockState the call's return value: TIME_OK 0, TIME_INS 1, TIME_DEL 2, TIME_OOP 3, TIME_WAIT 4,
 *     TIME_ERROR 5 (clock not synchronised)
 * @param offset time offset, in microseconds, or nanoseconds when {@link #STA_NANO} is set
 * @param freq frequency offset, in ppm with a 16-bit fraction
 * @param maxerror maximum error, microseconds
 * @param esterror estimated error, microseconds
 * @param status the STA_* status bits
 * @param constant PLL time constant
 * @param tick microseconds between clock ticks
 * @param ppsfreq PPS frequency, ppm with a 16-bit fraction
 * @param jitter PPS jitter, microseconds or nanoseconds as {@code offset}
 * @param shift PPS interval duration, log2 seconds
 * @param stabil PPS stability, ppm with a 16-bit fraction
 * @param jitcnt PPS jitter limit exceeded events
 * @param calcnt PPS calibration intervals
 * @param errcnt PPS calibration errors
 * @param stbcnt PPS stability limit exceeded events
 * @param tai TAI offset, seconds
 */
public record Timex(
    int clockState,
    long offset,
    long freq,
    long maxerror,
    long esterror,
    int status,
    long constant,
    long tick,
    long ppsfreq,
    long jitter,
    int shift,
    long stabil,
    long jitcnt,
    long calcnt,
    long errcnt,
    long stbcnt,
    int tai) {

  /** Return value meaning the clock is not synchronised. */
  public static final int TIME_ERROR = 5;
  /** Status bit: offset and jitter are in nanoseconds rather than microseconds. */
  public static final int STA_NANO = 0x2000;

  private static final double MICROS = 1_000_000.0;
  private static final double NANOS = 1_000_000_000.0;
  /** 1 ppm with the kernel's 16-bit binary fraction (adjtimex(2) NOTES). */
  private static final double PPM16FRAC = 1_000_000.0 * 65536.0;

  /** 1 when the clock is synchronised, 0 when adjtimex returned TIME_ERROR. */
  public int syncStatus() {
    return clockState == TIME_ERROR ? 0 : 1;
  }

  private double offsetDivisor() {
    return (status & STA_NANO) != 0 ? NANOS : MICROS;
  }

  public double offsetSeconds() {
    return offset / offsetDivisor();
  }

  /** 1 plus the frequency offset as a ratio. */
  public double frequencyAdjustmentRatio() {
    return 1 + freq / PPM16FRAC;
  }

  public double maxerrorSeconds() {
    return maxerror / MICROS;
  }

  public double esterrorSeconds() {
    return esterror / MICROS;
  }

  public double tickSeconds() {
    return tick / MICROS;
  }

  public double ppsFrequencyHertz() {
    return ppsfreq / PPM16FRAC;
  }

  public double ppsJitterSeconds() {
    return jitter / offsetDivisor();
  }

  public double ppsStabilityHertz() {
    return stabil / PPM16FRAC;
  }
}
