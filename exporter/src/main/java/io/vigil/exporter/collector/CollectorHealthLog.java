package io.vigil.exporter.collector;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs collector failures when a collector changes state, not on every scrape: WARN when it starts failing, DEBUG
 * (FINE) while it keeps failing, INFO once when it recovers. "No data" ({@link NoDataException}: no sensors on a VM)
 * is logged at DEBUG only, as node_exporter does.
 *
 * <p>Thread safety: safe for concurrent use.
 */
final class CollectorHealthLog {

  private static final Logger LOG = Logger.getLogger("io.vigil.exporter.collector");

  private final Map<String, Boolean> healthy = new ConcurrentHashMap<>();

  void record(CollectorOutcome outcome) {
    Boolean before = healthy.put(outcome.name(), outcome.success());
    if (outcome.success() && !Boolean.FALSE.equals(before)) {
      return; // the usual case on every scrape: nothing to log, so nothing to format
    }
    // Failing collectors (no sensors on a VM) come here on every scrape: the message is built only if logged.
    if (!outcome.success()) {
      String why = outcome.failure().orElse("unknown");
      Level level = Boolean.FALSE.equals(before) || outcome.noData() ? Level.FINE : Level.WARNING;
      LOG.log(level, () -> "collector=" + outcome.name() + " failed duration=" + duration(outcome) + " err=\"" + why
          + "\"");
    } else if (Boolean.FALSE.equals(before)) {
      LOG.info(() -> "collector=" + outcome.name() + " recovered duration=" + duration(outcome));
    }
  }

  private static String duration(CollectorOutcome outcome) {
    return String.format(Locale.ROOT, "%.3fs", outcome.durationSeconds());
  }
}
