package io.vigil.exporter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.vigil.exporter.Exporter;
import io.vigil.exporter.collector.CollectorCatalogue;
import io.vigil.exporter.collector.CollectorDefinition;
import io.vigil.exporter.testing.NodeExporterProcess;
import io.vigil.exporter.testing.RawHttp;
import io.vigil.exporter.testing.TestExporters;
import io.vigil.exporter.testing.TestPki;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@code web-config.yml} protects Debian's node_exporter and Vigil alike: mutual TLS, bcrypt basic auth and
 * security headers, with the same answers from both for the same clients. (In CI a missing node_exporter fails the
 * test; elsewhere it is skipped with what to install.)
 */
class SharedWebConfigIT {

  @TempDir Path dir;

  @Test
  void oneWebConfigFileProtectsNodeExporterAndVigilAlike() throws Exception {
    TestPki.Issued ca = TestPki.ca("Shared Test CA");
    TestPki.Issued server = TestPki.server(ca, TestPki.ec());
    TestPki.Issued prometheus = TestPki.client(ca, "prometheus", List.of("prometheus.example"));
    Files.writeString(dir.resolve("server.crt"), server.certPem());
    Files.writeString(dir.resolve("server.key"), server.keyPem());
    Files.writeString(dir.resolve("ca.crt"), ca.certPem());
    // What `htpasswd -nBC 10` would give, at node_exporter's documented cost.
    String hash = new String(BCrypt.withDefaults().hash(10, "scrape-me".toCharArray()));
    Path webConfig = dir.resolve("web-config.yml");
    Files.writeString(webConfig, """
        tls_server_config:
          cert_file: server.crt
          key_file: server.key
          client_auth_type: RequireAndVerifyClientCert
          client_ca_file: ca.crt
          min_version: TLS12
        http_server_config:
          headers:
            X-Frame-Options: deny
            X-Content-Type-Options: nosniff
        basic_auth_users:
          prometheus: %s
        """.formatted(hash));

    List<CollectorDefinition> loadavg =
        CollectorCatalogue.all().stream().filter(d -> d.name().equals("loadavg")).toList();
    try (NodeExporterProcess nodeExporter = NodeExporterProcess.startWithWebConfig(webConfig);
        Exporter vigil = Exporter.start(TestExporters.config(TestExporters.web(java.util.Optional.of(webConfig),
            false, false)), loadavg)) {
      Map<String, Integer> ports = Map.of("node_exporter", nodeExporter.port(), "vigil", vigil.port());
      SSLContext withCert = TestPki.clientContext(ca, prometheus);
      SSLContext withoutCert = TestPki.clientContext(ca, null);
      for (Map.Entry<String, Integer> target : ports.entrySet()) {
        String who = target.getKey();
        int port = target.getValue();

        RawHttp.Response anonymous = RawHttp.getTls(withCert, port, "/metrics");
        assertThat(anonymous.status()).as(who + " without credentials").isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).as(who).isEqualTo("Basic");

        RawHttp.Response wrong = RawHttp.getTls(withCert, port, "/metrics", "Authorization",
            RawHttp.basic("prometheus", "guess"));
        assertThat(wrong.status()).as(who + " with a wrong password").isEqualTo(401);

        RawHttp.Response ok = RawHttp.getTls(withCert, port, "/metrics", "Authorization",
            RawHttp.basic("prometheus", "scrape-me"));
        assertThat(ok.status()).as(who + " with the right password").isEqualTo(200);
        assertThat(ok.body()).as(who).contains("# TYPE node_load1 gauge");
        assertThat(ok.header("X-Frame-Options")).as(who).isEqualTo("deny");
        assertThat(ok.header("X-Content-Type-Options")).as(who).isEqualTo("nosniff");

        assertThatThrownBy(() -> RawHttp.getTls(withoutCert, port, "/metrics", "Authorization",
            RawHttp.basic("prometheus", "scrape-me")))
            .as(who + " without a client certificate").isInstanceOf(IOException.class);

        assertThat(plainHttp(port)).as(who + " over plain HTTP").doesNotContain("node_load1");
      }
    }
  }

  private static String plainHttp(int port) throws IOException {
    try (Socket s = RawHttp.connect(port)) {
      s.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      return new String(s.getInputStream().readNBytes(4096), StandardCharsets.ISO_8859_1);
    } catch (IOException closed) {
      return "";
    }
  }
}
