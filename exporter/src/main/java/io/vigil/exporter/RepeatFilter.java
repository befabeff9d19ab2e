package io.vigil.exporter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * A handler filter that lets a line from the given libraries (logger name prefixes) through once per
 * {@code interval} and drops its repeats; other lines pass. OSHI logs a failed native call every time it is made (a
 * missing perfmon counter, a sysctl the kernel lacks), which would mean one line per scrape; the collector's success
 * metric already tells that story, so the first line is enough. (On the handler, because JUL does not apply a
 * logger's filter to records of its child loggers.)
 *
 * <p>Thread safety: safe for concurrent use. Memory is bounded: past {@link #MAX_KEYS} distinct lines it starts over.
 */
final class RepeatFilter implements Filter {

  static final int MAX_KEYS = 1000;

  private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();
  private final List<String> prefixes;
  private final long intervalNanos;
  private final LongSupplier nanoClock;

  RepeatFilter(List<String> prefixes, Duration interval, LongSupplier nanoClock) {
    this.prefixes = List.copyOf(prefixes);
    this.intervalNanos = interval.toNanos();
    this.nanoClock = nanoClock;
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    String name = record.getLoggerName();
    if (name == null || prefixes.stream().noneMatch(name::startsWith)) {
      return true;
    }
    String key = record.getLoggerName() + '\0' + record.getMessage();
    long now = nanoClock.getAsLong();
    if (lastLogged.size() >= MAX_KEYS) {
      lastLogged.clear();
    }
    boolean[] loggable = {false};
    lastLogged.compute(key, (k, last) -> {
      if (last == null || now - last >= intervalNanos) {
        loggable[0] = true;
        return now;
      }
      return last;
    });
    return loggable[0];
  }
}
