package io.vigil.exporter.collector;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs problems of the items of one collector (a textfile, a command, a probe) when they change, not on every scrape:
 * WARN when an item starts failing or fails for a new reason, DEBUG while the same problem persists, INFO once when
 * it recovers. Each line carries the collector name.
 *
 * <p>Thread safety: safe for concurrent use. Memory: one entry per item that ever failed, removed on recovery.
 */
public final class ItemHealthLog {

  private final Logger log;
  private final String collector;
  private final Map<String, String> failing = new ConcurrentHashMap<>();

  public ItemHealthLog(Logger log, String collector) {
    this.log = log;
    this.collector = collector;
  }

  /** Records this scrape's outcome of {@code item}: empty means fine, otherwise the problem. */
  public void record(String item, Optional<String> problem) {
    if (problem.isEmpty()) {
      if (failing.remove(item) != null) {
        log.info(() -> "collector=" + collector + " recovered: " + item);
      }
      return;
    }
    String before = failing.put(item, problem.get());
    Level level = problem.get().equals(before) ? Level.FINE : Level.WARNING;
    log.log(level, () -> "collector=" + collector + " " + problem.get());
  }

  /** Forgets items not in {@code present} (a file that was removed) without logging. */
  public void retain(java.util.Set<String> present) {
    failing.keySet().retainAll(present);
  }
}
