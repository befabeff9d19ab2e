package io.vigil.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class RepeatFilterTest {

  private final AtomicLong clock = new AtomicLong();
  private final RepeatFilter filter = new RepeatFilter(List.of("oshi", "com.sun.jna"), Duration.ofNanos(100), clock::get);

  private static LogRecord record(String logger, String message) {
    LogRecord r = new LogRecord(Level.WARNING, message);
    r.setLoggerName(logger);
    return r;
  }

  @Test
  void aRepeatedLibraryLineIsShownOncePerInterval() {
    LogRecord warning = record("oshi.hardware.platform.windows.WindowsHWDiskStore", "Couldn't match index for X");
    assertThat(filter.isLoggable(warning)).isTrue();
    clock.set(99);
    assertThat(filter.isLoggable(warning)).isFalse();
    clock.set(100);
    assertThat(filter.isLoggable(warning)).isTrue();
  }

  @Test
  void distinctLinesAreEachShown() {
    assertThat(filter.isLoggable(record("oshi.a", "disk 0"))).isTrue();
    assertThat(filter.isLoggable(record("oshi.a", "disk 1"))).isTrue();
    assertThat(filter.isLoggable(record("com.sun.jna.Native", "disk 0"))).isTrue();
  }

  @Test
  void linesOfOtherLoggersAlwaysPass() {
    LogRecord ours = record("io.vigil.exporter.collector", "collector=cpu failed");
    assertThat(filter.isLoggable(ours)).isTrue();
    assertThat(filter.isLoggable(ours)).isTrue();
    LogRecord anonymous = record(null, "x");
    assertThat(filter.isLoggable(anonymous)).isTrue();
  }
}
