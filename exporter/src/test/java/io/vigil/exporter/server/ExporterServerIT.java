package io.vigil.exporter.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.Exporter;
import io.vigil.exporter.collector.CollectorDefinition;
import io.vigil.exporter.config.CollectorOptions;
import io.vigil.exporter.config.ScrapeSettings;
import io.vigil.exporter.config.VigilConfig;
import io.vigil.exporter.config.WebSettings;
import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.testing.TestCollectors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExporterServerIT {

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<Exporter> started = new ArrayList<>();

  @AfterEach
  void stop() {
    release.countDown();
    started.forEach(Exporter::close);
  }

  private Exporter start(int maxRequests, List<CollectorDefinition> catalogue) throws IOException {
    WebSettings web = new WebSettings("127.0.0.1:0", "/metrics", maxRequests, Duration.ofSeconds(10),
        Duration.ofSeconds(30), false, Optional.empty());
    VigilConfig config = new VigilConfig(web, new ScrapeSettings(Duration.ofMillis(500), Duration.ofSeconds(10)),
        HostPaths.defaults(), CollectorOptions.DEFAULT, Optional.empty());
    Exporter e = Exporter.start(config, catalogue);
    started.add(e);
    return e;
  }

  private HttpResponse<byte[]> get(Exporter e, String pathAndQuery, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + e.port() + pathAndQuery))
        .timeout(Duration.ofSeconds(20));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void servesTextFormatByDefault() throws Exception {
    Exporter e = start(40, List.of(TestCollectors.fixed("a", 7)));
    HttpResponse<byte[]> r = get(e, "/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(text(r))
        .contains("test_a_value 7.0")
        .contains("node_scrape_collector_success{collector=\"a\"} 1.0")
        .contains("vigil_build_info{")
        .contains("jvm_memory_used_bytes{area=\"heap\"}")
        .contains("process_open_fds");
  }

  @Test
  void negotiatesOpenMetricsAndProtobufAndGzip() throws Exception {
    Exporter e = start(40, List.of(TestCollectors.fixed("a", 7)));
    HttpResponse<byte[]> om = get(e, "/metrics", "Accept",
        "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
            + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
    assertThat(om.headers().firstValue("Content-Type")).contains("application/openmetrics-text; version=1.0.0; charset=utf-8");
    assertThat(text(om)).endsWith("# EOF\n");

    HttpResponse<byte[]> pb = get(e, "/metrics", "Accept",
        "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited");
    assertThat(pb.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.google.protobuf");
    assertThat(new String(pb.body(), StandardCharsets.ISO_8859_1)).contains("test_a_value");

    HttpResponse<byte[]> gz = get(e, "/metrics", "Accept-Encoding", "gzip");
    assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("test_a_value 7.0");
    }
  }

  @Test
  void collectAndExcludeFilterCollectorsWithNodeExporterSemantics() throws Exception {
    Exporter e = start(40, List.of(TestCollectors.fixed("a", 1), TestCollectors.fixed("b", 2)));
    assertThat(text(get(e, "/metrics?collect[]=b"))).contains("test_b_value").doesNotContain("test_a_value");
    assertThat(text(get(e, "/metrics?exclude%5B%5D=b"))).contains("test_a_value").doesNotContain("test_b_value");
    HttpResponse<byte[]> unknown = get(e, "/metrics?collect[]=nosuch");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(text(unknown)).contains("unknown or disabled collector \"nosuch\"");
    assertThat(get(e, "/metrics?collect[]=a&exclude[]=b").statusCode()).isEqualTo(400);
  }

  @Test
  void nameFilterSelectsFamiliesBySeriesOrFamilyName() throws Exception {
    Exporter e = start(40, List.of(TestCollectors.fixed("a", 1), TestCollectors.fixed("b", 2)));
    String body = text(get(e, "/metrics?name[]=test_b_value&name[]=vigil_build_info"));
    assertThat(body).contains("test_b_value").contains("vigil_build_info").doesNotContain("test_a_value")
        .doesNotContain("jvm_");
  }

  @Test
  void hungCollectorDoesNotFailTheScrapeNorPileUpThreads() throws Exception {
    Exporter e = start(40, List.of(TestCollectors.hanging("hung", release), TestCollectors.fixed("ok", 1)));
    long start = System.nanoTime();
    HttpResponse<byte[]> first = get(e, "/metrics", "X-Prometheus-Scrape-Timeout-Seconds", "1");
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(seconds).as("answered within the scrape timeout").isLessThan(1.0);
    assertThat(text(first))
        .contains("node_scrape_collector_success{collector=\"hung\"} 0.0")
        .contains("node_scrape_collector_success{collector=\"ok\"} 1.0")
        .contains("test_ok_value 1.0")
        .doesNotContain("test_hung_value");
    long collectorThreadsBefore = threads("vigil-collector-");
    for (int i = 0; i < 20; i++) {
      HttpResponse<byte[]> r = get(e, "/metrics", "X-Prometheus-Scrape-Timeout-Seconds", "0.7");
      assertThat(text(r)).contains("test_ok_value 1.0").contains("collector=\"hung\"} 0.0");
    }
    // A pile-up would be a thread per scrape; a busy machine that keeps the free runner off the CPU for longer than
    // the runner's grace period may add one extra runner, which ends after 30 s idle.
    assertThat(threads("vigil-collector-")).as("collector threads after 20 scrapes with a hung collector")
        .isLessThanOrEqualTo(collectorThreadsBefore + 2);
    assertThat(threads("vigil-http-")).as("HTTP workers stay within the pool bound").isLessThanOrEqualTo(44);
  }

  @Test
  void requestsOverTheCapGet503() throws Exception {
    Exporter e = start(1, List.of(TestCollectors.hanging("hung", release)));
    CompletableFuture<HttpResponse<byte[]>> first = CompletableFuture.supplyAsync(() -> {
      try {
        return get(e, "/metrics");
      } catch (Exception ex) {
        throw new IllegalStateException(ex);
      }
    });
    HttpResponse<byte[]> second = null;
    for (int i = 0; i < 200 && (second == null || second.statusCode() != 503); i++) {
      Thread.sleep(20);
      second = get(e, "/metrics", "X-Prometheus-Scrape-Timeout-Seconds", "0.3");
    }
    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(get(e, "/-/healthy").statusCode()).as("health checks are not capped").isEqualTo(200);
    release.countDown();
    assertThat(first.get().statusCode()).isEqualTo(200);
  }

  @Test
  void readyOnlyAfterTheFirstCollection() throws Exception {
    Exporter e = start(40, List.of(TestCollectors.hanging("slow", release)));
    assertThat(get(e, "/-/healthy").statusCode()).isEqualTo(200);
    assertThat(get(e, "/-/ready").statusCode()).isEqualTo(503);
    release.countDown();
    int status = 0;
    for (int i = 0; i < 250 && status != 200; i++) {
      Thread.sleep(20);
      status = get(e, "/-/ready").statusCode();
    }
    assertThat(status).isEqualTo(200);
  }

  @Test
  void landingPageListsCollectorsWithTheirLastResult() throws Exception {
    Exporter e = start(40, List.of(TestCollectors.fixed("alpha", 1), TestCollectors.throwing("beta")));
    get(e, "/metrics");
    HttpResponse<byte[]> r = get(e, "/");
    assertThat(r.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    assertThat(text(r)).contains("<td>alpha</td>").contains("<td>ok</td>")
        .contains("<td>beta</td>").contains("failed: IOException: injected failure")
        .contains("href=\"/metrics\"");
  }

  @Test
  void unknownPathsAreNotFoundEvenWithAKnownPrefix() throws Exception {
    Exporter e = start(40, List.of(TestCollectors.fixed("a", 1)));
    assertThat(get(e, "/nothing").statusCode()).isEqualTo(404);
    assertThat(get(e, "/metricsfoo").statusCode()).isEqualTo(404);
    assertThat(get(e, "/-/healthyx").statusCode()).isEqualTo(404);
  }

  @Test
  void badTimeoutHeaderIsABadRequest() throws Exception {
    Exporter e = start(40, List.of(TestCollectors.fixed("a", 1)));
    assertThat(get(e, "/metrics", "X-Prometheus-Scrape-Timeout-Seconds", "soon").statusCode()).isEqualTo(400);
  }

  @Test
  void keepAliveScrapesReuseOneConnection() throws Exception {
    Exporter e = start(40, List.of(TestCollectors.fixed("a", 1)));
    try (Socket s = new Socket("127.0.0.1", e.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      for (int i = 0; i < 3; i++) {
        out.write("GET /-/healthy HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead(in);
        assertThat(head).startsWith("HTTP/1.1 200");
        int length = Integer.parseInt(head.replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
        assertThat(in.readNBytes(length)).hasSize(length);
      }
    }
  }

  @Test
  void slowClientIsDisconnectedAndDoesNotBlockScrapes() throws Exception {
    Exporter e = start(40, List.of(TestCollectors.fixed("a", 1)));
    try (Socket slow = new Socket("127.0.0.1", e.port())) {
      slow.setSoTimeout(15_000);
      slow.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
      slow.getOutputStream().flush();
      assertThat(get(e, "/metrics").statusCode()).as("others are served meanwhile").isEqualTo(200);
      // The test JVM sets sun.net.httpserver.maxReqTime=2: the server must drop the half-sent request.
      int read;
      try {
        read = slow.getInputStream().read();
      } catch (java.net.SocketException reset) {
        read = -1;
      }
      assertThat(read).as("connection closed by the server").isEqualTo(-1);
    }
  }

  /** Live threads whose name starts with the prefix (the exporter names all of its threads). */
  private static long threads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    while (!b.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        break;
      }
      b.append((char) c);
    }
    return b.toString();
  }
}
