package io.vigil.exporter.collector;

import java.io.IOException;

/**
 * The host has nothing for this collector (no sensors, no DMI table, no such kernel module): node_exporter's
 * {@code ErrNoData}. Reported as {@code node_scrape_collector_success 0} like any failure, but logged at debug level
 * only, since it is the normal state of such a host and not something to act on.
 */
public final class NoDataException extends IOException {
  public NoDataException(String message) {
    super(message);
  }

  /**
   * No stack trace: on a host without the hardware this is thrown by several collectors on every scrape, and taking
   * the stack was most of its cost. The message says what is missing; there is no bug to trace.
   */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
