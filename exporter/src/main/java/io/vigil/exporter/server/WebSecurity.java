package io.vigil.exporter.server;

import io.vigil.exporter.config.ConfigException;
import io.vigil.exporter.config.WebConfig;
import io.vigil.exporter.config.WebConfigLoader;
import io.vigil.exporter.server.tls.TlsEndpoint;
import io.vigil.exporter.server.tls.TlsMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * The web config in force ({@code --web.config.file}): TLS, basic auth, headers, rate limit. Like exporter-toolkit,
 * which re-reads the file on every request, it notices edits without a restart: at most once per check interval, on a
 * request or a new TLS connection, it compares the file and the certificate, key and CA files it names with what was
 * loaded, and if anything changed loads them all again. A new file that does not load (bad YAML, a key that does not
 * match its certificate, TLS switched on or off) leaves the old one in force and is logged once, with the reason.
 *
 * <p>Thread safety: safe for concurrent use; one thread at a time reloads, others keep using the current value.
 */
public final class WebSecurity {

  private static final Logger LOG = Logger.getLogger(WebSecurity.class.getName());
  /** How often the files are compared with what is loaded. */
  public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);
  private static final long MAX_WATCHED_BYTES = 4L << 20;

  /** One loaded web config, with everything derived from it. */
  record Active(
      Optional<WebConfig> config,
      Optional<TlsMaterial> tls,
      BasicAuth auth,
      Optional<RateLimiter> limiter,
      Map<String, String> headers,
      Map<Path, String> fingerprints) {}

  private static final Active NONE =
      new Active(Optional.empty(), Optional.empty(), BasicAuth.NONE, Optional.empty(), Map.of(), Map.of());

  private final Optional<Path> file;
  private final long checkIntervalNanos;
  private final ReentrantLock reloading = new ReentrantLock();
  /** Global, so key manager aliases of a reloaded file never repeat an earlier one. */
  private static final AtomicLong GENERATION = new AtomicLong();
  private final Optional<TlsEndpoint> endpoint;
  private volatile Active active;
  private volatile long nextCheck;
  private String lastFailure; // guarded by reloading

  private WebSecurity(Optional<Path> file, Active active, Duration checkInterval) throws ConfigException {
    this.file = file;
    this.active = active;
    this.checkIntervalNanos = checkInterval.toNanos();
    this.nextCheck = System.nanoTime() + checkIntervalNanos;
    Optional<TlsEndpoint> ep = Optional.empty();
    if (active.tls().isPresent()) {
      try {
        ep = Optional.of(new TlsEndpoint(active.tls().get()));
      } catch (GeneralSecurityException e) {
        throw new ConfigException(file.orElseThrow() + ": cannot set up TLS: " + e.getMessage());
      }
    }
    this.endpoint = ep;
  }

  /** No web config file: plain HTTP, no authentication. */
  public static WebSecurity none() {
    try {
      return new WebSecurity(Optional.empty(), NONE, DEFAULT_CHECK_INTERVAL);
    } catch (ConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Loads {@code file} and everything it names; fails with a message naming the file and the problem. */
  public static WebSecurity load(Path file, Duration checkInterval) throws ConfigException {
    return new WebSecurity(Optional.of(file), build(file), checkInterval);
  }

  /** Checks a file as {@code check-config} does: YAML, keys, hashes, and that the TLS files load and match. */
  public static String validate(Path file) throws ConfigException {
    WebSecurity w = load(file, DEFAULT_CHECK_INTERVAL);
    Active a = w.active;
    return file + " (TLS " + (a.tls().isPresent() ? "on" : "off") + ", "
        + a.config().map(c -> c.basicAuthUsers().size()).orElse(0) + " basic auth users)";
  }

  private static Active build(Path path) throws ConfigException {
    WebConfig config = new WebConfigLoader().load(path);
    Map<Path, String> prints = new LinkedHashMap<>();
    for (Path p : config.watchedFiles()) {
      prints.put(p, fingerprint(p));
    }
    Optional<TlsMaterial> tls = Optional.empty();
    if (config.tls().isPresent()) {
      tls = Optional.of(TlsMaterial.load(config.tls().get(), GENERATION.incrementAndGet()));
    }
    Optional<RateLimiter> limiter =
        config.rateLimit().map(r -> new RateLimiter(r.interval(), r.burst(), System::nanoTime));
    return new Active(Optional.of(config), tls, new BasicAuth(config.basicAuthUsers()), limiter, config.headers(),
        Map.copyOf(prints));
  }

  /** The web config in force; first reloads it if the files changed (at most once per check interval). */
  Active current() {
    if (file.isPresent() && System.nanoTime() - nextCheck >= 0) {
      checkForChanges();
    }
    return active;
  }

  /** Compares the files with what is loaded and reloads when they differ; returns true if a new config was taken. */
  boolean checkForChanges() {
    if (file.isEmpty() || !reloading.tryLock()) {
      return false;
    }
    try {
      nextCheck = System.nanoTime() + checkIntervalNanos;
      Active now = active;
      if (!changed(now)) {
        return false;
      }
      Active next;
      try {
        next = build(file.get());
        if (next.tls().isPresent() != now.tls().isPresent()) {
          throw new ConfigException(file.get() + ": TLS is " + (next.tls().isPresent() ? "configured" : "gone")
              + " in the new file; switching between HTTP and HTTPS needs a restart");
        }
      } catch (ConfigException | RuntimeException e) {
        String why = e.getMessage();
        if (!why.equals(lastFailure)) {
          LOG.warning(() -> "web config not reloaded, keeping the one in force: " + why);
          lastFailure = why;
        }
        return false;
      }
      lastFailure = null;
      next.tls().ifPresent(m -> endpoint.orElseThrow().use(m));
      active = next;
      LOG.info(() -> "web config reloaded from " + file.get() + " (TLS " + (next.tls().isPresent() ? "on" : "off")
          + ", " + next.config().map(c -> c.basicAuthUsers().size()).orElse(0) + " basic auth users)");
      return true;
    } finally {
      reloading.unlock();
    }
  }

  private boolean changed(Active now) {
    if (now.fingerprints().isEmpty()) {
      return true;
    }
    for (Map.Entry<Path, String> e : now.fingerprints().entrySet()) {
      if (!fingerprint(e.getKey()).equals(e.getValue())) {
        return true;
      }
    }
    return false;
  }

  /** A digest of the file's bytes, or a marker saying why it cannot be read (so a vanished file counts as changed). */
  private static String fingerprint(Path p) {
    try {
      if (Files.size(p) > MAX_WATCHED_BYTES) {
        return "too large:" + Files.size(p) + ":" + Files.getLastModifiedTime(p);
      }
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (IOException e) {
      return "unreadable:" + e.getClass().getSimpleName();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from this Java runtime", e);
    }
  }

  /** The HTTPS side, when the file configures TLS. */
  public Optional<TlsEndpoint> tls() {
    return endpoint;
  }

  /** Whether the file in force configures TLS. */
  public boolean tlsEnabled() {
    return endpoint.isPresent();
  }

  public Optional<Path> file() {
    return file;
  }

  /** The files watched now (for messages and tests). */
  List<Path> watchedFiles() {
    return List.copyOf(active.fingerprints().keySet());
  }
}
