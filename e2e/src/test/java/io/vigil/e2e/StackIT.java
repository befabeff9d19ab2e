package io.vigil.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shipped bundle end to end: real exporter, demo shop, Prometheus and Alertmanager on loopback (see
 * {@link BundleStack}). Waits poll with deadlines; nothing sleeps a fixed time. With the shipped 15 s scrape and
 * evaluation intervals the class needs about a minute. The APM rules against a known workload: {@link ApmIT}.
 */
@ExtendWith(StackExtension.class)
class StackIT {

  /**
   * Panel queries that may return nothing on a healthy build machine, and why. Everything else must return at
   * least one series. (The firing-alert panels are not here: the test's always-firing alert fills them.)
   */
  static final Map<String, String> MAY_BE_EMPTY = Map.of(
      "host.json / Hardware sensors / A", "hwmon: virtual machines such as the build machines have no sensors",
      "host.json / Thermal zones / A", "thermal zones: absent on virtual machines and on many servers");

  /** Dashboards about Java services: their panels are checked against the demo shop, not a host exporter. */
  static final List<String> SERVICE_DASHBOARDS = List.of("apm.json", "jvm.json");

  private static final Duration DATA_DEADLINE = Duration.ofSeconds(120);

  /** What a user has selected in a dashboard's variables. */
  private record Selection(String job, String instance) {}

  private static BundleStack stack;

  @BeforeAll
  static void start(BundleStack started) {
    stack = started;
  }

