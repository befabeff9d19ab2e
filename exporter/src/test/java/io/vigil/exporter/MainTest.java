package io.vigil.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsFlagsAndEveryCollectorWithItsDefault() {
    assertThat(run("--help")).isZero();
    assertThat(out()).contains("--web.listen-address=ADDR").contains("(default \":9910\")")
        .contains("--[no-]collector.loadavg").contains("(default: enabled)")
        .contains("check-config");
  }

  @Test
  void versionPrintsTheBuild() {
    assertThat(run("--version")).isZero();
    assertThat(out()).startsWith("vigil-exporter, version ");
  }

  @Test
  void checkConfigAcceptsTheShippedExample() {
    assertThat(run("check-config", "--config.file=vigil.example.yml")).isZero();
    assertThat(out()).contains("configuration OK: vigil.example.yml");
  }

  @Test
  void checkConfigRejectsABadFileWithFileLineAndColumn(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yml");
    Files.writeString(bad, "web:\n  max_requests: -1\n");
    assertThat(run("check-config", "--config.file", bad.toString())).isEqualTo(1);
    assertThat(err()).isEqualTo("vigil-exporter: invalid configuration: " + bad
        + ":2:17: web.max_requests: expected an integer from 0 to 10000, got -1\n");
  }

  @Test
  void unknownFlagIsRejected() {
    assertThat(run("--web.listen-adress=:1")).isEqualTo(1);
    assertThat(err()).isEqualTo("vigil-exporter: unknown flag --web.listen-adress; see --help\n");
  }

  @Test
  void unknownCollectorFlagNamesTheKnownOnes() {
    assertThat(run("--collector.lodavg")).isEqualTo(1);
    assertThat(err()).startsWith("vigil-exporter: --collector.lodavg: unknown collector \"lodavg\"; known collectors: ");
  }

  @Test
  void badListenAddressFlagIsRejectedByCheckConfig() {
    assertThat(run("check-config", "--web.listen-address=localhost")).isEqualTo(1);
    assertThat(err()).contains("--web.listen-address: expected host:port or :port");
  }

  @Test
  void flagsSwitchCollectorsOverTheDefaults() {
    assertThat(run("check-config", "--collector.disable-defaults", "--collector.loadavg")).isZero();
    assertThat(out()).endsWith("collectors: loadavg\n");
    out.reset();
    assertThat(run("check-config", "--no-collector.loadavg")).isZero();
    assertThat(out()).doesNotContain("loadavg");
  }

  @Test
  void portInUseExitsWithStatusTwo() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThat(run("--web.listen-address=127.0.0.1:" + taken.getLocalPort())).isEqualTo(2);
      assertThat(err()).startsWith("vigil-exporter: cannot start: cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }
}
