package io.vigil.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.collector.CollectorDefinition;
import io.vigil.exporter.config.ConfigLoader;
import io.vigil.exporter.config.VigilConfig;
import io.vigil.exporter.testing.ExternalBinary;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.NodeExporterProcess;
import io.vigil.exporter.testing.RawHttp;
import io.vigil.exporter.testing.TestCollectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading the main configuration: atomically, or not at all, and never a gap in serving. */
class ReloadIT {

  @TempDir Path dir;
  private final List<Exporter> started = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicBoolean gateInterrupted = new AtomicBoolean();

  private final List<CollectorDefinition> catalogue = List.of(
      TestCollectors.fixed("alpha", 1),
      TestCollectors.fixed("beta", 2),
      new CollectorDefinition("gate", false, "waits for the test", ctx -> TestCollectors.collector("gate", () -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          gateInterrupted.set(true);
          throw e;
        }
        return List.of(io.vigil.exporter.collector.Families.gauge("test_gate_value", "Released.", 1));
      })));

  @AfterEach
  void stop() {
    release.countDown();
    started.forEach(Exporter::close);
  }

  private Path file() {
    return dir.resolve("vigil.yml");
  }

  private Exporter start(String yaml) throws Exception {
    Files.writeString(file(), yaml);
    ConfigLoader loader = new ConfigLoader(Set.of("alpha", "beta", "gate"));
    VigilConfig first = loader.load(file());
    Exporter e = Exporter.start(first, catalogue, () -> loader.load(file()));
    started.add(e);
    return e;
  }

  private static String config(String collectors) {
    return "web:\n  listen_address: \"127.0.0.1:0\"\n  enable_lifecycle: true\ncollectors:\n  enable_defaults: false\n"
        + collectors;
  }

  private static String metrics(Exporter e) throws Exception {
    RawHttp.Response r = RawHttp.get(e.port(), "/metrics");
    assertThat(r.status()).isEqualTo(200);
    return r.body();
  }

  private static double value(String body, String series) {
    return body.lines().filter(l -> l.startsWith(series + " ")).findFirst()
        .map(l -> Double.parseDouble(l.substring(series.length() + 1))).orElseThrow();
  }

  @Test
  void reloadChangesTheProbeModulesServedAtProbe() throws Exception {
    Exporter e = start(config("  alpha:\n    enabled: true\n"));
    String query = "/probe?module=tcp&target=127.0.0.1:" + e.port();
    RawHttp.Response before = RawHttp.get(e.port(), query);
    assertThat(before.status()).isEqualTo(400);
    assertThat(before.body()).contains("Unknown module");
    Files.writeString(file(), config("  alpha:\n    enabled: true\n")
        + "probes:\n  modules:\n    tcp: {prober: tcp, timeout: 1s}\n");
    assertThat(e.reload()).isEmpty();
    RawHttp.Response after = RawHttp.get(e.port(), query);
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.body()).contains("probe_success 1.0");
  }

  @Test
  void goodReloadSwapsTheCollectorsAndRecordsSuccess() throws Exception {
    Exporter e = start(config("  alpha:\n    enabled: true\n"));
    String before = metrics(e);
    assertThat(before).contains("test_alpha_value 1.0").doesNotContain("test_beta_value");
    assertThat(value(before, "vigil_config_last_reload_successful")).isEqualTo(1.0);
    double loadedAt = value(before, "vigil_config_last_reload_success_timestamp_seconds");

    Thread.sleep(20);
    Files.writeString(file(), config("  alpha:\n    enabled: false\n  beta:\n    enabled: true\n"));
    assertThat(e.reload()).isEmpty();
    String after = metrics(e);
    assertThat(after).contains("test_beta_value 2.0").doesNotContain("test_alpha_value")
        .contains("node_scrape_collector_success{collector=\"beta\"} 1.0")
        .doesNotContain("collector=\"alpha\"");
    assertThat(value(after, "vigil_config_last_reload_successful")).isEqualTo(1.0);
    assertThat(value(after, "vigil_config_last_reload_success_timestamp_seconds")).isGreaterThan(loadedAt);
    assertThat(e.enabledCollectors()).containsExactly("beta");
  }

  @Test
  void badFileKeepsTheRunningConfigAndSaysWhere() throws Exception {
    Exporter e = start(config("  alpha:\n    enabled: true\n"));
    double loadedAt = value(metrics(e), "vigil_config_last_reload_success_timestamp_seconds");
    Files.writeString(file(), config("  alpha:\n    enabled: maybe\n"));
    Optional<String> failure = e.reload();
    assertThat(failure).contains(file() + ":7:14: collectors.alpha.enabled: expected true or false, got string "
        + "\"maybe\"");
    String body = metrics(e);
    assertThat(body).contains("test_alpha_value 1.0");
    assertThat(value(body, "vigil_config_last_reload_successful")).isEqualTo(0.0);
    assertThat(value(body, "vigil_config_last_reload_success_timestamp_seconds")).isEqualTo(loadedAt);

    Files.writeString(file(), config("  beta:\n    enabled: true\n"));
    assertThat(e.reload()).isEmpty();
    assertThat(value(metrics(e), "vigil_config_last_reload_successful")).isEqualTo(1.0);
  }

  /** Valid changes early in the file and one bad value late: none of it is applied. */
  @Test
  void partiallyBadFileAppliesNothing() throws Exception {
    Exporter e = start(config("  alpha:\n    enabled: true\n"));
    Files.writeString(file(), config("  alpha:\n    enabled: false\n  beta:\n    enabled: true\n") 
        + "scrape:\n  collector_timeout: forever\n");
    assertThat(e.reload()).get().asString().contains("scrape.collector_timeout: expected a duration");
    String body = metrics(e);
    assertThat(body).contains("test_alpha_value 1.0").doesNotContain("test_beta_value");
    assertThat(value(body, "vigil_config_last_reload_successful")).isEqualTo(0.0);
    assertThat(e.enabledCollectors()).containsExactly("alpha");
  }

  @Test
  void missingProcfsRootFailsTheReloadNotTheExporter() throws Exception {
    Exporter e = start(config("  alpha:\n    enabled: true\n"));
    Files.writeString(file(), config("  beta:\n    enabled: true\n") + "paths:\n  procfs: " + dir.resolve("nope")
        + "\n");
    assertThat(e.reload()).isPresent();
    assertThat(metrics(e)).contains("test_alpha_value 1.0");
  }

  @Test
  void servingNeverStopsWhileReloadsComeAndGo() throws Exception {
    Exporter e = start(config("  alpha:\n    enabled: true\n"));
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger served = new AtomicInteger();
    List<String> problems = new ArrayList<>();
    CompletableFuture<Void> scraper = CompletableFuture.runAsync(() -> {
      while (running.get()) {
        try {
          RawHttp.Response r = RawHttp.get(e.port(), "/metrics");
          if (r.status() != 200 || !r.body().contains("node_scrape_collector_success")) {
            problems.add(r.status() + " " + r.body());
          }
          served.incrementAndGet();
        } catch (Exception ex) {
          problems.add(ex.toString());
        }
      }
    });
    try {
      for (int i = 0; i < 30; i++) {
        String next = switch (i % 3) {
          case 0 -> config("  beta:\n    enabled: true\n");
          case 1 -> "collectors: [not, a, mapping]\n";
          default -> config("  alpha:\n    enabled: true\n  beta:\n    enabled: true\n");
        };
        Files.writeString(file(), next);
        assertThat(e.reload().isEmpty()).isEqualTo(i % 3 != 1);
        Thread.sleep(10);
      }
    } finally {
      running.set(false);
      scraper.get(30, TimeUnit.SECONDS);
    }
    assertThat(problems).isEmpty();
    assertThat(served.get()).isGreaterThan(10);
  }

  @Test
  void lifecycleEndpointReloadsOnlyWhenEnabled() throws Exception {
    Exporter off = start("web:\n  listen_address: \"127.0.0.1:0\"\ncollectors:\n  enable_defaults: false\n"
        + "  alpha:\n    enabled: true\n");
    assertThat(post(off, "/-/reload").status()).isEqualTo(403);

    Exporter on = start(config("  alpha:\n    enabled: true\n"));
    assertThat(RawHttp.get(on.port(), "/-/reload").status()).isEqualTo(405);
    Files.writeString(file(), config("  beta:\n    enabled: true\n"));
    assertThat(post(on, "/-/reload").status()).isEqualTo(200);
    assertThat(metrics(on)).contains("test_beta_value 2.0");
    Files.writeString(file(), "web: [\n");
    RawHttp.Response bad = post(on, "/-/reload");
    assertThat(bad.status()).isEqualTo(500);
    assertThat(bad.body()).startsWith("failed to reload config: " + file() + ":");
    assertThat(metrics(on)).contains("test_beta_value 2.0");
  }

  @Test
  void listenAddressChangeIsLoggedAndTheOldAddressKeepsServing() throws Exception {
    Exporter e = start(config("  alpha:\n    enabled: true\n"));
    int port = e.port();
    List<String> warnings = new ArrayList<>();
    Handler h = warnings(warnings);
    try {
      Files.writeString(file(), config("  alpha:\n    enabled: true\n").replace("127.0.0.1:0", "127.0.0.1:1")
          .replace("web:\n", "web:\n  telemetry_path: /other\n"));
      assertThat(e.reload()).isEmpty();
    } finally {
      Logger.getLogger(Exporter.class.getName()).removeHandler(h);
    }
    assertThat(warnings).contains(
        "web.listen_address changed from 127.0.0.1:0 to 127.0.0.1:1; it takes effect after a restart, still using "
            + "127.0.0.1:0",
        "web.telemetry_path changed from /metrics to /other; it takes effect after a restart, still using /metrics");
    assertThat(e.port()).isEqualTo(port);
    assertThat(metrics(e)).contains("test_alpha_value 1.0");
  }

  /** A scrape that started on the old generation finishes on it; the old one is closed only afterwards. */
  @Test
  void oldCollectorsCloseOnlyAfterTheirInFlightScrapeFinished() throws Exception {
    Exporter e = start(config("  gate:\n    enabled: true\n    timeout: 20s\n"));
    CompletableFuture<RawHttp.Response> inFlight = CompletableFuture.supplyAsync(() -> {
      try {
        return RawHttp.get(e.port(), "/metrics");
      } catch (Exception ex) {
        throw new IllegalStateException(ex);
      }
    });
    Thread.sleep(300); // the scrape is waiting for the gate
    Files.writeString(file(), config("  alpha:\n    enabled: true\n"));
    assertThat(e.reload()).isEmpty();
    assertThat(metrics(e)).contains("test_alpha_value 1.0");
    assertThat(inFlight).isNotDone();
    assertThat(gateInterrupted).isFalse();
    release.countDown();
    RawHttp.Response r = inFlight.get(20, TimeUnit.SECONDS);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("test_gate_value 1.0");
  }

  /** The real command line: SIGHUP makes a running process read its file again. */
  @Test
  void sighupReloadsARunningProcess() throws Exception {
    Path kill = ExternalBinary.require("kill", "procps");
    int port = NodeExporterProcess.freePort();
    Path conf = dir.resolve("vigil-main.yml");
    Files.writeString(conf, "collectors:\n  enable_defaults: false\n  loadavg:\n    enabled: true\n");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        "-Xmx64m", "-XX:+UseSerialGC", "io.vigil.exporter.Main", "--config.file=" + conf,
        "--web.listen-address=127.0.0.1:" + port, "--path.procfs=" + Fixtures.root().resolve("proc"),
        "--path.sysfs=" + Fixtures.root().resolve("sys"), "--log.level=warn")
        .redirectErrorStream(true).redirectOutput(dir.resolve("vigil.log").toFile()).start();
    try {
      String body = awaitMetrics(port, "node_load1 ");
      assertThat(body).doesNotContain("node_uname_info");
      Files.writeString(conf, "collectors:\n  enable_defaults: false\n  loadavg:\n    enabled: true\n"
          + "  uname:\n    enabled: true\n");
      assertThat(new ProcessBuilder(kill.toString(), "-HUP", Long.toString(p.pid())).start().waitFor()).isZero();
      assertThat(awaitMetrics(port, "node_uname_info{")).contains("vigil_config_last_reload_successful 1.0");
      Files.writeString(conf, "collectors: {\n");
      assertThat(new ProcessBuilder(kill.toString(), "-HUP", Long.toString(p.pid())).start().waitFor()).isZero();
      assertThat(awaitMetrics(port, "vigil_config_last_reload_successful 0.0")).contains("node_uname_info{");
      assertThat(p.isAlive()).isTrue();
    } finally {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    assertThat(Files.readString(dir.resolve("vigil.log"))).contains("configuration not reloaded, keeping the running "
        + "one: " + conf + ":2:1: invalid YAML");
  }

  private static String awaitMetrics(int port, String wanted) throws Exception {
    String last = "";
    for (int i = 0; i < 300; i++) {
      try {
        last = RawHttp.get(port, "/metrics").body();
        if (last.contains(wanted)) {
          return last;
        }
      } catch (java.io.IOException notYet) {
        // still starting
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no \"" + wanted + "\" in /metrics after 15 s; last answer:\n" + last);
  }

  private static RawHttp.Response post(Exporter e, String path) throws Exception {
    try (java.net.Socket s = RawHttp.connect(e.port())) {
      return RawHttp.exchange(s, "POST", path);
    }
  }

  private static Handler warnings(List<String> into) {
    Handler h = new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
          into.add(r.getMessage() != null && r.getParameters() == null ? r.getMessage()
              : java.text.MessageFormat.format(r.getMessage(), r.getParameters()));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger.getLogger(Exporter.class.getName()).addHandler(h);
    return h;
  }
}
