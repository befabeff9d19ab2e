package io.vigil.exporter.server.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The server key manager of the one long-lived SSL context: it answers from the current {@link TlsMaterial}, so a
 * reloaded certificate is used from the next handshake on. A handshake asks for an alias first and for the chain and
 * key by that alias afterwards; aliases carry the generation, and the previous generation is kept, so a handshake
 * that straddles a reload still gets a matching chain and key.
 *
 * <p>Thread safety: safe for concurrent handshakes.
 */
final class SwitchingKeyManager extends X509ExtendedKeyManager {

  private volatile Optional<TlsMaterial> current = Optional.empty();
  private volatile Optional<TlsMaterial> previous = Optional.empty();

  synchronized void use(TlsMaterial next) {
    previous = current;
    current = Optional.of(next);
  }

  private Optional<TlsMaterial> byAlias(String alias) {
    Optional<TlsMaterial> c = current;
    if (c.isPresent() && c.get().alias().equals(alias)) {
      return c;
    }
    Optional<TlsMaterial> p = previous;
    return p.filter(m -> m.alias().equals(alias));
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return current.map(m -> m.keyManager().chooseEngineServerAlias(keyType, issuers, engine)).orElse(null);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return current.map(m -> m.keyManager().chooseServerAlias(keyType, issuers, socket)).orElse(null);
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return byAlias(alias).map(m -> m.keyManager().getCertificateChain(alias)).orElse(null);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return byAlias(alias).map(m -> m.keyManager().getPrivateKey(alias)).orElse(null);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return current.map(m -> m.keyManager().getServerAliases(keyType, issuers)).orElse(null);
  }

  // A server never acts as a TLS client.
  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }
}
