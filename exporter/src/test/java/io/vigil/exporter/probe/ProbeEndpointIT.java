package io.vigil.exporter.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.Exporter;
import io.vigil.exporter.collector.CollectorCatalogue;
import io.vigil.exporter.config.ConfigLoader;
import io.vigil.exporter.config.VigilConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /probe} is not an open proxy: only configured modules, allowed schemes and allowed targets. */
class ProbeEndpointIT {

  private static Exporter exporter;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    VigilConfig config = new ConfigLoader(CollectorCatalogue.names()).parse("vigil.yml", """
        web: {listen_address: "127.0.0.1:0", disable_exporter_metrics: true}
        collectors: {enable_defaults: false}
        probes:
          modules:
            https_only: {prober: http, timeout: 1s, http: {allowed_schemes: [https]}}
            tcp: {prober: tcp, timeout: 1s}
          allowed_targets: ['https://[a-z]+\\.example\\.org/.*', '127\\.0\\.0\\.1:[0-9]+']
        """, Optional.empty());
    exporter = Exporter.start(config, CollectorCatalogue.all());
  }

  @AfterAll
  static void stop() {
    exporter.close();
  }

  private static HttpResponse<String> get(String query) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + exporter.port() + "/probe" + query))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void unknownModuleIsRefused() throws Exception {
    HttpResponse<String> r = get("?module=http_2xx&target=https://www.example.org/");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("Unknown module \"http_2xx\"\n");
  }

  @Test
  void schemeTheModuleDoesNotAllowIsRefused() throws Exception {
    HttpResponse<String> r = get("?module=https_only&target=http://www.example.org/");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).startsWith("target not allowed: scheme \"http\" is not allowed by module https_only");
    assertThat(get("?module=https_only&target=file:///etc/passwd").statusCode()).isEqualTo(400);
    assertThat(get("?module=https_only&target=https://user:pw@www.example.org/").statusCode()).isEqualTo(400);
  }

  @Test
  void targetOutsideTheAllowListIsRefused() throws Exception {
    HttpResponse<String> r = get("?module=https_only&target=https://169.254.169.254/latest/meta-data/");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("matches none of probes.allowed_targets");
    assertThat(get("?module=tcp&target=10.0.0.1:22").statusCode()).isEqualTo(400);
  }

  @Test
  void malformedRequestsAreRefused() throws Exception {
    assertThat(get("?target=127.0.0.1:1").statusCode()).isEqualTo(400);
    assertThat(get("?module=tcp").statusCode()).isEqualTo(400);
    assertThat(get("?module=tcp&target=http://127.0.0.1:1/").statusCode()).isEqualTo(400);
    assertThat(get("?module=tcp&module=tcp&target=127.0.0.1:1").statusCode()).isEqualTo(400);
  }

  @Test
  void allowedTargetIsProbed() throws Exception {
    // a closed loopback port: the probe runs and fails, which is an answer, not a refusal
    HttpResponse<String> r = get("?module=tcp&target=127.0.0.1:1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("probe_success 0.0");
  }
}
