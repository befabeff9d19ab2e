package io.vigil.exporter.server.tls;

import io.vigil.exporter.config.ClientAuth;
import io.vigil.exporter.config.ConfigException;
import io.vigil.exporter.config.TlsNames;
import io.vigil.exporter.config.TlsVersion;
import io.vigil.exporter.config.WebConfig;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Everything one generation of {@code tls_server_config} needs at handshake time, read and checked up front: the
 * key and certificate chain (with a JSSE key manager over them), the client CA verifier, and the protocol, suite
 * and client-auth settings.
 *
 * <p>Thread safety: immutable after construction.
 */
public final class TlsMaterial {

  private static final Logger LOG = Logger.getLogger(TlsMaterial.class.getName());
  private static final char[] NO_PASSWORD = new char[0];

  private final WebConfig.Tls settings;
  private final String alias;
  private final X509ExtendedKeyManager keyManager;
  private final Optional<X509ExtendedTrustManager> verifier;
  private final List<X509Certificate> clientCas;

  private TlsMaterial(WebConfig.Tls settings, String alias, X509ExtendedKeyManager keyManager,
      Optional<X509ExtendedTrustManager> verifier, List<X509Certificate> clientCas) {
    this.settings = settings;
    this.alias = alias;
    this.keyManager = keyManager;
    this.verifier = verifier;
    this.clientCas = clientCas;
  }

