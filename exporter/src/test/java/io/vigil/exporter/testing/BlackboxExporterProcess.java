package io.vigil.exporter.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's blackbox_exporter on a free loopback port with a given module config. Always {@link #close()} it. */
public final class BlackboxExporterProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path dir;

  private BlackboxExporterProcess(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  public static BlackboxExporterProcess start(String modulesYaml) throws Exception {
    Path binary = ExternalBinary.require("prometheus-blackbox-exporter", "prometheus-blackbox-exporter");
    Path dir = Files.createTempDirectory("blackbox");
    Path config = Files.writeString(dir.resolve("blackbox.yml"), modulesYaml);
    int port = NodeExporterProcess.freePort();
    Process p = new ProcessBuilder(List.of(binary.toString(), "--config.file=" + config,
        "--web.listen-address=127.0.0.1:" + port, "--log.level=error"))
        .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
    BlackboxExporterProcess bb = new BlackboxExporterProcess(p, port, dir);
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("blackbox_exporter exited: " + Files.readString(dir.resolve("log")));
      }
      try {
        if (client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return bb;
        }
      } catch (java.io.IOException notYet) {
        Thread.sleep(20);
      }
    }
    bb.close();
    throw new IllegalStateException("blackbox_exporter did not start in 15 s");
  }

  /** {@code /probe?module=M&target=T}, as text. */
  public String probe(String module, String target) throws Exception {
    return get("http://127.0.0.1:" + port, module, target);
  }

  /** GETs {@code base/probe?module=..&target=..}; returns the body of a 200. */
  public static String get(String base, String module, String target) throws Exception {
    String url = base + "/probe?module=" + URLEncoder.encode(module, StandardCharsets.UTF_8) + "&target="
        + URLEncoder.encode(target, StandardCharsets.UTF_8);
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
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    }
    Files.deleteIfExists(dir);
  }
}
