package io.vigil.exporter.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cipher suite and curve names a web config file may use, with their JSSE names. A file must work with
 * node_exporter too, so the accepted names are exactly the ones exporter-toolkit accepts: the names of Go's
 * {@code tls.CipherSuites()} (its secure list; the IANA names, which JSSE uses as well) and Go's four curve names.
 */
public final class TlsNames {

  private TlsNames() {}

  /** TLS 1.3 suites: in Go's table, but (in Go and here) they do not restrict TLS 1.3, which always uses them. */
  public static final Set<String> TLS13_SUITES =
      Set.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

  private static final Set<String> CIPHER_SUITES =
      Set.of(
          "TLS_RSA_WITH_AES_128_CBC_SHA",
          "TLS_RSA_WITH_AES_256_CBC_SHA",
          "TLS_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_AES_128_GCM_SHA256",
          "TLS_AES_256_GCM_SHA384",
          "TLS_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
          "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
          "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
          "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");

  private static final Map<String, String> CURVES = curves();

  private static Map<String, String> curves() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("CurveP256", "secp256r1");
    m.put("CurveP384", "secp384r1");
    m.put("CurveP521", "secp521r1");
    m.put("X25519", "x25519");
    return Map.copyOf(m);
  }

  /** The JSSE name of a cipher suite given by its Go name, if Go (and so exporter-toolkit) accepts it. */
  static Optional<String> cipherSuite(String goName) {
    return CIPHER_SUITES.contains(goName) ? Optional.of(goName) : Optional.empty();
  }

  /** The JSSE named group of a Go curve name. */
  static Optional<String> curve(String goName) {
    return Optional.ofNullable(CURVES.get(goName));
  }

  static List<String> cipherSuiteNames() {
    return CIPHER_SUITES.stream().sorted().toList();
  }

  static List<String> curveNames() {
    return List.of("CurveP256", "CurveP384", "CurveP521", "X25519");
  }
}
