package io.vigil.exporter;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.vigil.exporter.collector.Collector;
import io.vigil.exporter.collector.CollectorContext;
import io.vigil.exporter.collector.CollectorDefinition;
import io.vigil.exporter.collector.ScrapeRunner;
import io.vigil.exporter.collector.ScrapeRunner.TimedCollector;
import io.vigil.exporter.config.ConfigException;
import io.vigil.exporter.config.VigilConfig;
import io.vigil.exporter.config.WebSettings;
import io.vigil.exporter.server.ExporterServer;
import io.vigil.exporter.server.Generation;
import io.vigil.exporter.server.Generations;
import io.vigil.exporter.server.WebSecurity;
import io.vigil.exporter.source.HostSources;
import io.vigil.exporter.source.UnsupportedSourceException;
import io.vigil.exporter.source.oshi.OshiSources;
import io.vigil.exporter.source.procfs.LinuxSources;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A running exporter: the HTTP server, the web config in force, and the generation of collectors the configuration
 * in force asked for. {@link #reload} loads the configuration again, builds a new generation completely, then swaps
 * it in; a configuration that fails to load or build leaves the running one untouched.
 */
public final class Exporter implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Exporter.class.getName());

  private final List<CollectorDefinition> catalogue;
  private final ConfigSource source;
  private final BuildInfo build;
  private final Clock clock;
  private final ReloadStatus status;
  private final Generations generations;
  private final WebSecurity security;
  private final Object reloadLock = new Object();
  private CompletableFuture<PrometheusRegistry> selfRegistry; // guarded by reloadLock
  private VigilConfig running; // guarded by reloadLock
  private ExporterServer server;

  private Exporter(List<CollectorDefinition> catalogue, ConfigSource source, BuildInfo build, Clock clock,
      WebSecurity security, VigilConfig config) {
    this.catalogue = List.copyOf(catalogue);
    this.source = source;
    this.build = build;
    this.clock = clock;
    this.status = new ReloadStatus(clock.instant());
    this.security = security;
    this.running = config;
    this.generations = new Generations(placeholder());
  }

  /** True on Linux, where sources read {@code /proc} and {@code /sys}; elsewhere OSHI fills the records. */
  public static boolean isLinux() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
  }

  /** Starts with {@code config}; a reload applies the same configuration again. */
  public static Exporter start(VigilConfig config, List<CollectorDefinition> catalogue) throws IOException {
    return start(config, catalogue, () -> config);
  }

  /**
   * Builds the collectors of {@code catalogue} that {@code config} enables, loads the web config file, and starts
   * serving.
   *
   * @param source what reloads read (the config file with the flags on top)
   */
  public static Exporter start(VigilConfig config, List<CollectorDefinition> catalogue, ConfigSource source)
      throws IOException {
    WebSecurity security;
    try {
      security = config.web().webConfigFile().isPresent()
          ? WebSecurity.load(config.web().webConfigFile().get(), WebSecurity.DEFAULT_CHECK_INTERVAL)
          : WebSecurity.none();
    } catch (ConfigException e) {
      throw new IOException("web config: " + e.getMessage(), e);
    }
    Exporter exporter = new Exporter(catalogue, source, BuildInfo.load(), Clock.systemUTC(), security, config);
    Generation first;
    synchronized (exporter.reloadLock) {
      first = exporter.build(config, true);
    }
    exporter.generations.swap(first);
    try {
      exporter.server = ExporterServer.start(config.web(), exporter.generations, security, exporter::reload,
          exporter.build);
    } catch (IOException e) {
      exporter.generations.close();
      throw e;
    }
    LOG.info(() -> "listening on " + config.web().listenAddress() + " (port " + exporter.server.port() + ", TLS "
        + (security.tlsEnabled() ? "on" : "off") + ") collectors=" + String.join(",", first.enabled()));
    return exporter;
  }

  /** Builds one generation: sources, collectors, runner, scrape service. Call with {@code reloadLock} held. */
  /**
   * @param warmUp start a first collection right away (the first generation: it warms the collectors up while the
   *     server starts)
   */
  private Generation build(VigilConfig config, boolean warmUp) throws IOException {
    CollectorContext context = context(config);
    List<TimedCollector> collectors = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (CollectorDefinition def : EffectiveConfig.enabled(config, catalogue)) {
      Collector collector;
      try {
        collector = def.factory().create(context);
      } catch (UnsupportedSourceException e) {
        LOG.info(() -> "collector=" + def.name() + " not available here: " + e.getMessage());
        continue;
      } catch (Exception e) {
        // Keep it visible as success=0 rather than silently missing.
        LOG.warning(() -> "collector=" + def.name() + " failed to start: " + e.getMessage());
        collector = new BrokenCollector(def.name(), e);
      }
      collectors.add(
          new TimedCollector(
              collector,
              config.collectors().settings(def.name()).timeout().orElse(config.scrape().collectorTimeout())));
      names.add(def.name());
    }
    ScrapeRunner runner = new ScrapeRunner(collectors);
    Supplier<Optional<PrometheusRegistry>> self = Optional::empty;
    if (!config.web().disableExporterMetrics()) {
      if (selfRegistry == null) {
        selfRegistry = SelfMetrics.registerInBackground();
      }
      CompletableFuture<PrometheusRegistry> registered = selfRegistry;
      self = () -> Optional.of(registered.join());
    }
    ScrapeService service = new ScrapeService(runner, self, build, status::families);
    if (warmUp) {
      // The first collection runs (at interpreter speed, loading classes) while the JVM metrics and the server are
      // set up; the first scrape joins it.
      Thread first = new Thread(() -> service.scrape(n -> true, Optional.empty(), f -> true),
          "vigil-first-collection");
      first.setDaemon(true);
      first.start();
    }
    return new Generation(service, names, config.scrape().timeoutMargin(), config.web().unauthenticatedHealth(),
        config.web().enableLifecycle(), config.services().probes(), runner::close);
  }

  /**
   * Loads the configuration again and, if it loads and its collectors build, swaps it in; the previous generation
   * closes once its in-flight scrapes finish. Settings the listening server was built with (address, telemetry path,
   * caps, time limits, web config file) need a restart: a change to them is logged and the running value kept.
   *
   * @return empty on success, else why the running configuration was kept
   */
  public Optional<String> reload() {
    synchronized (reloadLock) {
      VigilConfig next;
      Generation generation;
      try {
        next = keepServerSettings(source.load());
        generation = build(next, false);
      } catch (ConfigException | IOException | RuntimeException e) {
        status.failed();
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        LOG.warning(() -> "configuration not reloaded, keeping the running one: " + why);
        return Optional.of(why);
      }
      generations.swap(generation);
      running = next;
      status.succeeded(clock.instant());
      LOG.info(() -> "configuration reloaded" + next.file().map(f -> " from " + f).orElse("") + "; collectors="
          + String.join(",", generation.enabled()));
      return Optional.empty();
    }
  }

  /** The loaded config with the restart-only web settings of the running one; logs each change it holds back. */
  private VigilConfig keepServerSettings(VigilConfig loaded) {
    WebSettings now = running.web();
    WebSettings w = loaded.web();
    restartNeeded("web.listen_address", now.listenAddress(), w.listenAddress());
    restartNeeded("web.telemetry_path", now.telemetryPath(), w.telemetryPath());
    restartNeeded("web.max_requests", now.maxRequests(), w.maxRequests());
    restartNeeded("web.request_timeout", now.requestTimeout(), w.requestTimeout());
    restartNeeded("web.response_timeout", now.responseTimeout(), w.responseTimeout());
    restartNeeded("web.config_file", now.webConfigFile(), w.webConfigFile());
    WebSettings kept = new WebSettings(now.listenAddress(), now.telemetryPath(), now.maxRequests(),
        now.requestTimeout(), now.responseTimeout(), w.disableExporterMetrics(), now.webConfigFile(),
        w.enableLifecycle(), w.unauthenticatedHealth());
    return new VigilConfig(kept, loaded.scrape(), loaded.paths(), loaded.collectors(), loaded.file(), loaded.services());
  }

  private static void restartNeeded(String key, Object running, Object loaded) {
    if (!Objects.equals(running, loaded)) {
      LOG.warning(() -> key + " changed from " + running + " to " + loaded + "; it takes effect after a restart, "
          + "still using " + running);
    }
  }

  static CollectorContext context(VigilConfig config) throws IOException {
    if (isLinux()) {
      ProcFs proc = ProcFs.open(config.paths().procfs());
      SysFs sys = SysFs.open(config.paths().sysfs());
      HostSources sources = LinuxSources.create(proc, sys, config.paths());
      return new CollectorContext(
          sources, Optional.of(proc), Optional.of(sys), config.paths(), config.collectors(), config.services());
    }
    return new CollectorContext(
        OshiSources.create(), Optional.empty(), Optional.empty(), config.paths(), config.collectors(),
        config.services());
  }

  /** A generation with no collectors, in force only until the first real one is built. */
  private Generation placeholder() {
    ScrapeRunner none = new ScrapeRunner(List.of());
    return new Generation(new ScrapeService(none, Optional.empty(), build),
        List.of(), running.scrape().timeoutMargin(), false, false, running.services().probes(), none::close);
  }

  public int port() {
    return server.port();
  }

  public List<String> enabledCollectors() {
    return generations.peek().enabled();
  }

  public ScrapeRunner runner() {
    return generations.peek().service().runner();
  }

  /** The configuration in force (after reloads). */
  public VigilConfig config() {
    synchronized (reloadLock) {
      return running;
    }
  }

  /** Worker threads of the HTTP server alive now. */
  public int httpWorkers() {
    return server.workerThreads();
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    generations.close();
  }

  /** Stands in for a collector whose construction failed, so the failure shows as success=0. */
  private record BrokenCollector(String name, Exception cause) implements Collector {
    @Override
    public List<io.prometheus.metrics.model.snapshots.MetricSnapshot> collect() throws Exception {
      throw new IOException("collector failed to start: " + cause.getMessage());
    }
  }
}
