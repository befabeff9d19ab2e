package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.config.ProbeConfig;
import io.vigil.exporter.testing.Exposition;
import io.vigil.exporter.testing.MetricsText;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProbeCollectorTest {

  @Test
  void aHangingTargetIsReportedAsFailedWithinTheScrapeDeadline() throws Exception {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept()); // accepts, never answers
          }
        } catch (java.io.IOException closed) {
          // test over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      ProbeConfig.Module slow = new ProbeConfig.Module("http_slow", ProbeConfig.Prober.HTTP, Duration.ofSeconds(30),
          false, ProbeConfig.HttpOptions.DEFAULT);
      ProbeConfig.Module tcp = new ProbeConfig.Module("tcp", ProbeConfig.Prober.TCP, Duration.ofSeconds(30), false,
          ProbeConfig.HttpOptions.DEFAULT);
      String url = "http://127.0.0.1:" + silent.getLocalPort() + "/";
      String hostPort = "127.0.0.1:" + silent.getLocalPort();
      ProbeConfig config = new ProbeConfig(Map.of("http_slow", slow, "tcp", tcp), List.of(
          new ProbeConfig.Target("hanging", "http_slow", url),
          new ProbeConfig.Target("listening", "tcp", hostPort)), List.of());
      try (ProbeCollector collector = new ProbeCollector(config)) {
        long start = System.nanoTime();
        Exposition e = Exposition.parse(MetricsText.of(
            collector.collect(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(700))));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds).isLessThan(5); // bounded by the deadline, not the 30 s module timeout
        assertThat(e.family("probe_success").orElseThrow().find(Map.of("probe", "hanging", "target", url))
            .orElseThrow().value()).isZero();
        assertThat(e.family("probe_success").orElseThrow().find(Map.of("probe", "listening", "target", hostPort))
            .orElseThrow().value()).isEqualTo(1);
        assertThat(e.family("probe_http_status_code").orElseThrow().find(Map.of("probe", "hanging", "target", url))
            .orElseThrow().value()).isZero();
      }
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }
}
