package io.vigil.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.collector.CollectorCatalogue;
import io.vigil.exporter.collector.CollectorDefinition;
import io.vigil.exporter.collector.Families;
import io.vigil.exporter.config.CollectorOptions;
import io.vigil.exporter.config.CollectorSettings;
import io.vigil.exporter.config.VigilConfig;
import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.RawHttp;
import io.vigil.exporter.testing.TestCollectors;
import io.vigil.exporter.testing.TestExporters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken inputs and broken collectors are reported through {@code node_scrape_collector_success} and one log line
 * per state change; the scrape itself always answers 200 with everything that did work.
 */
class FaultToleranceIT {

  @TempDir Path dir;
  private final List<Exporter> started = new ArrayList<>();
  private final List<LogRecord> log = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord r) {
      synchronized (log) {
        log.add(r);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private final Logger collectorLog = Logger.getLogger("io.vigil.exporter.collector");
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    collectorLog.removeHandler(capture);
    started.forEach(Exporter::close);
  }

  private Exporter start(VigilConfig config, List<CollectorDefinition> catalogue) throws IOException {
    collectorLog.addHandler(capture);
    Exporter e = Exporter.start(config, catalogue);
    started.add(e);
    return e;
  }

  private static String scrape(Exporter e, String... headers) throws IOException {
    RawHttp.Response r = RawHttp.get(e.port(), "/metrics", headers);
    assertThat(r.status()).as("the scrape itself never fails").isEqualTo(200);
    return r.body();
  }

  private List<String> messages(Level level, String collector) {
    synchronized (log) {
      return log.stream().filter(r -> r.getLevel().equals(level))
          .map(r -> r.getMessage() != null ? r.getMessage() : "")
          .filter(m -> m.startsWith("collector=" + collector + " "))
          .toList();
    }
  }

  /** A copy of the fixture procfs with a file missing, one unreadable and one malformed. */
  @Test
  void brokenProcfsFilesFailTheirCollectorOnlyWithOneLogLineEach() throws Exception {
    Path proc = dir.resolve("proc");
    copyTree(Fixtures.root().resolve("proc"), proc);
    Files.delete(proc.resolve("meminfo")); // missing
    Files.delete(proc.resolve("loadavg"));
    Files.createDirectory(proc.resolve("loadavg")); // unreadable as a file, even for root: EISDIR
    Files.writeString(proc.resolve("vmstat"), "nr_free_pages notanumber\n"); // malformed
    Map<String, CollectorSettings> on = new HashMap<>();
    for (String c : List.of("loadavg", "meminfo", "vmstat", "stat")) {
      on.put(c, new CollectorSettings(Optional.of(true), Optional.empty()));
    }
    CollectorOptions d = CollectorOptions.DEFAULT;
    CollectorOptions options = new CollectorOptions(false, on, d.filesystem(), d.netdevDevices(),
        d.diskstatsDevices(), d.netclassDevices(), d.cpuInfo(), d.sysctlInclude());
    VigilConfig base = TestExporters.config(TestExporters.web(Optional.empty(), false, false));
    VigilConfig config = new VigilConfig(base.web(), base.scrape(),
        new HostPaths(proc, Fixtures.root().resolve("sys"), Fixtures.root(), dir.resolve("udev")), options,
        Optional.empty());
    Exporter e = start(config, CollectorCatalogue.all());
    for (int i = 0; i < 3; i++) {
      String body = scrape(e);
      assertThat(body)
          .contains("node_scrape_collector_success{collector=\"loadavg\"} 0.0")
          .contains("node_scrape_collector_success{collector=\"meminfo\"} 0.0")
          .contains("node_scrape_collector_success{collector=\"vmstat\"} 0.0")
          .contains("node_scrape_collector_success{collector=\"stat\"} 1.0")
          .contains("node_context_switches_total")
          .doesNotContain("node_load1 ")
          .doesNotContain("node_memory_");
    }
    for (String c : List.of("loadavg", "meminfo", "vmstat")) {
      assertThat(messages(Level.WARNING, c)).as("warnings for " + c + " over 3 scrapes (and the warm-up)")
          .hasSize(1);
    }
    assertThat(messages(Level.WARNING, "meminfo").get(0)).contains("NoSuchFileException");
    assertThat(messages(Level.WARNING, "stat")).isEmpty();

    Files.delete(proc.resolve("loadavg"));
    Files.copy(Fixtures.root().resolve("proc/loadavg"), proc.resolve("loadavg"));
    assertThat(scrape(e)).contains("node_scrape_collector_success{collector=\"loadavg\"} 1.0").contains("node_load1 ");
    assertThat(messages(Level.INFO, "loadavg")).hasSize(1).first().asString().contains("recovered");
  }

  @Test
  void everyKindOfCollectorFailureIsASuccessZeroAndTheRestIsServed() throws Exception {
    List<CollectorDefinition> catalogue = List.of(
        TestCollectors.fixed("healthy", 1),
        failing("oshi_native", () -> {
          throw new UnsatisfiedLinkError("libudev.so.1: cannot open shared object file");
        }),
        failing("oshi_runtime", () -> {
          throw new IllegalStateException("OSHI: no such WMI class");
        }),
        failing("vanished_process", () -> {
          throw new NoSuchFileException("/proc/4242/stat");
        }),
        failing("permission", () -> {
          throw new java.nio.file.AccessDeniedException("/proc/1/io");
        }),
        failing("stack_overflow", () -> {
          throw new StackOverflowError();
        }),
        failing("null_list", () -> null),
        failing("null_family", () -> java.util.Arrays.asList(Families.gauge("test_x", "x", 1), null)),
        failing("negative_counter", () -> List.of(counter("test_negative", -1))),
        failing("nan_counter", () -> List.of(counter("test_nan", Double.NaN))),
        failing("infinite_counter", () -> List.of(counter("test_inf", Double.POSITIVE_INFINITY))),
        failing("nan_gauge", () -> List.of(Families.gauge("test_nan_gauge", "x", Double.NaN))),
        failing("slow", () -> {
          release.await();
          return List.of();
        }));
    Exporter e = start(TestExporters.config(TestExporters.web(Optional.empty(), false, false)), catalogue);
    String body = scrape(e, "X-Prometheus-Scrape-Timeout-Seconds", "1.5");
    assertThat(body).contains("node_scrape_collector_success{collector=\"healthy\"} 1.0")
        .contains("test_healthy_value 1.0");
    for (CollectorDefinition d : catalogue.subList(1, catalogue.size())) {
      assertThat(body).contains("node_scrape_collector_success{collector=\"" + d.name() + "\"} 0.0");
    }
    assertThat(body).doesNotContain("test_x").doesNotContain("test_nan").doesNotContain("test_inf")
        .doesNotContain("test_negative");
    assertThat(messages(Level.WARNING, "nan_counter")).hasSize(1).first().asString()
        .contains("nonsense counter value NaN for test_nan");
    assertThat(messages(Level.WARNING, "slow")).hasSize(1).first().asString().contains("deadline exceeded");
  }

  /**
   * Many scrapes at once against a fast collector: none may report it failed. (A collector's next run used to be
   * rejected while the thread of its previous run was still returning to the pool.)
   */
  @Test
  void concurrentScrapesNeverReportAHealthyCollectorAsFailed() throws Exception {
    Exporter e = start(TestExporters.config(TestExporters.web(Optional.empty(), false, false)),
        List.of(TestCollectors.fixed("a", 1)));
    List<CompletableFuture<List<String>>> clients = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      clients.add(CompletableFuture.supplyAsync(() -> {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          try {
            String body = RawHttp.get(e.port(), "/metrics?name[]=node_scrape_collector_success").body();
            body.lines().filter(l -> l.startsWith("node_scrape_collector_success") && l.endsWith(" 0.0"))
                .forEach(failures::add);
          } catch (IOException ex) {
            failures.add(ex.toString());
          }
        }
        return failures;
      }));
    }
    for (CompletableFuture<List<String>> c : clients) {
      assertThat(c.get(60, TimeUnit.SECONDS)).isEmpty();
    }
  }

  /**
   * A counter as a careless collector would build it, inside {@code collect()}: client_java refuses a negative one at
   * construction (collect throws), NaN and infinity pass it and are caught by the runner's value check.
   */
  private static MetricSnapshot counter(String name, double value) {
    return CounterSnapshot.builder().name(name).help("x")
        .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(value).build()).build();
  }

  private static CollectorDefinition failing(String name, TestCollectors.Body body) {
    return new CollectorDefinition(name, true, "fault injection", ctx -> TestCollectors.collector(name, body));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
