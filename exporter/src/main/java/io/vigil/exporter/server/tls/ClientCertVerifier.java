package io.vigil.exporter.server.tls;

import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks client certificates the way the current {@code client_auth_type} says: verified against the client CA
 * for {@code VerifyClientCertIfGiven} and {@code RequireAndVerifyClientCert}, accepted unverified for
 * {@code RequestClientCert} and {@code RequireAnyClientCert} (as Go does), then matched against
 * {@code client_allowed_sans} when set. JSSE only calls it when the connection asked for a certificate and the
 * client sent one.
 *
 * <p>Thread safety: safe for concurrent handshakes; reads the current material each time.
 */
final class ClientCertVerifier extends X509ExtendedTrustManager {

  private final Supplier<Optional<TlsMaterial>> current;

  ClientCertVerifier(Supplier<Optional<TlsMaterial>> current) {
    this.current = current;
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    TlsMaterial m = material();
    if (m.verifier().isPresent()) {
      m.verifier().get().checkClientTrusted(chain, authType, engine);
    }
    checkSans(m, chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    TlsMaterial m = material();
    if (m.verifier().isPresent()) {
      m.verifier().get().checkClientTrusted(chain, authType, socket);
    }
    checkSans(m, chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    TlsMaterial m = material();
    if (m.verifier().isPresent()) {
      m.verifier().get().checkClientTrusted(chain, authType);
    }
    checkSans(m, chain);
  }

  private TlsMaterial material() throws CertificateException {
    return current.get().orElseThrow(() -> new CertificateException("TLS is not configured"));
  }

  private static void checkSans(TlsMaterial m, X509Certificate[] chain) throws CertificateException {
    List<String> allowed = m.settings().clientAllowedSans();
    if (allowed.isEmpty()) {
      return;
    }
    if (chain == null || chain.length == 0) {
      throw new CertificateException("no client certificate to match against client_allowed_sans");
    }
    for (String san : TlsMaterial.sans(chain[0])) {
      for (String a : allowed) {
        if (a.equals(san) || sameAddress(a, san)) {
          return;
        }
      }
    }
    throw new CertificateException("client certificate has none of the SANs in client_allowed_sans");
  }

  /** IP SANs: Java prints {@code ::1} as {@code 0:0:0:0:0:0:0:1}; compare addresses, not text. */
  private static boolean sameAddress(String a, String b) {
    if (!looksLikeIp(a) || !looksLikeIp(b)) {
      return false;
    }
    try {
      return InetAddress.getByName(a).equals(InetAddress.getByName(b));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean looksLikeIp(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (char c : s.toCharArray()) {
      if (!(Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
        return false;
      }
    }
    return s.indexOf(':') >= 0 || s.chars().filter(c -> c == '.').count() == 3;
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    Optional<TlsMaterial> m = current.get();
    if (m.isEmpty() || !m.get().settings().clientAuth().verify()) {
      return new X509Certificate[0]; // any certificate: the client need not pick one by issuer
    }
    X509Certificate[] cas = m.get().clientCas();
    return cas.length > 0 ? cas : m.get().verifier().map(X509ExtendedTrustManager::getAcceptedIssuers)
        .orElse(new X509Certificate[0]);
  }

  // Only the server side is used.
  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("server-side trust manager");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("server-side trust manager");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("server-side trust manager");
  }
}
