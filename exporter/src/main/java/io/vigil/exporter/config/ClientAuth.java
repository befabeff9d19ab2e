package io.vigil.exporter.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * exporter-toolkit's {@code client_auth_type} values, which are Go's {@code tls.ClientAuthType} names.
 *
 * <p>{@code RequestClientCert} and {@code RequireAnyClientCert} ask for a certificate but do not verify it against
 * a CA (as in Go): only {@code VerifyClientCertIfGiven} and {@code RequireAndVerifyClientCert} authenticate clients.
 */
public enum ClientAuth {
  NoClientCert(false, false, false),
  RequestClientCert(true, false, false),
  RequireAnyClientCert(false, true, false),
  VerifyClientCertIfGiven(true, false, true),
  RequireAndVerifyClientCert(false, true, true);

  private final boolean want;
  private final boolean need;
  private final boolean verify;

  ClientAuth(boolean want, boolean need, boolean verify) {
    this.want = want;
    this.need = need;
    this.verify = verify;
  }

  /** The server asks for a certificate but accepts a client without one. */
  public boolean want() {
    return want;
  }

  /** A client without a certificate is refused. */
  public boolean need() {
    return need;
  }

  /** A presented certificate must chain to the client CA. */
  public boolean verify() {
    return verify;
  }

  static Optional<ClientAuth> byName(String name) {
    if (name.equals("RequireClientCert")) {
      return Optional.of(RequireAnyClientCert); // exporter-toolkit keeps this old spelling working
    }
    return Arrays.stream(values()).filter(v -> v.name().equals(name)).findFirst();
  }

  static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
