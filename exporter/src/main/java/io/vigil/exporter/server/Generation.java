package io.vigil.exporter.server;

import io.vigil.exporter.ScrapeService;
import io.vigil.exporter.config.ProbeConfig;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything one loaded configuration serves with: the scrape service (collectors and their runner) and the
 * request-time settings. A reload builds a new generation completely and swaps it in ({@link Generations}); the old
 * one is closed once the scrapes still using it have finished.
 *
 * <p>Thread safety: safe for concurrent use.
 */
public final class Generation {

  private final ScrapeService service;
  private final List<String> enabled;
  private final Set<String> enabledSet;
  private final Duration timeoutMargin;
  private final boolean unauthenticatedHealth;
  private final boolean lifecycle;
  private final ProbeConfig probes;
  private final Runnable close;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean retired = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * @param service the scrape service of this configuration
   * @param enabled the collectors it runs, in catalogue order
   * @param timeoutMargin {@code scrape.timeout_margin}
   * @param unauthenticatedHealth {@code web.unauthenticated_health}
   * @param lifecycle {@code web.enable_lifecycle}: {@code POST /-/reload} is served
   * @param probes the {@code probes} section: modules and targets {@code /probe} serves
   * @param close releases the generation's resources (its collector threads) once nothing uses it
   */
  public Generation(ScrapeService service, List<String> enabled, Duration timeoutMargin,
      boolean unauthenticatedHealth, boolean lifecycle, ProbeConfig probes, Runnable close) {
    this.service = service;
    this.enabled = List.copyOf(enabled);
    this.enabledSet = Set.copyOf(enabled);
    this.timeoutMargin = timeoutMargin;
    this.unauthenticatedHealth = unauthenticatedHealth;
    this.lifecycle = lifecycle;
    this.probes = probes;
    this.close = close;
  }

  public ScrapeService service() {
    return service;
  }

  public List<String> enabled() {
    return enabled;
  }

  Set<String> enabledSet() {
    return enabledSet;
  }

  Duration timeoutMargin() {
    return timeoutMargin;
  }

  boolean unauthenticatedHealth() {
    return unauthenticatedHealth;
  }

  boolean lifecycle() {
    return lifecycle;
  }

  ProbeConfig probes() {
    return probes;
  }

  /** Registers a user; false when the generation was retired meanwhile (the caller takes the new one). */
  boolean tryEnter() {
    inFlight.incrementAndGet();
    if (retired.get()) {
      exit();
      return false;
    }
    return true;
  }

  void exit() {
    if (inFlight.decrementAndGet() == 0 && retired.get()) {
      closeOnce();
    }
  }

  /** No new users; closes now if idle, else when the last user exits. */
  void retire() {
    retired.set(true);
    if (inFlight.get() == 0) {
      closeOnce();
    }
  }

  boolean isClosed() {
    return closed.get();
  }

  private void closeOnce() {
    if (closed.compareAndSet(false, true)) {
      close.run();
    }
  }
}