  @Test
  void everyScrapeTargetIsUp() {
    Map<String, String> health = pollUntil(() -> {
      Map<String, String> byJob = new TreeMap<>();
      for (JsonNode t : stack.prometheus.activeTargets()) {
        byJob.put(t.path("labels").path("job").asText() + " " + t.path("labels").path("instance").asText(),
            t.path("health").asText() + " " + t.path("lastError").asText());
      }
      return byJob;
    }, m -> m.size() == 3 + stack.hostInstances().size() && m.values().stream().allMatch(v -> v.startsWith("up")));
    List<String> expected = new ArrayList<>(List.of(
        "alertmanager 127.0.0.1:" + stack.alertmanagerPort, "prometheus 127.0.0.1:" + stack.prometheusPort,
        BundleStack.DEMO_JOB + " " + stack.demoInstance()));
    stack.hostInstances().forEach(i -> expected.add("vigil " + i));
    assertThat(health.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(health.values()).allMatch(v -> v.startsWith("up"), "every target up: " + health);
  }

  @Test
  void everyRecordingRuleReturnsData() {
    List<String> records = new ArrayList<>();
    for (JsonNode group : stack.prometheus.ruleGroups()) {
      for (JsonNode rule : group.path("rules")) {
        if ("recording".equals(rule.path("type").asText())) {
          records.add(rule.path("name").asText());
        }
      }
    }
    assertThat(records).as("recording rules loaded from rules/").hasSizeGreaterThanOrEqualTo(10);
    Map<String, PrometheusApi.QueryResult> results = awaitData(records, Function.identity());
    assertThat(results).allSatisfy((name, r) ->
        assertThat(r.size()).as("series of %s (error: %s)", name, r.error()).isPositive());
  }

  @Test
  void everyRuleEvaluatesWithoutError() {
    // Wait until every rule has been evaluated with data behind it (the recording rules need two scrapes), then no
    // rule may report an error: bad vector matching, for instance, only shows at evaluation time.
    awaitData(List.of("instance:node_cpu_utilisation:rate5m"), Function.identity());
    JsonNode groups = pollUntil(stack.prometheus::ruleGroups, gs -> {
      for (JsonNode g : gs) {
        for (JsonNode rule : g.path("rules")) {
          if ("unknown".equals(rule.path("health").asText())) {
            return false;
          }
        }
      }
      return true;
    });
    List<String> unhealthy = new ArrayList<>();
    for (JsonNode group : groups) {
      for (JsonNode rule : group.path("rules")) {
        if (!"ok".equals(rule.path("health").asText())) {
          unhealthy.add(rule.path("name").asText() + ": " + rule.path("health").asText() + " "
              + rule.path("lastError").asText());
        }
      }
    }
    assertThat(unhealthy).isEmpty();
  }

  /**
   * Every panel query of every dashboard, with the variables a user would pick: host dashboards with the exporter
   * selected, the APM and JVM dashboards with the demo shop (and the JVM dashboard with the exporter too, which is
   * also a client_java service). All routes are selected.
   */
  @Test
  void everyDashboardPanelQueryReturnsData() {
    List<Dashboards.Query> queries = new ArrayList<>();
    Dashboards.all().forEach(d -> queries.addAll(d.queries()));
    assertThat(MAY_BE_EMPTY.keySet()).as("allow-list entries name existing queries")
        .isSubsetOf(queries.stream().map(Dashboards.Query::key).toList());

    // One item per query and selection: a query of the JVM dashboard is run for the demo and for the exporter.
    List<Map.Entry<Dashboards.Query, Selection>> required = new ArrayList<>();
    for (Dashboards.Query q : queries) {
      if (!MAY_BE_EMPTY.containsKey(q.key())) {
        selections(q.dashboard()).forEach(sel -> required.add(Map.entry(q, sel)));
      }
    }
    Map<Map.Entry<Dashboards.Query, Selection>, PrometheusApi.QueryResult> results =
        awaitData(required, e -> substitute(e.getKey().expr(), e.getValue()));
    List<String> empty = new ArrayList<>();
    results.forEach((e, r) -> {
      if (r.size() == 0) {
        empty.add(e.getKey().key() + " (job " + e.getValue().job() + ")\n    " + r.expr()
            + (r.error() == null ? "" : "\n    error: " + r.error()));
      }
    });
    // Allow-listed queries may be empty but must still be valid PromQL.
    for (Dashboards.Query q : queries) {
      if (MAY_BE_EMPTY.containsKey(q.key())) {
        PrometheusApi.QueryResult r = stack.prometheus.query(substitute(q.expr(), selections(q.dashboard()).get(0)));
        assertThat(r.error()).as("%s must be valid PromQL", q.key()).isNull();
      }
    }
    System.out.printf("dashboard panel queries: %d, required runs %d, returning data %d, allow-listed %d%n",
        queries.size(), required.size(), required.size() - empty.size(), MAY_BE_EMPTY.size());
    assertThat(empty).as("panel queries without data (%d of %d required)", empty.size(), required.size())
        .isEmpty();
  }

  @Test
  void hostDashboardsShowNodeExporterToo() {
    Binaries.NODE_EXPORTER.require();
    List<Dashboards.Query> required = new ArrayList<>();
    for (Dashboards.Dashboard d : Dashboards.all()) {
      // vigil-exporter.json is about Vigil's own JVM; services.json about Vigil's probes, process groups, textfiles
      // and commands, which node_exporter does not have; the APM and JVM dashboards about Java services.
      if (!d.name().equals("vigil-exporter.json") && !d.name().equals("services.json")
          && !SERVICE_DASHBOARDS.contains(d.name())) {
        d.queries().stream().filter(q -> !MAY_BE_EMPTY.containsKey(q.key())).forEach(required::add);
      }
    }
    Map<Dashboards.Query, PrometheusApi.QueryResult> results =
        awaitData(required, q -> substitute(q.expr(), new Selection("vigil", stack.nodeExporterInstance())));
    List<String> empty = new ArrayList<>();
    results.forEach((q, r) -> {
      if (r.size() == 0) {
        empty.add(q.key() + "\n    " + r.expr());
      }
    });
    System.out.printf("host and fleet panel queries against node_exporter: %d, returning data %d%n",
        required.size(), required.size() - empty.size());
    assertThat(empty).as("panel queries without data for node_exporter").isEmpty();
  }

  @Test
  void dashboardVariablesFindTheirTargets() {
    for (Dashboards.Dashboard d : Dashboards.all()) {
      Selection sel = selections(d.name()).get(0);
      for (JsonNode v : d.variables()) {
        if (!"query".equals(v.path("type").asText())) {
          continue;
        }
        String query = v.path("query").path("query").asText();
        // label_values(<selector>, <label>)
        String inner = query.substring("label_values(".length(), query.length() - 1);
        int comma = inner.lastIndexOf(',');
        String selector = substitute(inner.substring(0, comma).trim(), sel);
        String label = inner.substring(comma + 1).trim();
        JsonNode values = pollUntil(() -> stack.prometheus.labelValues(label, selector), n -> n.size() > 0);
        List<String> found = new ArrayList<>();
        values.forEach(n -> found.add(n.asText()));
        String expected = switch (label) {
          case "job" -> sel.job();
          case "instance" -> sel.instance();
          case "http_route" -> DemoWorkload.DELAY_ROUTE;
          default -> throw new IllegalStateException("no expectation for variable label " + label);
        };
        assertThat(found).as("%s variable %s: %s", d.name(), v.path("name").asText(), query).contains(expected);
      }
    }
  }

  @Test
  void alertFiredByARuleReachesTheWebhookThroughAlertmanager() {
    Optional<WebhookReceiver.Notification> n = stack.webhook.await("/alerts",
        body -> body.path("commonLabels").path("alertname").asText().equals("VigilE2eAlwaysFiring")
            && body.path("groupLabels").path("instance").asText().equals(stack.exporterInstance()),
        Duration.ofSeconds(120));
    if (n.isEmpty()) {
      fail("no VigilE2eAlwaysFiring notification within 120 s; received " + stack.webhook.received() + "\n"
          + stack.logs());
    }
    JsonNode body = n.get().body();
    System.out.printf("alert delivered to the webhook %d s after the stack started%n",
        Duration.between(stack.started, Instant.now()).toSeconds());
    assertThat(body.path("version").asText()).isEqualTo("4");
    assertThat(body.path("status").asText()).isEqualTo("firing");
    // severity=warning routes to the "team" receiver; grouped by alertname and instance.
    assertThat(body.path("receiver").asText()).isEqualTo("team");
    assertThat(fields(body.path("groupLabels")))
        .isEqualTo(Map.of("alertname", "VigilE2eAlwaysFiring", "instance", stack.exporterInstance()));
    JsonNode alert = body.path("alerts").get(0);
    assertThat(fields(alert.path("labels"))).isEqualTo(Map.of(
        "alertname", "VigilE2eAlwaysFiring", "severity", "warning", "job", "vigil",
        "instance", stack.exporterInstance()));
    assertThat(fields(alert.path("annotations"))).isEqualTo(Map.of(
        "summary", "End-to-end test alert.",
        "description", "Always fires for " + stack.exporterInstance() + "."));
    assertThat(alert.path("generatorURL").asText()).startsWith("http://");
  }

  @Test
  void watchdogReachesItsOwnReceiver() {
    Optional<WebhookReceiver.Notification> n = stack.webhook.await("/watchdog",
        body -> body.path("commonLabels").path("alertname").asText().equals("Watchdog"), Duration.ofSeconds(90));
    assertThat(n).as("Watchdog notification on /watchdog; received %s", stack.webhook.received()).isPresent();
    assertThat(n.get().body().path("receiver").asText()).isEqualTo("watchdog");
    assertThat(fields(n.get().body().path("commonLabels")))
        .isEqualTo(Map.of("alertname", "Watchdog", "severity", "info"));
    assertThat(stack.webhook.received()).as("Watchdog never goes to the team receiver")
        .noneMatch(r -> r.path().equals("/alerts")
            && r.body().path("commonLabels").path("alertname").asText().equals("Watchdog"));
  }

  // --- helpers ----------------------------------------------------------------------------------------------

  /** The selections a dashboard's queries are checked with: the demo for service dashboards, else the exporter. */
  private static List<Selection> selections(String dashboard) {
    Selection exporter = new Selection("vigil", stack.exporterInstance());
    Selection demo = new Selection(BundleStack.DEMO_JOB, stack.demoInstance());
    return switch (dashboard) {
      case "apm.json" -> List.of(demo);
      case "jvm.json" -> List.of(demo, exporter);
      default -> List.of(exporter);
    };
  }

  /**
   * Grafana's substitutions as a user sees them with {@code sel} picked: $__rate_interval is 1m for a 15 s scrape
   * interval (4 x timeInterval), $job and $instance are the selection, $route is "All" (its allValue).
   */
  private static String substitute(String expr, Selection sel) {
    String s = expr.replace("$__rate_interval", "1m")
        .replace("$job", sel.job())
        .replace("$instance", sel.instance())
        .replace("$route", ".+");
    if (s.contains("$")) {
      throw new IllegalStateException("unknown variable left in query: " + s);
    }
    return s;
  }

  /** Queries each item until it returns data or the deadline passes; the last result of each. */
  private static <T> Map<T, PrometheusApi.QueryResult> awaitData(List<T> items, Function<T, String> expr) {
    Map<T, PrometheusApi.QueryResult> results = new LinkedHashMap<>();
    Instant deadline = Instant.now().plus(DATA_DEADLINE);
    List<T> pending = new ArrayList<>(items);
    while (true) {
      pending.removeIf(item -> {
        PrometheusApi.QueryResult r = stack.prometheus.query(expr.apply(item));
        results.put(item, r);
        return r.size() > 0 || r.error() != null;
      });
      if (pending.isEmpty() || Instant.now().isAfter(deadline)) {
        return results;
      }
      Http.pause(Duration.ofSeconds(2));
    }
  }

  private static <T> T pollUntil(java.util.function.Supplier<T> get, java.util.function.Predicate<T> done) {
    Instant deadline = Instant.now().plus(DATA_DEADLINE);
    T last = get.get();
    while (!done.test(last) && Instant.now().isBefore(deadline)) {
      Http.pause(Duration.ofSeconds(1));
      last = get.get();
    }
    return last;
  }

  private static Map<String, String> fields(JsonNode object) {
    Map<String, String> out = new TreeMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