  /**
   * Reads the certificate, key and client CAs and checks that they fit together.
   *
   * @param generation distinguishes this material from earlier ones in key manager aliases
   */
  public static TlsMaterial load(WebConfig.Tls t, long generation) throws ConfigException {
    String certSource = t.certFile().map(p -> p.toString()).orElse("tls_server_config.cert");
    String certText = t.certFile().isPresent() ? Pem.read(t.certFile().get(), "cert_file") : t.cert().orElseThrow();
    List<X509Certificate> chain = Pem.certificates(certSource, certText);
    String keySource = t.keyFile().map(p -> p.toString()).orElse("tls_server_config.key");
    String keyText = t.keyFile().isPresent() ? Pem.read(t.keyFile().get(), "key_file") : t.key().orElseThrow();
    PrivateKey key = Pem.privateKey(keySource, keyText);
    checkPair(certSource, keySource, chain.get(0), key);
    warnIfNotValidNow(certSource, chain.get(0));

    List<X509Certificate> cas = List.of();
    if (t.clientCaFile().isPresent() || t.clientCa().isPresent()) {
      String caSource = t.clientCaFile().map(p -> p.toString()).orElse("tls_server_config.client_ca");
      String caText = t.clientCaFile().isPresent() ? Pem.read(t.clientCaFile().get(), "client_ca_file")
          : t.clientCa().orElseThrow();
      cas = Pem.certificates(caSource, caText);
    }
    checkCipherSuites(t.cipherSuites());
    if (t.minVersion().compareTo(TlsVersion.TLS12) < 0) {
      LOG.warning(() -> "tls_server_config.min_version " + t.minVersion() + ": TLS 1.0 and 1.1 are disabled by this "
          + "Java runtime (jdk.tls.disabledAlgorithms in java.security); clients need TLS 1.2 or later");
    }
    String alias = "vigil-" + generation;
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(alias, key, NO_PASSWORD, chain.toArray(new X509Certificate[0]));
      KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
      kmf.init(store, NO_PASSWORD);
      X509ExtendedKeyManager km = onlyOf(kmf.getKeyManagers(), X509ExtendedKeyManager.class);
      Optional<X509ExtendedTrustManager> verifier = Optional.empty();
      if (t.clientAuth().verify()) {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (cas.isEmpty()) {
          // As Go: without client_ca_file, client certificates are verified against the system roots.
          tmf.init((KeyStore) null);
        } else {
          KeyStore trust = KeyStore.getInstance("PKCS12");
          trust.load(null, null);
          for (int i = 0; i < cas.size(); i++) {
            trust.setCertificateEntry("ca-" + i, cas.get(i));
          }
          tmf.init(trust);
        }
        verifier = Optional.of(onlyOf(tmf.getTrustManagers(), X509ExtendedTrustManager.class));
      }
      return new TlsMaterial(t, alias, km, verifier, cas);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new ConfigException(certSource + ": cannot set up TLS: " + e.getMessage());
    }
  }

  private static <T> T onlyOf(Object[] managers, Class<T> type) {
    return Arrays.stream(managers).filter(type::isInstance).map(type::cast).findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " in this Java runtime"));
  }

  /** As Go's {@code X509KeyPair}: the key must belong to the first certificate. */
  private static void checkPair(String certSource, String keySource, X509Certificate cert, PrivateKey key)
      throws ConfigException {
    PublicKey pub = cert.getPublicKey();
    String mismatch = keySource + ": private key does not match the certificate in " + certSource;
    if (key instanceof RSAPrivateCrtKey rsa) {
      if (!(pub instanceof RSAPublicKey rp) || !rp.getModulus().equals(rsa.getModulus())) {
        throw new ConfigException(mismatch);
      }
      return;
    }
    String algorithm =
        switch (key.getAlgorithm()) {
          case "EC" -> "SHA256withECDSA";
          case "EdDSA", "Ed25519" -> "Ed25519";
          case "Ed448" -> "Ed448";
          default -> null;
        };
    if (algorithm == null) {
      return; // RSASSA-PSS and others: the handshake is the check
    }
    try {
      byte[] probe = "vigil key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(key.getAlgorithm().equals("EdDSA") ? pubAlgorithm(pub) : algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] sig = signer.sign();
      Signature verifier = Signature.getInstance(signer.getAlgorithm());
      verifier.initVerify(pub);
      verifier.update(probe);
      if (!verifier.verify(sig)) {
        throw new ConfigException(mismatch);
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new ConfigException(mismatch + " (" + e.getMessage() + ")");
    }
  }

  private static String pubAlgorithm(PublicKey pub) {
    return pub.getAlgorithm().equals("Ed448") ? "Ed448" : "Ed25519";
  }

  private static void warnIfNotValidNow(String source, X509Certificate cert) {
    try {
      cert.checkValidity(new Date());
    } catch (java.security.cert.CertificateExpiredException | java.security.cert.CertificateNotYetValidException e) {
      LOG.warning(() -> source + ": server certificate is not valid now (" + e.getMessage() + "); clients will "
          + "refuse it");
    }
  }

  private static void checkCipherSuites(List<String> suites) throws ConfigException {
    if (suites.isEmpty()) {
      return;
    }
    Set<String> supported;
    try {
      supported = Set.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS support in this Java runtime", e);
    }
    for (String s : suites) {
      if (!supported.contains(s)) {
        throw new ConfigException("tls_server_config.cipher_suites: " + s + " is not supported by this Java runtime");
      }
    }
  }

  public WebConfig.Tls settings() {
    return settings;
  }

  String alias() {
    return alias;
  }

  X509ExtendedKeyManager keyManager() {
    return keyManager;
  }

  Optional<X509ExtendedTrustManager> verifier() {
    return verifier;
  }

  X509Certificate[] clientCas() {
    return clientCas.toArray(new X509Certificate[0]);
  }

  /** The per-connection parameters: protocols, suites, client auth. */
  SSLParameters parameters(SSLContext context) {
    SSLParameters p = context.getDefaultSSLParameters();
    p.setProtocols(TlsVersion.range(settings.minVersion(), settings.maxVersion()).toArray(new String[0]));
    if (!settings.cipherSuites().isEmpty()) {
      // As in Go, the list governs TLS 1.0-1.2; TLS 1.3 keeps its own (fixed, strong) suites.
      Set<String> suites = new LinkedHashSet<>();
      for (String s : settings.cipherSuites()) {
        if (!TlsNames.TLS13_SUITES.contains(s)) {
          suites.add(s);
        }
      }
      if (settings.maxVersion() == TlsVersion.TLS13) {
        for (String s : p.getCipherSuites()) {
          if (TlsNames.TLS13_SUITES.contains(s)) {
            suites.add(s);
          }
        }
      }
      p.setCipherSuites(suites.toArray(new String[0]));
    }
    p.setUseCipherSuitesOrder(settings.preferServerCipherSuites());
    ClientAuth auth = settings.clientAuth();
    if (auth.need()) {
      p.setNeedClientAuth(true);
    } else if (auth.want()) {
      p.setWantClientAuth(true);
    } else {
      p.setNeedClientAuth(false);
    }
    if (!settings.curvePreferences().isEmpty()) {
      NamedGroups.set(p, settings.curvePreferences());
    }
    return p;
  }

  /** Builds the SSL context whose managers follow {@code current} (read at each handshake). */
  static SSLContext context(java.util.function.Supplier<Optional<TlsMaterial>> current,
      SwitchingKeyManager keys) throws GeneralSecurityException {
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(new KeyManager[] {keys}, new TrustManager[] {new ClientCertVerifier(current)}, null);
    return ctx;
  }

  /** Lists of SAN values of a certificate, as exporter-toolkit compares them (DNS, e-mail, IP, URI). */
  static List<String> sans(X509Certificate cert) {
    List<String> out = new ArrayList<>();
    try {
      if (cert.getSubjectAlternativeNames() == null) {
        return out;
      }
      for (List<?> san : cert.getSubjectAlternativeNames()) {
        int type = (Integer) san.get(0);
        if (type == 1 || type == 2 || type == 6 || type == 7) {
          out.add(String.valueOf(san.get(1)));
        }
      }
    } catch (java.security.cert.CertificateParsingException e) {
      return out;
    }
    return out;
  }
}
