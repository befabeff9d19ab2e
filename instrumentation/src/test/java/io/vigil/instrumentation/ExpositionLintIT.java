package io.vigil.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code promtool check metrics} finds nothing in what the plugin's /metrics serves, helpers included. */
class ExpositionLintIT {

  @Test
  void promtoolHasNoFindingsOnThePluginsMetrics() throws Exception {
    Path promtool = requireOnPath("promtool", "prometheus");
    String exposition;
    try (TestApp t = TestApp.start(m -> m.metricsPath = "/metrics", cfg -> cfg.routes
        .get("/orders/{id}", ctx -> ctx.result("order"))
        .post("/orders", ctx -> ctx.status(201)))) {
      DbClientTimer db = DbClientTimer.register(t.registry, "h2");
      CacheMetrics.Cache cache = CacheMetrics.register(t.registry).cache("orders");
      db.time("SELECT", "orders", () -> 1);
      cache.hit();
      t.get("/orders/1");
      t.get("/missing");
      t.await("http_server_active_requests{http_request_method=\"GET\"}", v -> v == 0);
      exposition = t.get("/metrics").body();
    }

    Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
    try (var in = p.getOutputStream()) {
      in.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(output).isEmpty();
    assertThat(p.exitValue()).isZero();
  }

  /** In CI ({@code CI=true}) a missing binary fails; elsewhere the test is skipped saying what to install. */
  static Path requireOnPath(String binary, String debianPackage) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path candidate = Path.of(dir, binary);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String message = binary + " not found on PATH: apt-get install --no-install-recommends " + debianPackage;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.abort(message);
    throw new IllegalStateException("unreachable");
  }
}
