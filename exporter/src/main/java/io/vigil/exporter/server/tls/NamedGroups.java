package io.vigil.exporter.server.tls;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.net.ssl.SSLParameters;

/**
 * {@code curve_preferences}: per-connection named groups need {@code SSLParameters.setNamedGroups}, which exists from
 * Java 20. On older runtimes the JVM-wide {@code -Djdk.tls.namedGroups} is the only way; we say so once.
 */
final class NamedGroups {

  private static final Logger LOG = Logger.getLogger(NamedGroups.class.getName());
  private static final Optional<MethodHandle> SETTER = find();
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private NamedGroups() {}

  private static Optional<MethodHandle> find() {
    try {
      return Optional.of(MethodHandles.publicLookup().findVirtual(SSLParameters.class, "setNamedGroups",
          MethodType.methodType(void.class, String[].class)));
    } catch (ReflectiveOperationException e) {
      return Optional.empty();
    }
  }

  static void set(SSLParameters p, List<String> groups) {
    if (SETTER.isEmpty()) {
      if (WARNED.compareAndSet(false, true)) {
        LOG.warning(() -> "tls_server_config.curve_preferences needs Java 20 or later; on this runtime set "
            + "-Djdk.tls.namedGroups=" + String.join(",", groups) + " instead");
      }
      return;
    }
    try {
      SETTER.get().invoke(p, (Object) groups.toArray(new String[0]));
    } catch (Throwable e) {
      throw new IllegalStateException("cannot set TLS named groups", e);
    }
  }
}
