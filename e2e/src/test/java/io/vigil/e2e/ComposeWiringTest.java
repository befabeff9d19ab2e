package io.vigil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The compose stack's wiring, which no tool checks without a Docker engine: the paths the configs reference inside
 * the containers are mounted from the right repository directories, and the URLs name the right services.
 */
class ComposeWiringTest {

  private final Map<String, Map<String, Object>> services = services();

  @Test
  @SuppressWarnings("unchecked")
  void prometheusFindsItsRulesAndTargetFilesThroughTheMounts() {
    Map<String, Object> prometheus = services.get("prometheus");
    String config = flag((List<String>) prometheus.get("command"), "--config.file");
    assertThat(hostPath(prometheus, config)).hasValue(Repo.path("prometheus", "prometheus.yml"));

    Map<String, Object> prom = Repo.yaml(Repo.path("prometheus", "prometheus.yml"));
    Path configDir = Path.of(config).getParent();
    for (String glob : (List<String>) prom.get("rule_files")) {
      Path inContainer = configDir.resolve(glob).normalize();
      Optional<Path> onHost = hostPath(prometheus, inContainer.getParent().toString());
      assertThat(onHost).as("rule directory %s is mounted", inContainer.getParent()).hasValue(Repo.path("rules"));
    }
    for (Map<String, Object> job : (List<Map<String, Object>>) prom.get("scrape_configs")) {
      for (Map<String, Object> sd : (List<Map<String, Object>>) job.getOrDefault("file_sd_configs", List.of())) {
        for (String glob : (List<String>) sd.get("files")) {
          Path dir = configDir.resolve(glob).normalize().getParent();
          assertThat(hostPath(prometheus, dir.toString())).as("file-SD directory %s", dir)
              .hasValue(Repo.path("prometheus", "targets"));
        }
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void grafanaLoadsTheShippedProvisioningAndDashboards() {
    Map<String, Object> grafana = services.get("grafana");
    assertThat(hostPath(grafana, "/etc/grafana/provisioning")).hasValue(Repo.path("grafana", "provisioning"));
    Map<String, Object> providers = Repo.yaml(Repo.path("grafana", "provisioning", "dashboards", "vigil.yml"));
    Map<String, Object> provider = ((List<Map<String, Object>>) providers.get("providers")).get(0);
    Map<String, Object> options = (Map<String, Object>) provider.get("options");
    assertThat(options).containsEntry("foldersFromFilesStructure", true);
    String path = (String) options.get("path");
    // The dashboards sit in a sub-directory of the provider path, which becomes their folder.
    Path folder = Path.of(path, "Vigil");
    assertThat(hostPath(grafana, folder.toString())).hasValue(Repo.path("grafana", "dashboards"));
    Map<String, String> env = (Map<String, String>) grafana.get("environment");
    Path home = Path.of(env.get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"));
    assertThat(hostPath(grafana, home.toString())).hasValueSatisfying(p -> assertThat(Files.isRegularFile(p))
        .as("home dashboard %s", p).isTrue());
  }

  @Test
  @SuppressWarnings("unchecked")
  void datasourcesAndScrapeTargetsNameComposeServices() {
    Map<String, Object> ds = Repo.yaml(Repo.path("grafana", "provisioning", "datasources", "prometheus.yml"));
    List<String> urls = new ArrayList<>();
    ((List<Map<String, Object>>) ds.get("datasources")).forEach(d -> urls.add((String) d.get("url")));
    assertThat(urls).containsExactlyInAnyOrder("http://prometheus:9090", "http://alertmanager:9093");
    assertThat(services).containsKeys("prometheus", "alertmanager", "grafana", "vigil-exporter", "demo");
    String prometheusYml = Repo.read(Repo.path("prometheus", "prometheus.yml"));
    assertThat(prometheusYml).contains("'alertmanager:9093'", "'grafana:3000'");
    // The exporter shares the host's network; Prometheus reaches it through the host gateway.
    assertThat(services.get("vigil-exporter")).containsEntry("network_mode", "host").containsEntry("pid", "host");
    assertThat((List<String>) services.get("prometheus").get("extra_hosts"))
        .contains("host.docker.internal:host-gateway");
    assertThat(Repo.read(Repo.path("prometheus", "targets", "vigil.yml"))).contains("host.docker.internal:9910");
  }

  @Test
  @SuppressWarnings("unchecked")
  void demoIsScrapedWithItsHostAndRunsItsTrafficGenerator() {
    Map<String, Object> demo = services.get("demo");
    Map<String, String> env = (Map<String, String>) demo.get("environment");
    assertThat(env).containsEntry("VIGIL_DEMO_TRAFFIC", "true").containsEntry("VIGIL_DEMO_LISTEN_ADDRESS", ":8080");
    assertThat((List<String>) demo.get("ports")).containsExactly("127.0.0.1:8080:8080");

    // The shop job scrapes the demo service by its compose name and port, and names the host it runs on with the
    // host label: the address under which the vigil job scrapes that host's exporter (what the APM rules join on).
    Map<String, Object> prom = Repo.yaml(Repo.path("prometheus", "prometheus.yml"));
    Map<String, Object> shop = ((List<Map<String, Object>>) prom.get("scrape_configs")).stream()
        .filter(j -> "shop".equals(j.get("job_name"))).findFirst().orElseThrow();
    Map<String, Object> target = ((List<Map<String, Object>>) shop.get("static_configs")).get(0);
    assertThat((List<String>) target.get("targets")).containsExactly("demo:8080");
    List<Map<String, Object>> vigilTargets = Repo.yamlList(Repo.path("prometheus", "targets", "vigil.yml"));
    assertThat((Map<String, Object>) target.get("labels")).containsOnlyKeys("host");
    assertThat((List<String>) vigilTargets.get(0).get("targets"))
        .contains((String) ((Map<String, Object>) target.get("labels")).get("host"));

    // Exemplars (trace ids on the APM latency panel) are kept only with this feature flag.
    assertThat((List<String>) services.get("prometheus").get("command"))
        .contains("--enable-feature=exemplar-storage");
  }

  @Test
  @SuppressWarnings("unchecked")
  void alertmanagerRendersTheShippedConfigAndGetsThePasswordAsASecret() {
    Map<String, Object> am = services.get("alertmanager");
    assertThat((List<String>) am.get("entrypoint")).contains("/etc/alertmanager/render-alertmanager.sh");
    assertThat(hostPath(am, "/etc/alertmanager/render-alertmanager.sh"))
        .hasValue(Repo.path("prometheus", "render-alertmanager.sh"));
    assertThat(hostPath(am, "/etc/alertmanager/alertmanager.yml"))
        .hasValue(Repo.path("prometheus", "alertmanager.yml"));
    assertThat((List<String>) am.get("secrets")).containsExactly("smtp_password");
    assertThat(Repo.read(Repo.path("prometheus", "alertmanager.yml")))
        .contains("smtp_auth_password_file: /run/secrets/smtp_password");
    assertThat((List<String>) am.get("command")).contains("--cluster.listen-address=");
  }

  /** The repository path mounted at {@code containerPath} (or above it) in a service, if any. */
  @SuppressWarnings("unchecked")
  private static Optional<Path> hostPath(Map<String, Object> service, String containerPath) {
    for (String volume : (List<String>) service.getOrDefault("volumes", List.of())) {
      String[] parts = volume.split(":");
      if (!parts[0].startsWith("./")) {
        continue; // named volume or absolute host path
      }
      Path target = Path.of(parts[1]);
      Path wanted = Path.of(containerPath);
      if (wanted.startsWith(target)) {
        return Optional.of(Repo.root().resolve(parts[0]).resolve(target.relativize(wanted).toString()).normalize());
      }
    }
    return Optional.empty();
  }

  private static String flag(List<String> args, String name) {
    return args.stream().filter(a -> a.startsWith(name + "=")).map(a -> a.substring(name.length() + 1))
        .findFirst().orElseThrow(() -> new AssertionError(name + " not in " + args));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services() {
    return (Map<String, Map<String, Object>>) Repo.yaml(Repo.path("docker-compose.yml")).get("services");
  }
}
