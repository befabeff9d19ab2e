package io.vigil.exporter.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads an exporter-toolkit web config file ({@code --web.config.file}) with the same safe YAML loading and
 * {@code file:line:column} errors as the main config, and the same rules as exporter-toolkit: unknown keys are
 * errors, relative paths are relative to the file, only a fixed set of response headers may be set, every
 * {@code basic_auth_users} value must be a bcrypt hash. Certificates and keys are read later, by the server.
 *
 * <p>Thread safety: stateless.
 */
public final class WebConfigLoader {

  private static final Set<String> TOP = Set.of("tls_server_config", "http_server_config", "basic_auth_users",
      "rate_limit");
  private static final Set<String> TLS = Set.of("cert_file", "key_file", "cert", "key", "client_auth_type",
      "client_ca_file", "client_ca", "client_allowed_sans", "min_version", "max_version", "cipher_suites",
      "curve_preferences", "prefer_server_cipher_suites");
  private static final Set<String> HTTP = Set.of("http2", "headers");
  private static final Set<String> RATE = Set.of("interval", "burst");

  /** exporter-toolkit's settable headers, with the allowed values where the header is an enumeration. */
  private static final Map<String, List<String>> HEADERS =
      Map.of(
          "Strict-Transport-Security", List.of(),
          "X-Content-Type-Options", List.of("nosniff"),
          "X-Frame-Options", List.of("deny", "sameorigin"),
          "X-XSS-Protection", List.of(),
          "Content-Security-Policy", List.of());

  /** Modular crypt format of bcrypt: {@code $2a$}, {@code $2b$}, {@code $2x$} or {@code $2y$}, cost, 53 characters. */
  private static final java.util.regex.Pattern BCRYPT =
      java.util.regex.Pattern.compile("\\$2[abxy]?\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");

