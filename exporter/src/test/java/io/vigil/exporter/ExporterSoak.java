package io.vigil.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.testing.ExternalBinary;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.NodeExporterProcess;
import io.vigil.exporter.testing.RawHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Soak ({@code mvn -B -Psoak test}, not in the default run): the exporter as a separate process with the launcher's
 * JVM flags, scraped ten times a second for {@code soak.minutes} (default 10) while its configuration is reloaded
 * every 5 s (POST /-/reload and SIGHUP in turn; every fourth file is broken) and the loadavg collector flaps (its
 * file vanishes and comes back every 3 s). Every scrape must answer 200; RSS, threads and open files must be flat:
 * the last sample within 15 % (+4 MiB) of the one after the first two minutes' warm-up for RSS, and no higher than
 * the warm-up maximum for threads and file descriptors. Figures go to {@code target/soak-report.md}.
 */
class ExporterSoak {

  @TempDir Path dir;

  record Sample(long second, long rssKb, int threads, int fds, long scrapes) {}

  @Test
  void scrapesForMinutesWithReloadsAndAFlappingCollectorWithoutGrowth() throws Exception {
    Path kill = ExternalBinary.require("kill", "procps");
    long minutes = Long.getLong("soak.minutes", 10);
    Path proc = dir.resolve("proc");
    copyTree(Fixtures.root().resolve("proc"), proc);
    Path loadavg = proc.resolve("loadavg");
    Path loadavgAway = dir.resolve("loadavg.away");
    Path conf = dir.resolve("vigil.yml");
    List<String> configs = List.of(
        "collectors:\n  enable_defaults: false\n  loadavg: {enabled: true}\n  meminfo: {enabled: true}\n"
            + "  stat: {enabled: true}\n  vmstat: {enabled: true}\n  netdev: {enabled: true}\n",
        "collectors:\n  enable_defaults: false\n  loadavg: {enabled: true, timeout: 2s}\n  meminfo: {enabled: true}\n"
            + "  stat: {enabled: true}\n  pressure: {enabled: true}\n  uname: {enabled: true}\n",
        "collectors:\n  enable_defaults: false\n  loadavg: {enabled: true}\n  cpu: {enabled: true}\n"
            + "  sockstat: {enabled: true}\n  filefd: {enabled: true}\n",
        "collectors: {enable_defaults: maybe\n");
    Files.writeString(conf, configs.get(0));
    int port = NodeExporterProcess.freePort();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-XX:+UseSerialGC", "-Xms16m", "-Xmx64m", "-Xss512k",
        "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=16m", "-XX:MaxMetaspaceSize=64m",
        "-Dsun.net.httpserver.nodelay=true", "-cp", System.getProperty("java.class.path"), "io.vigil.exporter.Main",
        "--config.file=" + conf, "--web.listen-address=127.0.0.1:" + port, "--web.enable-lifecycle",
        "--path.procfs=" + proc, "--path.sysfs=" + Fixtures.root().resolve("sys"), "--log.level=error")
        .redirectErrorStream(true).redirectOutput(dir.resolve("exporter.log").toFile()).start();
    List<Sample> samples = new ArrayList<>();
    long scrapes = 0;
    List<String> failures = new ArrayList<>();
    int reloadsOk = 0;
    int reloadsFailed = 0;
    try {
      awaitUp(port);
      long start = System.nanoTime();
      long end = start + TimeUnit.MINUTES.toNanos(minutes);
      long nextReload = start + TimeUnit.SECONDS.toNanos(5);
      long nextFlap = start + TimeUnit.SECONDS.toNanos(3);
      long nextSample = start;
      int reloads = 0;
      while (System.nanoTime() < end) {
        long now = System.nanoTime();
        if (now >= nextSample) {
          samples.add(sample(p.pid(), (now - start) / 1_000_000_000L, scrapes));
          nextSample += TimeUnit.SECONDS.toNanos(10);
        }
        if (now >= nextFlap) {
          if (Files.exists(loadavg)) {
            Files.move(loadavg, loadavgAway, StandardCopyOption.REPLACE_EXISTING);
          } else {
            Files.move(loadavgAway, loadavg, StandardCopyOption.REPLACE_EXISTING);
          }
          nextFlap += TimeUnit.SECONDS.toNanos(3);
        }
        if (now >= nextReload) {
          int which = reloads % 4;
          Files.writeString(conf, configs.get(which));
          if (reloads % 2 == 0) {
            try (java.net.Socket s = RawHttp.connect(port)) {
              int status = RawHttp.exchange(s, "POST", "/-/reload").status();
              if (status == 200) {
                reloadsOk++;
              } else {
                reloadsFailed++;
              }
              assertThat(status).isEqualTo(which == 3 ? 500 : 200);
            }
          } else {
            new ProcessBuilder(kill.toString(), "-HUP", Long.toString(p.pid())).start().waitFor();
            if (which == 3) {
              reloadsFailed++;
            } else {
              reloadsOk++;
            }
          }
          reloads++;
          nextReload += TimeUnit.SECONDS.toNanos(5);
        }
        try {
          RawHttp.Response r = RawHttp.get(port, "/metrics", "X-Prometheus-Scrape-Timeout-Seconds", "5");
          if (r.status() != 200 || !r.body().contains("node_scrape_collector_success{collector=\"loadavg\"}")) {
            failures.add(Instant.now() + " " + r.status());
          }
        } catch (IOException e) {
          failures.add(Instant.now() + " " + e);
        }
        scrapes++;
        Thread.sleep(100);
      }
      samples.add(sample(p.pid(), (System.nanoTime() - start) / 1_000_000_000L, scrapes));
      assertThat(p.isAlive()).isTrue();
    } finally {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      writeReport(minutes, samples, scrapes, failures, reloadsOk, reloadsFailed);
    }
    assertThat(failures).as("scrapes that did not answer 200 with the collectors' status").isEmpty();
    Sample warm = samples.stream().filter(s -> s.second() >= 120).findFirst().orElse(samples.get(0));
    Sample last = samples.get(samples.size() - 1);
    int warmThreads = samples.stream().filter(s -> s.second() <= warm.second()).mapToInt(Sample::threads).max()
        .orElseThrow();
    int warmFds = samples.stream().filter(s -> s.second() <= warm.second()).mapToInt(Sample::fds).max().orElseThrow();
    assertThat(last.rssKb()).as("RSS (KiB) at the end vs after warm-up " + warm.rssKb())
        .isLessThanOrEqualTo((long) (warm.rssKb() * 1.15) + 4096);
    assertThat(last.threads()).as("threads at the end").isLessThanOrEqualTo(warmThreads + 2);
    assertThat(last.fds()).as("open files at the end").isLessThanOrEqualTo(warmFds + 2);
  }

  private static void awaitUp(int port) throws Exception {
    for (int i = 0; i < 300; i++) {
      try {
        if (RawHttp.get(port, "/-/healthy").status() == 200) {
          return;
        }
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("exporter did not start");
  }

  private static Sample sample(long pid, long second, long scrapes) throws IOException {
    long rss = 0;
    int threads = 0;
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
      } else if (line.startsWith("Threads:")) {
        threads = Integer.parseInt(line.replaceAll("[^0-9]", ""));
      }
    }
    int fds;
    try (Stream<Path> s = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      fds = (int) s.count();
    }
    return new Sample(second, rss, threads, fds, scrapes);
  }

  private static void writeReport(long minutes, List<Sample> samples, long scrapes, List<String> failures,
      int reloadsOk, int reloadsFailed) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("Soak: ").append(minutes).append(" min, ").append(scrapes).append(" scrapes (").append(failures.size())
        .append(" not 200), reloads ").append(reloadsOk).append(" ok / ").append(reloadsFailed)
        .append(" refused (broken file), loadavg flapping every 3 s; JVM ")
        .append(System.getProperty("java.version")).append(", ").append(Runtime.getRuntime().availableProcessors())
        .append(" CPUs\n\n| second | scrapes | RSS MiB | threads | open fds |\n|---|---|---|---|---|\n");
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      if (i % 6 == 0 || i == samples.size() - 1) {
        b.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %d | %d |%n", s.second(), s.scrapes(),
            s.rssKb() / 1024.0, s.threads(), s.fds()));
      }
    }
    Path report = Path.of("target", "soak-report.md");
    Files.createDirectories(report.getParent());
    Files.writeString(report, b.toString());
    System.out.println(b);
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
