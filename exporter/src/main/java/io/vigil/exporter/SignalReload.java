package io.vigil.exporter;

import java.util.logging.Logger;

/**
 * SIGHUP reloads the configuration, as for node_exporter's and Prometheus' users. Uses {@code sun.misc.Signal}
 * (module {@code jdk.unsupported}); where there is no SIGHUP (Windows) or no such module, start-up goes on without it
 * and says so once.
 */
final class SignalReload {

  private static final Logger LOG = Logger.getLogger(SignalReload.class.getName());

  private SignalReload() {}

  /** Calls {@code onHangup} (on the JVM's signal thread; it must not block) on every SIGHUP; false if unsupported. */
  static boolean install(Runnable onHangup) {
    try {
      return Hup.install(onHangup);
    } catch (IllegalArgumentException | LinkageError | UnsupportedOperationException e) {
      LOG.info(() -> "SIGHUP reload not available on this platform (" + e + "); use POST /-/reload");
      return false;
    }
  }

  /** Kept apart so a runtime without {@code sun.misc} fails here, at link time, inside the guard above. */
  private static final class Hup {
    static boolean install(Runnable onHangup) {
      sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> onHangup.run());
      return true;
    }
  }
}
