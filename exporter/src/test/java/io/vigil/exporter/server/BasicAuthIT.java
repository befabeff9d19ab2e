package io.vigil.exporter.server;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.vigil.exporter.Exporter;
import io.vigil.exporter.testing.RawHttp;
import io.vigil.exporter.testing.TestCollectors;
import io.vigil.exporter.testing.TestExporters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic auth, security headers and the rate limit of the web config file, over plain HTTP. */
class BasicAuthIT {

  /** Cost 4 (the minimum) keeps the test fast; the code path is the same as for cost 10. */
  static final String HASH = new String(BCrypt.withDefaults().hash(4, "s3cret".toCharArray()));

  @TempDir Path dir;
  private final List<Exporter> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(Exporter::close);
  }

  private Exporter start(String webConfig, boolean unauthenticatedHealth) throws Exception {
    Path file = dir.resolve("web-config.yml");
    Files.writeString(file, webConfig);
    Exporter e = Exporter.start(TestExporters.config(TestExporters.web(Optional.of(file), false,
        unauthenticatedHealth)), List.of(TestCollectors.fixed("a", 7)));
    started.add(e);
    return e;
  }

  @Test
  void noCredentialsIs401WithAChallenge() throws Exception {
    Exporter e = start("basic_auth_users:\n  prometheus: " + HASH + "\n", false);
    RawHttp.Response r = RawHttp.get(e.port(), "/metrics");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate")).isEqualTo("Basic");
    assertThat(r.body()).doesNotContain("test_a_value");
  }

  @Test
  void wrongPasswordUnknownUserAndGarbageAre401() throws Exception {
    Exporter e = start("basic_auth_users:\n  prometheus: " + HASH + "\n", false);
    assertThat(RawHttp.get(e.port(), "/metrics", "Authorization", RawHttp.basic("prometheus", "wrong")).status())
        .isEqualTo(401);
    assertThat(RawHttp.get(e.port(), "/metrics", "Authorization", RawHttp.basic("mallory", "s3cret")).status())
        .isEqualTo(401);
    assertThat(RawHttp.get(e.port(), "/metrics", "Authorization", "Basic !!!notbase64").status()).isEqualTo(401);
    assertThat(RawHttp.get(e.port(), "/metrics", "Authorization", "Bearer abc").status()).isEqualTo(401);
  }

  @Test
  void rightPasswordIs200OnEveryPath() throws Exception {
    Exporter e = start("basic_auth_users:\n  prometheus: " + HASH + "\n", false);
    String auth = RawHttp.basic("prometheus", "s3cret");
    RawHttp.Response r = RawHttp.get(e.port(), "/metrics", "Authorization", auth);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("test_a_value 7.0");
    assertThat(RawHttp.get(e.port(), "/", "Authorization", auth).status()).isEqualTo(200);
    assertThat(RawHttp.get(e.port(), "/-/healthy", "Authorization", auth).status()).isEqualTo(200);
  }

  @Test
  void probeEndpointIsBehindBasicAuthToo() throws Exception {
    Exporter e = start("basic_auth_users:\n  prometheus: " + HASH + "\n", true);
    RawHttp.Response refused = RawHttp.get(e.port(), "/probe?module=http_2xx&target=http://127.0.0.1:1/");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("WWW-Authenticate")).isEqualTo("Basic");
    // With credentials the probe handler answers: no modules are configured, so the module is refused.
    RawHttp.Response r = RawHttp.get(e.port(), "/probe?module=http_2xx&target=http://127.0.0.1:1/",
        "Authorization", RawHttp.basic("prometheus", "s3cret"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("http_2xx");
  }

  @Test
  void healthEndpointsNeedCredentialsUnlessTheOptionSaysOtherwise() throws Exception {
    Exporter locked = start("basic_auth_users:\n  prometheus: " + HASH + "\n", false);
    assertThat(RawHttp.get(locked.port(), "/-/healthy").status()).isEqualTo(401);
    assertThat(RawHttp.get(locked.port(), "/-/ready").status()).isEqualTo(401);
    Exporter open = start("basic_auth_users:\n  prometheus: " + HASH + "\n", true);
    assertThat(RawHttp.get(open.port(), "/-/healthy").status()).isEqualTo(200);
    assertThat(RawHttp.get(open.port(), "/metrics").status()).as("only health is open").isEqualTo(401);
    assertThat(RawHttp.get(open.port(), "/").status()).isEqualTo(401);
  }

  @Test
  void configuredHeadersAreOnEveryAnswerIncludingRefusals() throws Exception {
    Exporter e = start("""
        http_server_config:
          headers:
            X-Frame-Options: deny
            X-Content-Type-Options: nosniff
            Strict-Transport-Security: max-age=31536000
        basic_auth_users:
          prometheus: %s
        """.formatted(HASH), false);
    RawHttp.Response refused = RawHttp.get(e.port(), "/metrics");
    assertThat(refused.header("X-Frame-Options")).isEqualTo("deny");
    RawHttp.Response ok = RawHttp.get(e.port(), "/metrics", "Authorization", RawHttp.basic("prometheus", "s3cret"));
    assertThat(ok.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(ok.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
  }

  @Test
  void rateLimitAnswers429BeyondTheBurst() throws Exception {
    Exporter e = start("rate_limit:\n  interval: 1h\n  burst: 3\n", false);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      statuses.add(RawHttp.get(e.port(), "/-/healthy").status());
    }
    assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
  }

  @Test
  void editedUsersTakeEffectWithoutARestartAndABrokenEditKeepsTheOldOnes() throws Exception {
    Exporter e = start("basic_auth_users:\n  prometheus: " + HASH + "\n", false);
    String old = RawHttp.basic("prometheus", "s3cret");
    assertThat(RawHttp.get(e.port(), "/metrics", "Authorization", old).status()).isEqualTo(200);
    List<String> warnings = new ArrayList<>();
    Handler capture = capture(warnings);
    try {
      Files.writeString(dir.resolve("web-config.yml"), "basic_auth_users:\n  prometheus: not-a-hash\n");
      for (int i = 0; i < 15; i++) {
        Thread.sleep(100);
        assertThat(RawHttp.get(e.port(), "/metrics", "Authorization", old).status()).isEqualTo(200);
      }
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0)).startsWith("web config not reloaded, keeping the one in force: ")
          .contains("basic_auth_users.prometheus: expected a bcrypt hash");
      String newHash = new String(BCrypt.withDefaults().hash(4, "rotated".toCharArray()));
      Files.writeString(dir.resolve("web-config.yml"), "basic_auth_users:\n  grafana: " + newHash + "\n");
      int status = 0;
      for (int i = 0; i < 100 && status != 200; i++) {
        Thread.sleep(50);
        status = RawHttp.get(e.port(), "/metrics", "Authorization", RawHttp.basic("grafana", "rotated")).status();
      }
      assertThat(status).isEqualTo(200);
      assertThat(RawHttp.get(e.port(), "/metrics", "Authorization", old).status()).as("removed user").isEqualTo(401);
    } finally {
      Logger.getLogger(WebSecurity.class.getName()).removeHandler(capture);
    }
  }

  static Handler capture(List<String> warnings) {
    Handler h = new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
          synchronized (warnings) {
            warnings.add(r.getMessage());
          }
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger.getLogger(WebSecurity.class.getName()).addHandler(h);
    return h;
  }
}
