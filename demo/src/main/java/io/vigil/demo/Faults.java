package io.vigil.demo;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The admin switch: extra latency and an error ratio injected on a route template, or on every route with
 * {@code *}. Thread-safe: set from the admin route, read by every request.
 */
final class Faults {

  static final String ALL_ROUTES = "*";

  /**
   * @param latencyMillis added to each request of the route
   * @param errorRatio share of the route's requests answered with a 500, 0 to 1
   */
  record Fault(long latencyMillis, double errorRatio) {
    Fault {
      if (latencyMillis < 0 || latencyMillis > 60_000) {
        throw new IllegalArgumentException("latency_ms must be 0-60000: " + latencyMillis);
      }
      if (!(errorRatio >= 0 && errorRatio <= 1)) {
        throw new IllegalArgumentException("error_ratio must be between 0 and 1: " + errorRatio);
      }
    }
  }

  /** Thrown by {@link #apply} for a request chosen to fail; the shop answers it with a 500. */
  static final class InjectedFailure extends RuntimeException {
    InjectedFailure(String route) {
      super("injected failure on " + route, null, false, false);
    }
  }

  private final Map<String, Fault> faults = new ConcurrentHashMap<>();

  void set(String route, Fault fault) {
    faults.put(route, fault);
  }

  void clear(String route) {
    faults.remove(route);
  }

  void clearAll() {
    faults.clear();
  }

  Map<String, Fault> current() {
    return new TreeMap<>(faults);
  }

  /** Sleeps the injected latency of {@code route} and throws {@link InjectedFailure} for the chosen share. */
  void apply(String route, Random random) {
    for (Fault fault : new Fault[] {faults.get(ALL_ROUTES), faults.get(route)}) {
      if (fault == null) {
        continue;
      }
      Latency.sleep(fault.latencyMillis());
      if (fault.errorRatio() > 0 && random.nextDouble() < fault.errorRatio()) {
        throw new InjectedFailure(route);
      }
    }
  }
}
