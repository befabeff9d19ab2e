package io.vigil.exporter.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exporter-toolkit web config file ({@code --web.config.file}): TLS, basic auth, extra response headers and a
 * request rate limit. The same file works for node_exporter. Relative paths are already resolved against the
 * file's directory.
 *
 * @param tls TLS settings; empty serves plain HTTP
 * @param http2 accepted for compatibility; the JDK server speaks HTTP/1.1 only
 * @param headers response headers added to every answer (only the ones exporter-toolkit allows)
 * @param basicAuthUsers user name to bcrypt hash; empty means no authentication
 * @param rateLimit requests per interval across all clients, beyond which the answer is HTTP 429
 * @param file the file this came from
 */
public record WebConfig(
    Optional<Tls> tls,
    boolean http2,
    Map<String, String> headers,
    Map<String, String> basicAuthUsers,
    Optional<RateLimit> rateLimit,
    Path file) {

  public WebConfig {
    headers = Map.copyOf(headers);
    basicAuthUsers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(basicAuthUsers));
  }

  /**
   * {@code tls_server_config}. Exactly one of each file/inline pair is present for the certificate and key.
   *
   * @param certFile PEM certificate chain, server certificate first
   * @param cert the same, inline
   * @param keyFile PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC; unencrypted)
   * @param key the same, inline
   * @param clientAuth whether and how client certificates are asked for and verified
   * @param clientCaFile PEM CA certificates that client certificates must chain to
   * @param clientCa the same, inline
   * @param clientAllowedSans if not empty, a client certificate must carry one of these SANs (DNS, e-mail, IP, URI)
   * @param minVersion lowest protocol version offered
   * @param maxVersion highest protocol version offered
   * @param cipherSuites JSSE names of the TLS 1.0-1.2 suites offered, in preference order; empty = JDK defaults
   * @param curvePreferences JSSE named groups, in preference order; empty = JDK defaults
   * @param preferServerCipherSuites the server's suite order wins over the client's
   */
  public record Tls(
      Optional<Path> certFile,
      Optional<String> cert,
      Optional<Path> keyFile,
      Optional<String> key,
      ClientAuth clientAuth,
      Optional<Path> clientCaFile,
      Optional<String> clientCa,
      List<String> clientAllowedSans,
      TlsVersion minVersion,
      TlsVersion maxVersion,
      List<String> cipherSuites,
      List<String> curvePreferences,
      boolean preferServerCipherSuites) {

    public Tls {
      clientAllowedSans = List.copyOf(clientAllowedSans);
      cipherSuites = List.copyOf(cipherSuites);
      curvePreferences = List.copyOf(curvePreferences);
    }

    /** The files this TLS setup reads, to notice when they change. */
    public List<Path> files() {
      return java.util.stream.Stream.of(certFile, keyFile, clientCaFile).flatMap(Optional::stream).toList();
    }

    @Override
    public String toString() {
      // Never print an inline key.
      return "Tls[certFile=" + certFile + ", keyFile=" + keyFile + ", clientAuth=" + clientAuth + ", versions="
          + minVersion + "-" + maxVersion + "]";
    }
  }

  /**
   * {@code rate_limit}: a token bucket shared by all clients.
   *
   * @param interval one request is allowed per interval on average
   * @param burst requests allowed at once
   */
  public record RateLimit(Duration interval, int burst) {}

  /** The files to watch for changes: this file and the TLS files it names. */
  public List<Path> watchedFiles() {
    List<Path> out = new java.util.ArrayList<>();
    out.add(file);
    tls.ifPresent(t -> out.addAll(t.files()));
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "WebConfig[file=" + file + ", tls=" + tls + ", users=" + basicAuthUsers.keySet() + "]";
  }
}
