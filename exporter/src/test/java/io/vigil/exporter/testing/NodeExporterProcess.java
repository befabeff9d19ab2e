package io.vigil.exporter.testing;

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
import java.util.concurrent.TimeUnit;

/** Debian's node_exporter on a free loopback port, for side-by-side comparisons. Always {@link #close()} it. */
public final class NodeExporterProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;

  private NodeExporterProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts node_exporter with {@code --no-collector.systemd} (no systemd here) plus {@code extraFlags}. */
  public static NodeExporterProcess start(String... extraFlags) throws Exception {
    Path binary = ExternalBinary.require("prometheus-node-exporter", "prometheus-node-exporter");
    int port = freePort();
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--web.listen-address=127.0.0.1:" + port,
        "--no-collector.systemd", "--log.level=error"));
    cmd.addAll(List.of(extraFlags));
    Path log = Files.createTempFile("node-exporter", ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    NodeExporterProcess ne = new NodeExporterProcess(p, port, log);
    ne.awaitUp();
    return ne;
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private void awaitUp() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node_exporter exited: " + Files.readString(log));
      }
      try {
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url("/"))).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        Thread.sleep(20); // not listening yet
      }
    }
    throw new IllegalStateException("node_exporter did not start in 15 s: " + Files.readString(log));
  }

  public String url(String pathAndQuery) {
    return "http://127.0.0.1:" + port + pathAndQuery;
  }

  public int port() {
    return port;
  }

  /** GETs a page as text. */
  public static String fetch(String url) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    Files.deleteIfExists(log);
  }
}
