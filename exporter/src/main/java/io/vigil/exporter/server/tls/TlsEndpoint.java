package io.vigil.exporter.server.tls;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The TLS side of an HTTPS listener: one SSL context for the server's life whose key and trust managers follow the
 * current {@link TlsMaterial}, and a configurator that applies the current protocol, suite and client-auth settings
 * to each new connection. {@link #use} switches to reloaded material for the handshakes that follow.
 *
 * <p>Thread safety: safe for concurrent connections and reloads.
 */
public final class TlsEndpoint {

  private final SwitchingKeyManager keys = new SwitchingKeyManager();
  private volatile Optional<TlsMaterial> current;
  private final SSLContext context;

  public TlsEndpoint(TlsMaterial initial) throws GeneralSecurityException {
    this.current = Optional.of(initial);
    keys.use(initial);
    this.context = TlsMaterial.context(() -> current, keys);
  }

  /** Serves later handshakes with {@code next}. */
  public void use(TlsMaterial next) {
    keys.use(next);
    current = Optional.of(next);
  }

  /**
   * The configurator for {@code HttpsServer}.
   *
   * @param beforeEachConnection runs first on every new connection (the web config's change check)
   */
  public HttpsConfigurator configurator(Runnable beforeEachConnection) {
    return new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters params) {
        beforeEachConnection.run();
        params.setSSLParameters(current.orElseThrow().parameters(context));
      }
    };
  }
}
