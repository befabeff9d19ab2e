package io.vigil.exporter.collector;

import java.util.Optional;

/**
 * How one collector did in one scrape.
 *
 * @param name collector name
 * @param durationSeconds time from start to result, or time waited until the deadline for a late collector
 * @param success true when it returned families before its deadline
 * @param failure why it failed, empty on success
 * @param noData the failure is "this host has no such data" ({@link NoDataException}), logged at debug only
 */
public record CollectorOutcome(
    String name, double durationSeconds, boolean success, Optional<String> failure, boolean noData) {

  public static CollectorOutcome succeeded(String name, double durationSeconds) {
    return new CollectorOutcome(name, durationSeconds, true, Optional.empty(), false);
  }

  public static CollectorOutcome failed(String name, double durationSeconds, String why) {
    return new CollectorOutcome(name, durationSeconds, false, Optional.of(why), false);
  }

  public static CollectorOutcome noData(String name, double durationSeconds, String why) {
    return new CollectorOutcome(name, durationSeconds, false, Optional.of(why), true);
  }
}
