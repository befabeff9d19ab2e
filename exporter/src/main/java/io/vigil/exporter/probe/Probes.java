package io.vigil.exporter.probe;

import io.vigil.exporter.config.ProbeConfig;

/** Runs one probe with the module's prober. */
public final class Probes {

  private Probes() {}

  /**
   * Probes {@code target} with {@code module}, finishing by {@code deadlineNanos} ({@link System#nanoTime()}) or the
   * module's timeout, whichever is first. Never throws: a failed probe is a result with {@code success} false.
   */
  public static ProbeResult run(ProbeConfig.Module module, String target, long deadlineNanos) {
    long deadline = Math.min(deadlineNanos, System.nanoTime() + module.timeout().toNanos());
    return switch (module.prober()) {
      case TCP -> TcpProbe.run(module, target, deadline);
      case HTTP -> HttpProbe.run(module, target, deadline);
    };
  }
}
