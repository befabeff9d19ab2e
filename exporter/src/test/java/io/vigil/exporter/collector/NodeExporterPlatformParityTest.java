package io.vigil.exporter.collector;

import io.vigil.exporter.testing.CollectorOutput;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.config.CollectorOptions;
import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.procfs.LinuxSources;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs Debian's node_exporter 1.5 ({@code prometheus-node-exporter}) with {@code --path.sysfs} and
 * {@code --path.procfs} on each platform fixture tree and checks that Vigil's {@code bonding}, {@code cpufreq},
 * {@code edac}, {@code infiniband}, {@code ipvs}, {@code powersupplyclass} and {@code rapl} collectors, built through
 * the catalogue, give the same families, HELP texts, types, label sets, values and collector success. Every collector
 * runs on every tree, so each tree also checks what both do where that hardware is absent. Values are compared as
 * numbers.
 *
 * <p>Skipped with a message when the binary is missing, except in CI ({@code CI=true}), where that fails.
 */
class NodeExporterPlatformParityTest {

  private static final List<String> COLLECTORS =
      List.of("bonding", "cpufreq", "edac", "infiniband", "ipvs", "powersupplyclass", "rapl");
  private static Path binary;

  @BeforeAll
  static void findNodeExporter() {
    Optional<Path> found =
        Stream.of("/usr/bin/prometheus-node-exporter", "/usr/bin/node_exporter", "/usr/local/bin/node_exporter")
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst();
    if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("node_exporter is required in CI: apt-get install prometheus-node-exporter");
    }
    Assumptions.assumeTrue(
        found.isPresent(), "node_exporter not installed (apt-get install prometheus-node-exporter): parity skipped");
    binary = found.get();
  }

  /** Fixture roots holding {@code sys/} and, where a collector reads it, {@code proc/}. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        ".",
        "CpufreqCollectorTest/acpiCpufreqXeon",
        "PowerSupplyClassCollectorTest/thinkpadLaptop",
        "PowerSupplyClassCollectorTest/armChromebook",
        "RaplCollectorTest/dualSocketXeon",
        "EdacCollectorTest/poweredgeR640",
        "BondingCollectorTest/poweredgeR640",
        "BondingCollectorTest/centos7SlavePrefix",
        "InfinibandCollectorTest/hpcNodeConnectX5",
        "InfinibandCollectorTest/oldClusterMlx4",
        "IpvsCollectorTest/keepalivedLoadBalancer",
      })
  void vigilReportsWhatNodeExporterReportsForTheSameTree(String tree, @TempDir Path empty) throws Exception {
    Path root = Fixtures.root().resolve(tree).normalize();
    // node_exporter will not start with a missing --path.procfs: a tree without proc/ (or sys/) gets an empty one
    Path proc = existingOrEmpty(root.resolve("proc"), empty.resolve("proc"));
    Path sys = existingOrEmpty(root.resolve("sys"), empty.resolve("sys"));
    CollectorOutput theirs = Parsed.of(nodeExporterOutput(proc, sys));
    CollectorOutput ours = Parsed.of(vigilOutput(proc, sys));
    assertThat(ours.metadata()).as("HELP and TYPE per family").isEqualTo(theirs.metadata());
    assertThat(ours.samples().keySet()).as("series").isEqualTo(theirs.samples().keySet());
    theirs.samples().forEach(
        (series, value) -> assertThat(ours.samples().get(series)).as(series).isEqualTo(value));
  }

  private static Path existingOrEmpty(Path dir, Path empty) throws IOException {
    return Files.isDirectory(dir) ? dir : Files.createDirectories(empty);
  }

  /** Our collectors as the exporter builds them, plus the success gauge the runner would add. */
  private static String vigilOutput(Path procRoot, Path sysRoot) throws Exception {
    SysFs sys = new SysFs(sysRoot);
    ProcFs proc = new ProcFs(procRoot);
    HostPaths paths = new HostPaths(procRoot, sysRoot, Path.of("/"), Path.of("/run/udev/data"));
    CollectorContext ctx =
        new CollectorContext(
            LinuxSources.create(proc, sys, paths), Optional.of(proc), Optional.of(sys), paths,
            CollectorOptions.DEFAULT);
    StringBuilder text = new StringBuilder();
    for (String name : COLLECTORS) {
      boolean success;
      try {
        List<MetricSnapshot> families = CollectorCatalogue.find(name).orElseThrow().factory().create(ctx).collect();
        text.append(MetricsText.of(families));
        success = true;
      } catch (Exception e) {
        success = false;
      }
      text.append("node_scrape_collector_success{collector=\"").append(name).append("\"} ")
          .append(success ? 1 : 0).append('\n');
    }
    return text.toString();
  }

  private static String nodeExporterOutput(Path proc, Path sys) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process process =
        new ProcessBuilder(command(port, proc, sys))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
              .timeout(Duration.ofSeconds(5))
              .build();
      IOException last = null;
      for (int attempt = 0; attempt < 100 && process.isAlive(); attempt++) {
        try {
          return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
          last = e; // not listening yet
          Thread.sleep(50);
        }
      }
      throw new IllegalStateException("node_exporter did not answer on port " + port, last);
    } finally {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  private static List<String> command(int port, Path proc, Path sys) {
    List<String> command = new java.util.ArrayList<>(List.of(
        binary.toString(),
        "--web.listen-address=127.0.0.1:" + port,
        "--path.sysfs=" + sys,
        "--path.procfs=" + proc,
        "--web.disable-exporter-metrics",
        "--collector.disable-defaults"));
    COLLECTORS.forEach(c -> command.add("--collector." + c));
    return command;
  }

  /** The families of our collectors in one exposition text. */
  private static final List<String> FAMILY_PREFIXES = List.of(
      "node_cpu_frequency_", "node_cpu_scaling_", "node_power_supply_", "node_rapl_", "node_edac_",
      "node_bonding_", "node_infiniband_", "node_ipvs_");

  private static final class Parsed {
    private Parsed() {}

    static CollectorOutput of(String text) {
      return CollectorOutput.of(text, FAMILY_PREFIXES, List.copyOf(COLLECTORS));
    }
  }
}
