package io.vigil.exporter.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.Exporter;
import io.vigil.exporter.testing.RawHttp;
import io.vigil.exporter.testing.TestCollectors;
import io.vigil.exporter.testing.TestExporters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile and odd clients on loopback. Every loop is bounded and every test ends by itself; the test JVM runs with
 * {@code sun.net.httpserver.maxReqTime=2} (see the POM), so a client that stalls is cut off after 2 s. After each
 * test the exporter is closed and its HTTP threads must be gone.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileClientsIT {

  private Exporter exporter;
  private int port;
  private final List<Socket> sockets = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    exporter = Exporter.start(TestExporters.config(TestExporters.web(Optional.empty(), false, false)),
        List.of(TestCollectors.fixed("a", 7)));
    port = exporter.port();
  }

  @AfterEach
  void stop() throws Exception {
    for (Socket s : sockets) {
      s.close();
    }
    exporter.close();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (httpThreads() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(httpThreads()).as("HTTP worker threads left after close").isZero();
  }

  private static long httpThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("vigil-http-")).count();
  }

  /** A normal Prometheus-like scrape must answer, and fast: well under the 2 s a stalled request is given. */
  private void assertNormalScrapeServed() throws IOException {
    long start = System.nanoTime();
    try (Socket s = RawHttp.connect(port)) {
      s.setSoTimeout(1_500);
      RawHttp.Response r = RawHttp.exchange(s, "GET", "/metrics", "Accept-Encoding", "identity");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).contains("test_a_value 7.0");
    }
    assertThat((System.nanoTime() - start) / 1e9).as("seconds for a normal scrape").isLessThan(1.5);
  }

  private Socket open() throws IOException {
    Socket s = RawHttp.connect(port);
    sockets.add(s);
    return s;
  }

  @Test
  void slowLorisClientsDoNotDelayNormalScrapesAndAreCutOff() throws Exception {
    List<Socket> slow = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Socket s = open();
      s.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
      slow.add(s);
    }
    AtomicBoolean trickling = new AtomicBoolean(true);
    CompletableFuture<Void> trickle = CompletableFuture.runAsync(() -> {
      for (int round = 0; round < 40 && trickling.get(); round++) {
        for (Socket s : slow) {
          try {
            s.getOutputStream().write(("X-Slow-" + round + ": 1\r\n").getBytes(StandardCharsets.US_ASCII));
          } catch (IOException cutOff) {
            // the server has dropped this one: that is the point
          }
        }
        sleep(100);
      }
    });
    for (int i = 0; i < 10; i++) {
      assertNormalScrapeServed();
    }
    trickle.get(10, TimeUnit.SECONDS);
    trickling.set(false);
    for (Socket s : slow) {
      assertThat(readToEnd(s)).as("a slow client gets no answer and is disconnected").doesNotContain("200 OK");
    }
    assertNormalScrapeServed();
  }

  @Test
  void oversizedRequestLineAndHeadersAreRefusedWithoutBufferingThem() throws Exception {
    long heapBefore = usedHeapAfterGc();
    Socket longUrl = open();
    longUrl.getOutputStream().write(("GET /metrics?" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    assertThat(readToEnd(longUrl)).doesNotContain("200 OK");

    Socket manyHeaders = open();
    StringBuilder req = new StringBuilder("GET /metrics HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < 500; i++) {
      req.append("X-H").append(i).append(": v\r\n");
    }
    manyHeaders.getOutputStream().write(req.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    assertThat(readToEnd(manyHeaders)).doesNotContain("200 OK");

    // 50 MB of one header line: the server must stop reading long before.
    Socket flood = open();
    long written = 0;
    byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
    try {
      OutputStream out = flood.getOutputStream();
      out.write("GET /metrics HTTP/1.1\r\nX-Big: ".getBytes(StandardCharsets.US_ASCII));
      while (written < 50L << 20) {
        out.write(chunk);
        written += chunk.length;
      }
    } catch (SocketException refused) {
      // connection reset by the server: expected
    }
    assertThat(written).as("bytes the server accepted before cutting off a 50 MB header").isLessThan(50L << 20);
    assertNormalScrapeServed();
    assertThat(usedHeapAfterGc() - heapBefore).as("heap growth in bytes").isLessThan(16L << 20);
  }

  @Test
  void twoHundredConcurrentConnectionsAreAllAnsweredAndNormalScrapesGoOn() throws Exception {
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    long heapBefore = usedHeapAfterGc();
    List<Socket> many = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      many.add(open());
    }
    byte[] health = "GET /-/healthy HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    for (Socket s : many) {
      s.getOutputStream().write(health);
    }
    assertNormalScrapeServed();
    for (Socket s : many) {
      assertThat(RawHttp.read(s.getInputStream(), false).status()).isEqualTo(200);
    }
    int threadsDuring = ManagementFactory.getThreadMXBean().getThreadCount();
    assertThat(threadsDuring - threadsBefore).as("threads added for 200 connections")
        .isLessThanOrEqualTo(40 + ExporterServer.SPARE_WORKERS + 4);
    // 200 scrapes at once on the same (kept-alive) connections: the scrape cap answers the surplus with 503.
    byte[] scrape = "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    for (Socket s : many) {
      s.getOutputStream().write(scrape);
    }
    int ok = 0;
    for (Socket s : many) {
      RawHttp.Response r = RawHttp.read(s.getInputStream(), false);
      assertThat(r.status()).as("200, or 503 past web.max_requests").isIn(200, 503);
      ok += r.status() == 200 ? 1 : 0;
    }
    assertThat(ok).isPositive();
    assertNormalScrapeServed();
    assertThat(exporter.httpWorkers()).isLessThanOrEqualTo(40 + ExporterServer.SPARE_WORKERS);
    for (Socket s : many) {
      s.close();
    }
    assertThat(usedHeapAfterGc() - heapBefore).as("heap growth in bytes").isLessThan(16L << 20);
  }

  @Test
  void garbageBytesGetAnErrorOrACloseAndNothingElse() throws Exception {
    Random random = new Random(42);
    List<byte[]> inputs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      byte[] noise = new byte[random.nextInt(2000) + 1];
      random.nextBytes(noise);
      inputs.add(noise);
    }
    for (String s : List.of("\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "GET /metrics HTTP/1.1\r\nbad header\r\n\r\n",
        "POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
        "POST /-/reload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n",
        "\u0016\u0003\u0001\u0000\u0005hello", "GET /%00%ff/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /metrics?collect[]=%zz&name[]=%00 HTTP/1.1\r\nHost: x\r\n\r\n")) {
      inputs.add(s.getBytes(StandardCharsets.ISO_8859_1));
    }
    for (byte[] input : inputs) {
      Socket s = open();
      s.getOutputStream().write(input);
      s.shutdownOutput();
      String answer = readToEnd(s);
      assertThat(answer).as("answer to %d garbage bytes", input.length).satisfiesAnyOf(
          a -> assertThat(a).isEmpty(),
          a -> assertThat(a).startsWith("HTTP/1.1 4"),
          a -> assertThat(a).startsWith("HTTP/1.1 5"));
    }
    assertNormalScrapeServed();
  }

  @Test
  void http10RequestsAreAnsweredAndTheConnectionClosed() throws Exception {
    Socket s = open();
    s.getOutputStream().write("GET /metrics HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    String answer = readToEnd(s);
    assertThat(answer).startsWith("HTTP/1.1 200").contains("test_a_value 7.0");
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    Socket s = open();
    s.getOutputStream().write(("GET /-/healthy HTTP/1.1\r\nHost: x\r\n\r\n"
        + "GET /metrics?name[]=test_a_value HTTP/1.1\r\nHost: x\r\n\r\n"
        + "GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    s.setSoTimeout(5_000);
    InputStream in = s.getInputStream();
    RawHttp.Response first = RawHttp.read(in, false);
    RawHttp.Response second = RawHttp.read(in, false);
    RawHttp.Response third = RawHttp.read(in, false);
    assertThat(first.body()).isEqualTo("Healthy.\n");
    assertThat(second.body()).contains("test_a_value 7.0");
    assertThat(third.status()).isEqualTo(404);
    assertNormalScrapeServed();
  }

  /** Reads what the server sends until it closes the connection (bounded by the socket timeout and 1 MiB). */
  private static String readToEnd(Socket s) {
    StringBuilder b = new StringBuilder();
    byte[] buf = new byte[8192];
    try {
      s.setSoTimeout(8_000);
      InputStream in = s.getInputStream();
      for (int n = in.read(buf); n > 0 && b.length() < (1 << 20); n = in.read(buf)) {
        b.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
      }
    } catch (IOException closed) {
      // reset or timeout: what arrived before is the answer
    }
    return b.toString();
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      sleep(50);
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
