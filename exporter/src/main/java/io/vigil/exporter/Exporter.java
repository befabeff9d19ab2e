package io.vigil.exporter;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.vigil.exporter.collector.Collector;
import io.vigil.exporter.collector.CollectorContext;
import io.vigil.exporter.collector.CollectorDefinition;
import io.vigil.exporter.collector.ScrapeRunner;
import io.vigil.exporter.collector.ScrapeRunner.TimedCollector;
import io.vigil.exporter.config.VigilConfig;
import io.vigil.exporter.server.ExporterServer;
import io.vigil.exporter.source.HostSources;
import io.vigil.exporter.source.UnsupportedSourceException;
import io.vigil.exporter.source.oshi.OshiSources;
import io.vigil.exporter.source.procfs.LinuxSources;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/** A running exporter: collectors built once, the scrape runner, and the HTTP server. */
public final class Exporter implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Exporter.class.getName());

  private final ExporterServer server;
  private final ScrapeRunner runner;
  private final List<String> enabled;

  private Exporter(ExporterServer server, ScrapeRunner runner, List<String> enabled) {
    this.server = server;
    this.runner = runner;
    this.enabled = enabled;
  }

  /** True on Linux, where sources read {@code /proc} and {@code /sys}; elsewhere OSHI fills the records. */
  public static boolean isLinux() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
  }

  /** Builds the collectors of {@code catalogue} that {@code config} enables, and starts serving. */
  public static Exporter start(VigilConfig config, List<CollectorDefinition> catalogue) throws IOException {
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
    Optional<PrometheusRegistry> self =
        config.web().disableExporterMetrics() ? Optional.empty() : Optional.of(new PrometheusRegistry());
    BuildInfo build = BuildInfo.load();
    ScrapeService service = new ScrapeService(runner, self, build);
    // The first collection starts before the JVM metrics are registered and the server is up, so the three overlap
    // (class loading, JNA, first reads on one side; JMX and HTTP set-up on the other); the first scrape joins it.
    // It may see the self metrics half registered: it only warms up, nobody reads it.
    Thread warmUp =
        new Thread(() -> service.scrape(n -> true, Optional.empty(), f -> true), "vigil-first-collection");
    warmUp.setDaemon(true);
    warmUp.start();
    self.ifPresent(SelfMetrics::register);
    ExporterServer server;
    try {
      server = ExporterServer.start(config, service, List.copyOf(names), build);
    } catch (IOException e) {
      runner.close();
      throw e;
    }
    LOG.info(() -> "listening on " + config.web().listenAddress() + " (port " + server.port() + ") collectors="
        + String.join(",", names));
    return new Exporter(server, runner, List.copyOf(names));
  }

  static CollectorContext context(VigilConfig config) throws IOException {
    if (isLinux()) {
      ProcFs proc = ProcFs.open(config.paths().procfs());
      SysFs sys = SysFs.open(config.paths().sysfs());
      HostSources sources = LinuxSources.create(proc, sys, config.paths());
      return new CollectorContext(
          sources, Optional.of(proc), Optional.of(sys), config.paths(), config.collectors());
    }
    return new CollectorContext(
        OshiSources.create(), Optional.empty(), Optional.empty(), config.paths(), config.collectors());
  }

  public int port() {
    return server.port();
  }

  public List<String> enabledCollectors() {
    return enabled;
  }

  public ScrapeRunner runner() {
    return runner;
  }

  @Override
  public void close() {
    server.close();
    runner.close();
  }

  /** Stands in for a collector whose construction failed, so the failure shows as success=0. */
  private record BrokenCollector(String name, Exception cause) implements Collector {
    @Override
    public List<io.prometheus.metrics.model.snapshots.MetricSnapshot> collect() throws Exception {
      throw new IOException("collector failed to start: " + cause.getMessage());
    }
  }
}