  /** Reads and validates the file. */
  public WebConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such file");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage());
    }
    return parse(file, text);
  }

  /** Validates text as if read from {@code file} (used for messages and to resolve relative paths). */
  public WebConfig parse(Path file, String text) throws ConfigException {
    String name = file.toString();
    Node root = ConfigLoader.compose(name, new StringReader(text));
    if (root == null) {
      return new WebConfig(Optional.empty(), true, Map.of(), Map.of(), Optional.empty(), file);
    }
    YamlMapping top = YamlMapping.root(name, root);
    top.allowOnly(TOP);
    Path dir = file.toAbsolutePath().getParent();
    Optional<WebConfig.Tls> tls = tls(top.mapping("tls_server_config"), dir);
    boolean http2 = true;
    Map<String, String> headers = Map.of();
    Optional<YamlMapping> http = top.mapping("http_server_config");
    if (http.isPresent()) {
      http.get().allowOnly(HTTP);
      http2 = http.get().bool("http2").orElse(true);
      headers = headers(http.get().mapping("headers"));
    }
    Map<String, String> users = users(top.mapping("basic_auth_users"));
    Optional<WebConfig.RateLimit> rate = rateLimit(top.mapping("rate_limit"));
    return new WebConfig(tls, http2, headers, users, rate, file);
  }

  private static Optional<WebConfig.Tls> tls(Optional<YamlMapping> section, Path dir) throws ConfigException {
    if (section.isEmpty()) {
      return Optional.empty();
    }
    YamlMapping m = section.get();
    m.allowOnly(TLS);
    Optional<Path> certFile = file(m, "cert_file", dir);
    Optional<String> cert = nonEmpty(m, "cert");
    Optional<Path> keyFile = file(m, "key_file", dir);
    Optional<String> key = nonEmpty(m, "key");
    Optional<Path> caFile = file(m, "client_ca_file", dir);
    Optional<String> ca = nonEmpty(m, "client_ca");
    Optional<String> authName = nonEmpty(m, "client_auth_type");
    boolean enabled = certFile.isPresent() || cert.isPresent() || keyFile.isPresent() || key.isPresent()
        || caFile.isPresent() || ca.isPresent() || authName.isPresent();
    if (!enabled) {
      return Optional.empty(); // as exporter-toolkit: a section without any of these keys means plain HTTP
    }
    Node at = m.node();
    if (certFile.isEmpty() && cert.isEmpty()) {
      throw m.error(at, "tls_server_config: missing one of cert or cert_file");
    }
    if (keyFile.isEmpty() && key.isEmpty()) {
      throw m.error(at, "tls_server_config: missing one of key or key_file");
    }
    both(m, "cert_file", certFile, "cert", cert);
    both(m, "key_file", keyFile, "key", key);
    both(m, "client_ca_file", caFile, "client_ca", ca);
    ClientAuth auth = ClientAuth.NoClientCert;
    if (authName.isPresent()) {
      auth = ClientAuth.byName(authName.get())
          .orElseThrow(() -> m.error(m.valueNode("client_auth_type"), "tls_server_config.client_auth_type: expected "
              + "one of " + String.join(", ", ClientAuth.names()) + ", got \"" + authName.get() + "\""));
    }
    if ((caFile.isPresent() || ca.isPresent()) && auth == ClientAuth.NoClientCert) {
      throw m.error(at, "tls_server_config: a client CA is configured but client_auth_type is NoClientCert; set "
          + "client_auth_type (RequireAndVerifyClientCert for mutual TLS)");
    }
    List<String> sans = m.optionalStrings("client_allowed_sans").orElse(List.of());
    if (!sans.isEmpty() && auth != ClientAuth.RequireAnyClientCert && auth != ClientAuth.RequireAndVerifyClientCert) {
      throw m.error(m.valueNode("client_allowed_sans"), "tls_server_config.client_allowed_sans: requires "
          + "client_auth_type RequireAnyClientCert or RequireAndVerifyClientCert, got " + auth);
    }
    TlsVersion min = version(m, "min_version", TlsVersion.TLS12);
    TlsVersion max = version(m, "max_version", TlsVersion.TLS13);
    if (min.compareTo(max) > 0) {
      throw m.error(m.valueNode("min_version"), "tls_server_config.min_version: " + min + " is above max_version "
          + max);
    }
    List<String> suites = new ArrayList<>();
    if (m.optionalStrings("cipher_suites").isPresent()) {
      List<String> given = m.optionalStrings("cipher_suites").get();
      for (String s : given) {
        suites.add(TlsNames.cipherSuite(s).orElseThrow(() -> m.error(m.valueNode("cipher_suites"),
            "tls_server_config.cipher_suites: unknown cipher suite \"" + s + "\"; expected Go names such as "
                + "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (one of " + String.join(", ", TlsNames.cipherSuiteNames())
                + ")")));
      }
    }
    List<String> curves = new ArrayList<>();
    for (String c : m.optionalStrings("curve_preferences").orElse(List.of())) {
      curves.add(TlsNames.curve(c).orElseThrow(() -> m.error(m.valueNode("curve_preferences"),
          "tls_server_config.curve_preferences: unknown curve \"" + c + "\"; expected one of "
              + String.join(", ", TlsNames.curveNames()))));
    }
    return Optional.of(new WebConfig.Tls(certFile, cert, keyFile, key, auth, caFile, ca, sans, min, max, suites,
        curves, m.bool("prefer_server_cipher_suites").orElse(true)));
  }

  private static void both(YamlMapping m, String fileKey, Optional<?> file, String inlineKey, Optional<?> inline)
      throws ConfigException {
    if (file.isPresent() && inline.isPresent()) {
      throw m.error(m.keyNode(inlineKey), "tls_server_config: give " + fileKey + " or " + inlineKey + ", not both");
    }
  }

  private static TlsVersion version(YamlMapping m, String key, TlsVersion dflt) throws ConfigException {
    Optional<String> v = m.string(key);
    if (v.isEmpty()) {
      return dflt;
    }
    return TlsVersion.byName(v.get()).orElseThrow(() -> m.error(m.valueNode(key), "tls_server_config." + key
        + ": expected one of TLS10, TLS11, TLS12, TLS13, got \"" + v.get() + "\""));
  }

  /** A non-empty path, relative to the web config file's directory. */
  private static Optional<Path> file(YamlMapping m, String key, Path dir) throws ConfigException {
    if (nonEmpty(m, key).isEmpty()) {
      return Optional.empty();
    }
    return m.path(key).map(dir::resolve);
  }

  private static Optional<String> nonEmpty(YamlMapping m, String key) throws ConfigException {
    return m.string(key).filter(s -> !s.isEmpty());
  }

  private static Map<String, String> headers(Optional<YamlMapping> section) throws ConfigException {
    if (section.isEmpty()) {
      return Map.of();
    }
    YamlMapping m = section.get();
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : m.keys()) {
      List<String> allowed = HEADERS.get(name);
      if (allowed == null) {
        throw m.error(m.keyNode(name), "http_server_config.headers: header \"" + name + "\" cannot be configured; "
            + "expected one of " + String.join(", ", HEADERS.keySet().stream().sorted().toList()));
      }
      String value = m.string(name).orElse("");
      if (!allowed.isEmpty() && !allowed.contains(value)) {
        throw m.error(m.valueNode(name), "http_server_config.headers." + name + ": expected one of "
            + String.join(", ", allowed) + ", got \"" + value + "\"");
      }
      if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw m.error(m.valueNode(name), "http_server_config.headers." + name + ": line breaks are not allowed");
      }
      out.put(name, value);
    }
    return out;
  }

  private static Map<String, String> users(Optional<YamlMapping> section) throws ConfigException {
    if (section.isEmpty()) {
      return Map.of();
    }
    YamlMapping m = section.get();
    Map<String, String> out = new LinkedHashMap<>();
    for (String user : m.keys()) {
      String hash = m.string(user).orElse("");
      java.util.regex.Matcher matcher = BCRYPT.matcher(hash);
      int cost = matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
      if (cost < 4 || cost > 31) {
        // Never echo the value: it may be a plain-text password written by mistake.
        throw m.error(m.valueNode(user), "basic_auth_users." + user + ": expected a bcrypt hash such as "
            + "$2y$10$... (htpasswd -nBC 10 " + user + "), got a value that is not one");
      }
      out.put(user, hash);
    }
    return out;
  }

  private static Optional<WebConfig.RateLimit> rateLimit(Optional<YamlMapping> section) throws ConfigException {
    if (section.isEmpty()) {
      return Optional.empty();
    }
    YamlMapping m = section.get();
    m.allowOnly(RATE);
    Optional<Duration> interval = m.duration("interval", Duration.ZERO, Duration.ofHours(1));
    if (interval.isEmpty() || interval.get().isZero()) {
      return Optional.empty(); // exporter-toolkit: interval 0 turns the limiter off
    }
    // Burst 0 would refuse every request (Go's limiter does); that is never what a file means.
    int burst = m.integer("burst", 1, 1_000_000)
        .orElseThrow(() -> m.error(m.node(), "rate_limit.burst: expected an integer from 1 to 1000000 when "
            + "rate_limit.interval is set"));
    return Optional.of(new WebConfig.RateLimit(interval.get(), burst));
  }
}
