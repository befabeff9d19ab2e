package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.config.CollectorOptions;
import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.procfs.LinuxSources;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.ExpositionText;
import io.vigil.exporter.testing.ExpositionText.Family;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Runs Debian's {@code prometheus-node-exporter} (1.5) beside the four network collectors on this host and compares
 * family names, types, help texts and label sets exactly. Values: exact for interface properties, never below
 * node_exporter's for counters (ours are read a moment later), and not compared for socket counts and
 * {@code Tcp_CurrEstab}, which the two scrapes themselves change.
 */
class NodeExporterNetworkParityIT {

  private static final Path NODE_EXPORTER = Path.of("/usr/bin/prometheus-node-exporter");
  private static final List<String> COLLECTORS = List.of("netclass", "netdev", "netstat", "sockstat");

  @Test
  void matchesNodeExporterOnThisHost() throws Exception {
    assumeThat(Path.of("/proc/net/dev")).as("a Linux host").exists();
    if (!Files.isExecutable(NODE_EXPORTER)) {
      if ("true".equals(System.getenv("CI"))) {
        fail(NODE_EXPORTER + " is missing; install the prometheus-node-exporter package");
      }
      assumeThat(NODE_EXPORTER).as("install prometheus-node-exporter to run this comparison").isExecutable();
    }

    String theirsText;
    String oursText;
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(NODE_EXPORTER.toString(),
        "--web.listen-address=127.0.0.1:" + port, "--collector.disable-defaults"));
    COLLECTORS.forEach(c -> command.add("--collector." + c));
    Process nodeExporter = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      theirsText = scrapeWhenReady(port, nodeExporter);
      oursText = collectOurs();
    } finally {
      nodeExporter.destroy();
      nodeExporter.waitFor();
    }

    Map<String, Family> theirs = network(ExpositionText.parse(theirsText));
    Map<String, Family> ours = network(ExpositionText.parse(oursText));

    assertThat(ours.keySet()).containsExactlyElementsOf(theirs.keySet());
    theirs.forEach((name, family) -> {
      Family mine = ours.get(name);
      assertThat(mine.type()).as(name + " type").isEqualTo(family.type());
      assertThat(mine.help()).as(name + " help").isEqualTo(family.help());
      assertThat(mine.samples().keySet()).as(name + " series").containsExactlyElementsOf(family.samples().keySet());
      family.samples().forEach((series, value) -> compareValue(name, series, value, mine.samples().get(series)));
    });
  }

  private static void compareValue(String family, String series, double theirs, double ours) {
    if (family.startsWith("node_sockstat_") || family.equals("node_netstat_Tcp_CurrEstab")) {
      assertThat(ours).as(series).isNotNegative();
    } else if (family.startsWith("node_netstat_") && !family.equals("node_netstat_Ip_Forwarding")
        || family.startsWith("node_network_") && family.endsWith("_total")) {
      assertThat(ours).as(series + " (counter, read after node_exporter)").isGreaterThanOrEqualTo(theirs);
    } else {
      assertThat(ours).as(series).isEqualTo(theirs);
    }
  }

  private static Map<String, Family> network(Map<String, Family> all) {
    Map<String, Family> network = new TreeMap<>();
    all.forEach((name, family) -> {
      if (name.startsWith("node_network_") || name.startsWith("node_netstat_") || name.startsWith("node_sockstat_")) {
        network.put(name, family);
      }
    });
    return network;
  }

  private static String collectOurs() throws Exception {
    ProcFs proc = new ProcFs(Path.of("/proc"));
    SysFs sys = new SysFs(Path.of("/sys"));
    CollectorContext ctx = new CollectorContext(
        LinuxSources.create(proc, sys, HostPaths.defaults()), java.util.Optional.of(proc),
        java.util.Optional.of(sys), HostPaths.defaults(), CollectorOptions.DEFAULT);
    List<MetricSnapshot> families = new ArrayList<>();
    for (String name : COLLECTORS) {
      families.addAll(CollectorCatalogue.find(name).orElseThrow().factory().create(ctx).collect());
    }
    return MetricsText.of(families);
  }

  private static String scrapeWhenReady(int port, Process process) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
        .timeout(Duration.ofSeconds(10)).build();
    for (int attempt = 0; attempt < 100; attempt++) {
      if (!process.isAlive()) {
        fail("node_exporter exited with " + process.exitValue());
      }
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return response.body();
        }
      } catch (IOException notListeningYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("node_exporter did not answer on port " + port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
