package io.vigil.exporter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebConfigLoaderTest {

  private static final Path FILE = Path.of("/etc/vigil/web-config.yml");
  private static final String HASH = "$2y$10$X0h1gDsPszWURQaxFh.zoubFi6DXncSjhoQNJgRrnGs7EsimhC7zG";

  private final WebConfigLoader loader = new WebConfigLoader();

  private WebConfig parse(String yaml) throws ConfigException {
    return loader.parse(FILE, yaml);
  }

  private void assertRejected(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class).hasMessage(message);
  }

  /** Every key of exporter-toolkit's documented format, laid out as its documentation does. */
  @Test
  void acceptsTheExporterToolkitDocumentedFormat() throws Exception {
    WebConfig c = parse("""
        # TLS and basic authentication configuration example.
        tls_server_config:
          # Certificate and key files for server to use to authenticate to client.
          cert_file: node_exporter.crt
          key_file: node_exporter.key

          # Server policy for client authentication. Maps to ClientAuth Policies.
          client_auth_type: "RequireAndVerifyClientCert"

          # CA certificate for client certificate authentication to the server.
          client_ca_file: /etc/prometheus/ca.crt

          # Verify that the client certificate has a Subject Alternate Name (SAN)
          # which is an exact match to an entry in this list, else terminate the connection.
          client_allowed_sans:
            - prometheus.example.com

          # Minimum TLS version that is acceptable.
          min_version: "TLS12"

          # Maximum TLS version that is acceptable.
          max_version: "TLS13"

          # List of supported cipher suites for TLS versions up to TLS 1.2.
          cipher_suites:
            - TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
            - TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384

          # prefer_server_cipher_suites controls whether the server selects the
          # client's most preferred ciphersuite, or the server's most preferred.
          prefer_server_cipher_suites: true

          # Elliptic curves that will be used in an ECDHE handshake, in preference order.
          curve_preferences:
            - X25519
            - CurveP256

        http_server_config:
          # Enable HTTP/2 support.
          http2: true
          # List of headers that can be added to HTTP responses.
          headers:
            Content-Security-Policy: "default-src 'self'"
            X-Frame-Options: deny
            X-Content-Type-Options: nosniff
            X-XSS-Protection: "1; mode=block"
            Strict-Transport-Security: "max-age=31536000"

        # Usernames and hashed passwords that have full access to the web server via basic authentication.
        basic_auth_users:
          prometheus: $2y$10$X0h1gDsPszWURQaxFh.zoubFi6DXncSjhoQNJgRrnGs7EsimhC7zG
        """);
    WebConfig.Tls tls = c.tls().orElseThrow();
    assertThat(tls.certFile()).contains(Path.of("/etc/vigil/node_exporter.crt"));
    assertThat(tls.keyFile()).contains(Path.of("/etc/vigil/node_exporter.key"));
    assertThat(tls.clientCaFile()).contains(Path.of("/etc/prometheus/ca.crt"));
    assertThat(tls.clientAuth()).isEqualTo(ClientAuth.RequireAndVerifyClientCert);
    assertThat(tls.clientAllowedSans()).containsExactly("prometheus.example.com");
    assertThat(tls.minVersion()).isEqualTo(TlsVersion.TLS12);
    assertThat(tls.maxVersion()).isEqualTo(TlsVersion.TLS13);
    assertThat(tls.cipherSuites())
        .containsExactly("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    assertThat(tls.curvePreferences()).containsExactly("x25519", "secp256r1");
    assertThat(c.headers()).containsEntry("X-Frame-Options", "deny").hasSize(5);
    assertThat(c.basicAuthUsers()).containsEntry("prometheus", HASH);
    assertThat(c.watchedFiles()).containsExactly(FILE, Path.of("/etc/vigil/node_exporter.crt"),
        Path.of("/etc/vigil/node_exporter.key"), Path.of("/etc/prometheus/ca.crt"));
  }

  @Test
  void emptyFileMeansPlainHttpWithoutAuth() throws Exception {
    WebConfig c = parse("");
    assertThat(c.tls()).isEmpty();
    assertThat(c.basicAuthUsers()).isEmpty();
    assertThat(c.rateLimit()).isEmpty();
  }

  @Test
  void basicAuthAloneNeedsNoTls() throws Exception {
    WebConfig c = parse("basic_auth_users:\n  alice: " + HASH + "\n  bob: " + HASH + "\n");
    assertThat(c.tls()).isEmpty();
    assertThat(c.basicAuthUsers().keySet()).containsExactly("alice", "bob");
  }

  @Test
  void defaultsMatchExporterToolkit() throws Exception {
    WebConfig.Tls t = parse("tls_server_config:\n  cert_file: a.crt\n  key_file: a.key\n").tls().orElseThrow();
    assertThat(t.clientAuth()).isEqualTo(ClientAuth.NoClientCert);
    assertThat(t.minVersion()).isEqualTo(TlsVersion.TLS12);
    assertThat(t.maxVersion()).isEqualTo(TlsVersion.TLS13);
    assertThat(t.preferServerCipherSuites()).isTrue();
    assertThat(t.cipherSuites()).isEmpty();
  }

  @Test
  void oldRequireClientCertSpellingStillWorks() throws Exception {
    WebConfig.Tls t = parse("tls_server_config:\n  cert_file: a\n  key_file: b\n  client_auth_type: RequireClientCert\n")
        .tls().orElseThrow();
    assertThat(t.clientAuth()).isEqualTo(ClientAuth.RequireAnyClientCert);
  }

  @Test
  void inlineCertificateAndKeyAreAccepted() throws Exception {
    WebConfig.Tls t = parse("tls_server_config:\n  cert: |\n    -----BEGIN CERTIFICATE-----\n"
        + "    -----END CERTIFICATE-----\n  key: secret\n").tls().orElseThrow();
    assertThat(t.cert()).isPresent();
    assertThat(t.key()).contains("secret");
    assertThat(t.toString()).doesNotContain("secret");
  }

  @Test
  void rateLimitIsATokenBucket() throws Exception {
    WebConfig c = parse("rate_limit:\n  interval: 100ms\n  burst: 5\n");
    assertThat(c.rateLimit()).contains(new WebConfig.RateLimit(Duration.ofMillis(100), 5));
    assertThat(parse("rate_limit:\n  interval: 0s\n").rateLimit()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown top key | tls_config:\\n  cert_file: a\\n | /etc/vigil/web-config.yml:1:1: unknown key tls_config; expected one of: basic_auth_users, http_server_config, rate_limit, tls_server_config
      unknown tls key | tls_server_config:\\n  certfile: a\\n | /etc/vigil/web-config.yml:2:3: unknown key tls_server_config.certfile; expected one of: cert, cert_file, cipher_suites, client_allowed_sans, client_auth_type, client_ca, client_ca_file, curve_preferences, key, key_file, max_version, min_version, prefer_server_cipher_suites
      key without cert | tls_server_config:\\n  key_file: a\\n | /etc/vigil/web-config.yml:2:3: tls_server_config: missing one of cert or cert_file
      cert without key | tls_server_config:\\n  cert_file: a\\n | /etc/vigil/web-config.yml:2:3: tls_server_config: missing one of key or key_file
      bad client auth | tls_server_config:\\n  cert_file: a\\n  key_file: b\\n  client_auth_type: Yes please\\n | /etc/vigil/web-config.yml:4:21: tls_server_config.client_auth_type: expected one of NoClientCert, RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven, RequireAndVerifyClientCert, got "Yes please"
      CA without client auth | tls_server_config:\\n  cert_file: a\\n  key_file: b\\n  client_ca_file: ca\\n | /etc/vigil/web-config.yml:2:3: tls_server_config: a client CA is configured but client_auth_type is NoClientCert; set client_auth_type (RequireAndVerifyClientCert for mutual TLS)
      SANs with optional certs | tls_server_config:\\n  cert_file: a\\n  key_file: b\\n  client_auth_type: VerifyClientCertIfGiven\\n  client_ca_file: c\\n  client_allowed_sans: [x]\\n | /etc/vigil/web-config.yml:6:24: tls_server_config.client_allowed_sans: requires client_auth_type RequireAnyClientCert or RequireAndVerifyClientCert, got VerifyClientCertIfGiven
      bad version | tls_server_config:\\n  cert_file: a\\n  key_file: b\\n  min_version: TLS1.2\\n | /etc/vigil/web-config.yml:4:16: tls_server_config.min_version: expected one of TLS10, TLS11, TLS12, TLS13, got "TLS1.2"
      min above max | tls_server_config:\\n  cert_file: a\\n  key_file: b\\n  min_version: TLS13\\n  max_version: TLS12\\n | /etc/vigil/web-config.yml:4:16: tls_server_config.min_version: TLS13 is above max_version TLS12
      cert and inline cert | tls_server_config:\\n  cert_file: a\\n  cert: b\\n  key_file: c\\n | /etc/vigil/web-config.yml:3:3: tls_server_config: give cert_file or cert, not both
      unknown curve | tls_server_config:\\n  cert_file: a\\n  key_file: b\\n  curve_preferences: [P256]\\n | /etc/vigil/web-config.yml:4:22: tls_server_config.curve_preferences: unknown curve "P256"; expected one of CurveP256, CurveP384, CurveP521, X25519
      header not allowed | http_server_config:\\n  headers:\\n    Server: vigil\\n | /etc/vigil/web-config.yml:3:5: http_server_config.headers: header "Server" cannot be configured; expected one of Content-Security-Policy, Strict-Transport-Security, X-Content-Type-Options, X-Frame-Options, X-XSS-Protection
      header value not allowed | http_server_config:\\n  headers:\\n    X-Frame-Options: allow\\n | /etc/vigil/web-config.yml:3:22: http_server_config.headers.X-Frame-Options: expected one of deny, sameorigin, got "allow"
      plain text password | basic_auth_users:\\n  alice: hunter2\\n | /etc/vigil/web-config.yml:2:10: basic_auth_users.alice: expected a bcrypt hash such as $2y$10$... (htpasswd -nBC 10 alice), got a value that is not one
      users as a list | basic_auth_users:\\n  - alice\\n | /etc/vigil/web-config.yml:2:3: expected a mapping of keys to values, got a list
      rate limit without burst | rate_limit:\\n  interval: 1s\\n | /etc/vigil/web-config.yml:2:3: rate_limit.burst: expected an integer from 1 to 1000000 when rate_limit.interval is set
      NUL in a path | tls_server_config:\\n  cert_file: "a\\0"\\n  key_file: b\\n | /etc/vigil/web-config.yml:2:14: tls_server_config.cert_file: expected a file system path, got a string with a NUL character
      duplicate user | basic_auth_users:\\n  a: x\\n  a: y\\n | /etc/vigil/web-config.yml:3:3: duplicate key basic_auth_users.a (first given at line 2)
      """)
  void rejectsWithFileLineColumnAndTheExpectedForm(String name, String yaml, String message) {
    assertRejected(yaml.replace("\\n", "\n"), message);
  }

  @Test
  void unknownCipherSuiteListsTheAcceptedGoNames() {
    assertThatThrownBy(() -> parse("tls_server_config:\n  cert_file: a\n  key_file: b\n  cipher_suites:\n"
        + "    - TLS_RSA_WITH_3DES_EDE_CBC_SHA\n"))
        .hasMessageStartingWith("/etc/vigil/web-config.yml:5:5: tls_server_config.cipher_suites: unknown cipher "
            + "suite \"TLS_RSA_WITH_3DES_EDE_CBC_SHA\"; expected Go names such as TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
        .hasMessageContaining("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
  }

  @Test
  void tlsVersionRangeIsNewestFirst() {
    assertThat(TlsVersion.range(TlsVersion.TLS12, TlsVersion.TLS13)).containsExactly("TLSv1.3", "TLSv1.2");
    assertThat(TlsVersion.range(TlsVersion.TLS11, TlsVersion.TLS12)).containsExactly("TLSv1.2", "TLSv1.1");
  }

  @Test
  void missingFileIsNamed() {
    assertThatThrownBy(() -> loader.load(Path.of("/nonexistent/web.yml")))
        .hasMessage("/nonexistent/web.yml: no such file");
  }

  @Test
  void clientAuthModesMapToJsseWantNeedAndVerify() {
    assertThat(List.of(ClientAuth.values())).extracting(a -> a.want() + "/" + a.need() + "/" + a.verify())
        .containsExactly("false/false/false", "true/false/false", "false/true/false", "true/false/true",
            "false/true/true");
    assertThat(ClientAuth.byName("nonsense")).isEqualTo(Optional.empty());
  }

  /** Found by fuzzing: SnakeYAML threw IllegalArgumentException (not a config error) for this tag. */
  @Test
  void malformedTagEscapeIsAConfigError() {
    assertRejected("!%2", "/etc/vigil/web-config.yml: invalid YAML: Tag must not contain "
        + "leading or trailing spaces.");
  }
}
