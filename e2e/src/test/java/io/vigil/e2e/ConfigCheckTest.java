package io.vigil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped configuration checked by the tools that will load it (promtool, amtool, docker-compose). */
class ConfigCheckTest {

  @Test
  void promtoolAcceptsThePrometheusConfigAndTheRulesItLoads() {
    Tool.Result r = Tool.run(Binaries.PROMTOOL.require(), "check", "config", "prometheus/prometheus.yml");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.output()).as(r.toString()).contains("SUCCESS: " + Repo.files("rules", ".rules.yml").size()
        + " rule files found");
  }

  @Test
  void promtoolAcceptsEveryRuleFile() {
    List<String> args = new ArrayList<>(List.of("check", "rules"));
    Repo.files("rules", ".rules.yml").forEach(p -> args.add(Repo.root().relativize(p).toString()));
    Tool.Result r = Tool.run(Binaries.PROMTOOL.require(), args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  @Test
  void ruleUnitTestsPass() {
    List<String> args = new ArrayList<>(List.of("test", "rules"));
    List<Path> tests = Repo.files("rules/tests", ".test.yml");
    assertThat(tests).isNotEmpty();
    tests.forEach(p -> args.add(Repo.root().relativize(p).toString()));
    Tool.Result r = Tool.run(Binaries.PROMTOOL.require(), args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.output()).doesNotContain("FAILED");
  }

  @Test
  void amtoolAcceptsTheShippedAlertmanagerConfig() {
    Tool.Result r = Tool.run(Binaries.AMTOOL.require(), "check-config", "prometheus/alertmanager.yml");
    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  @Test
  void renderScriptFillsEverySettingAndAmtoolAcceptsTheResult(@TempDir Path tmp) {
    Path amtool = Binaries.AMTOOL.require();
    Path rendered = tmp.resolve("alertmanager.yml");
    Tool.Result render = Tool.run(Repo.root(), Map.of(
            "ALERTMANAGER_TEMPLATE", Repo.path("prometheus", "alertmanager.yml").toString(),
            "ALERTMANAGER_CONFIG", rendered.toString(),
            "ALERTMANAGER_BIN", "/bin/true",
            "SMTP_HOST", "smtp.example.org", "SMTP_PORT", "465", "SMTP_FROM", "alerts@example.org",
            "SMTP_USERNAME", "alerts|ops&co", "ALERT_EMAIL_TO", "oncall@example.org"),
        Binaries.SH.require(), "prometheus/render-alertmanager.sh");
    assertThat(render.exitCode()).as(render.toString()).isZero();
    String text = Repo.read(rendered);
    assertThat(text).as("placeholders left").doesNotContainPattern(": '\\$\\{")
        .contains("smtp_smarthost: 'smtp.example.org:465'", "smtp_from: 'alerts@example.org'",
            "smtp_auth_username: 'alerts|ops&co'", "to: 'oncall@example.org'");
    Tool.Result check = Tool.run(amtool, "check-config", rendered.toString());
    assertThat(check.exitCode()).as(check.toString()).isZero();
  }

  @ParameterizedTest(name = "{0} routes to {1}")
  @CsvSource({
      "severity=critical alertname=HostFilesystemAlmostFull, oncall",
      "severity=warning alertname=HostFilesystemAlmostFull, team",
      "severity=info alertname=HostRebooted, blackhole",
      "severity=info alertname=Watchdog, watchdog",
      "alertname=SomethingWithoutSeverity, team"})
  void alertsRouteBySeverityAndWatchdogHasItsOwnReceiver(String labels, String receiver) {
    List<String> args = new ArrayList<>(
        List.of("config", "routes", "test", "--config.file=prometheus/alertmanager.yml"));
    args.addAll(List.of(labels.split(" ")));
    Tool.Result r = Tool.run(Binaries.AMTOOL.require(), args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    // stdout holds the receiver; amtool adds a harmless warning about --alertmanager.url on stderr.
    assertThat(r.output().lines().filter(l -> !l.startsWith("Warning:")).toList()).as(r.toString())
        .containsExactly(receiver);
  }

  @Test
  void dockerComposeV1ValidatesTheComposeFile() {
    Tool.Result r = Tool.run(Binaries.DOCKER_COMPOSE.require(), "-f", "docker-compose.yml", "config", "-q");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    Tool.Result services = Tool.run(Binaries.DOCKER_COMPOSE.require(), "-f", "docker-compose.yml", "config",
        "--services");
    assertThat(services.output().lines().toList())
        .containsExactlyInAnyOrder("vigil-exporter", "demo", "prometheus", "alertmanager", "grafana");
  }

  @Test
  @SuppressWarnings("unchecked")
  void composeImagesArePinnedAndOurOwnAreBuiltFromTheirDockerfiles() {
    Map<String, Object> compose = Repo.yaml(Repo.path("docker-compose.yml"));
    assertThat(compose).doesNotContainKey("name"); // Compose v1 rejects a top-level name (REFERENCE.md §1.6)
    Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
    Map<String, String> built = Map.of("vigil-exporter", "exporter/Dockerfile", "demo", "demo/Dockerfile");
    services.forEach((name, s) -> {
      if (s.containsKey("build")) {
        assertThat(built).as("services built from this repository").containsKey(name);
        Map<String, Object> build = (Map<String, Object>) s.get("build");
        assertThat(build).containsEntry("context", ".").containsEntry("dockerfile", built.get(name));
        assertThat((String) s.get("image")).as("image of %s", name).matches("vigil-[a-z]+:local");
      } else {
        assertThat((String) s.get("image")).as("image of %s", name).matches("[a-z0-9./-]+:v?\\d+\\.\\d+\\.\\d+");
      }
      assertThat(s).as("health check of %s", name).containsKey("healthcheck");
    });
    assertThat(services.keySet()).containsAll(built.keySet());
    built.values().forEach(f -> assertThat(Files.isRegularFile(Repo.path(f))).as(f).isTrue());
  }

  @Test
  @SuppressWarnings("unchecked")
  void grafanaDatasourceTimeIntervalEqualsTheScrapeInterval() {
    Map<String, Object> prometheus = Repo.yaml(Repo.path("prometheus", "prometheus.yml"));
    Object scrapeInterval = ((Map<String, Object>) prometheus.get("global")).get("scrape_interval");
    Map<String, Object> datasources = Repo.yaml(Repo.path("grafana", "provisioning", "datasources", "prometheus.yml"));
    List<Map<String, Object>> list = (List<Map<String, Object>>) datasources.get("datasources");
    Map<String, Object> prom = list.stream().filter(d -> "prometheus".equals(d.get("type"))).findFirst().orElseThrow();
    assertThat(prom).containsEntry("uid", "vigil-prometheus");
    assertThat(((Map<String, Object>) prom.get("jsonData")).get("timeInterval")).isEqualTo(scrapeInterval);
    assertThat(list).anySatisfy(d -> assertThat(d).containsEntry("type", "alertmanager")
        .containsEntry("uid", "vigil-alertmanager"));
  }

  @Test
  void noCredentialsInTheShippedConfigs() {
    for (Path p : List.of(Repo.path("prometheus", "alertmanager.yml"), Repo.path("prometheus", "prometheus.yml"),
        Repo.path("docker-compose.yml"), Repo.path("grafana", "provisioning", "datasources", "prometheus.yml"))) {
      String text = Repo.read(p);
      assertThat(text).as(p.toString())
          .doesNotContainPattern("(?m)^[ \\t]*[a-z_]*password[ \\t]*:[ \\t]*['\"]?[^'\"\\s$]")
          .doesNotContainPattern("(?m)^\\s*(smtp_auth_secret|auth_secret|api_key|token)\\s*:");
    }
  }
}
