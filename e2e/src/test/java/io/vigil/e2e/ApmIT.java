package io.vigil.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The APM rules (rules/apm.rules.yml) against the demo shop driven with a known workload ({@link DemoWorkload}):
 * the Apdex and latency percentile recording rules agree with the mix, injected errors fire the error-ratio and
 * burn-rate alerts, and the latency panel's exemplars carry trace ids. Shares the stack with {@link StackIT}.
 */
@ExtendWith(StackExtension.class)
class ApmIT {

  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private static final String JOB = BundleStack.DEMO_JOB;
  private static final String ROUTE_SELECTOR =
      "{job=\"" + JOB + "\", http_route=\"" + DemoWorkload.DELAY_ROUTE + "\"}";

  private static BundleStack stack;

  @BeforeAll
  static void start(BundleStack started) throws Exception {
    stack = started;
    stack.workload.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void apdexAndPercentileRulesAgreeWithTheKnownMix() {
    // The scrape that saw the whole mix, then a rule evaluation after it.
    int total = (DemoWorkload.ROUNDS_BEFORE_PROMETHEUS + 1) * DemoWorkload.MIX_SIZE;
    DemoWorkload.awaitScrapedCount(stack.prometheus, total, DEADLINE);
    double scrapedAt = value("max(timestamp(http_server_request_duration_seconds_count" + ROUTE_SELECTOR + "))");
    Instant t0 = Instant.now();
    Map<String, Double> recorded = new TreeMap<>();
    for (String record : List.of("job_route:http_server_apdex:ratio_rate5m",
        "job_route:http_server_request_duration_seconds:p95_rate5m",
        "job_route:http_server_request_duration_seconds:p99_rate5m",
        "job_route:http_server_request_errors:ratio_rate5m")) {
      double evaluatedAt = pollUntil(() -> valueOrNaN("timestamp(" + record + ROUTE_SELECTOR + ")"),
          t -> t > scrapedAt);
      assertThat(evaluatedAt).as("%s evaluated after the scrape at %s", record, scrapedAt).isGreaterThan(scrapedAt);
      recorded.put(record, value(record + ROUTE_SELECTOR));
    }
    System.out.printf("recording rules after the mix's scrape (%d s wait): %s%n",
        Duration.between(t0, Instant.now()).toSeconds(), recorded);

    // Apdex: T and 4T are bucket bounds, so no bucket error; the rates of one target share their sample times,
    // so the ratio is exact up to floating point.
    assertThat(recorded.get("job_route:http_server_apdex:ratio_rate5m")).as("Apdex of the mix")
        .isCloseTo(DemoWorkload.APDEX, within(1e-9));
    assertThat(recorded.get("job_route:http_server_request_errors:ratio_rate5m")).as("5xx ratio of the mix")
        .isCloseTo(DemoWorkload.DELAY_ROUTE_ERROR_RATIO, within(1e-9));
    // p95: the true value (1.6 s) and the estimate lie in the same bucket; the estimate is the interpolation of the
    // mix's bucket counts.
    double p95 = recorded.get("job_route:http_server_request_duration_seconds:p95_rate5m");
    assertThat(p95).as("p95 within the bucket of the true p95 %s s", DemoWorkload.P95_TRUE)
        .isBetween(DemoWorkload.P95_BUCKET_LOW, DemoWorkload.P95_BUCKET_HIGH)
        .isCloseTo(DemoWorkload.P95_TRUE, within(DemoWorkload.P95_BUCKET_HIGH - DemoWorkload.P95_BUCKET_LOW))
        .isCloseTo(DemoWorkload.P95_INTERPOLATED, within(1e-9));
    // p99: the 99th duration is 1.6 s too, in the same bucket.
    assertThat(recorded.get("job_route:http_server_request_duration_seconds:p99_rate5m"))
        .isBetween(DemoWorkload.P95_BUCKET_LOW, DemoWorkload.P95_BUCKET_HIGH);
  }

  @Test
  void injectedErrorsFireTheErrorRatioAndBurnRateAlerts() {
    Instant t0 = Instant.now();
    // The test-only copies with for: 0s (BundleStack.SHORT_FOR_ALERTS) fire on the first evaluation that sees the
    // errors; the shipped alerts, same expressions, are at least pending (their for: keeps them from firing
    // within a test run).
    List<String> wanted = List.of("ServiceErrorRatioHigh/warning", "ServiceErrorBudgetBurn/critical",
        "ServiceErrorBudgetBurn/warning");
    JsonNode alerts = pollUntil(stack.prometheus::alerts,
        a -> firingShortFor(a).containsAll(wanted) && shippedActive(a).containsAll(wanted));
    System.out.printf("error-ratio and burn-rate alerts firing %d s after the workload finished: %s%n",
        Duration.between(t0, Instant.now()).toSeconds(), firingShortFor(alerts));
    assertThat(firingShortFor(alerts)).as("short-for copies firing for %s; alerts: %s", JOB, alerts)
        .containsAll(wanted);
    assertThat(shippedActive(alerts)).as("shipped alerts pending or firing for %s", JOB).containsAll(wanted);
    double errorRatio = value("job:http_server_request_errors:ratio_rate5m{job=\"" + JOB + "\"}");
    assertThat(errorRatio).as("error ratio of the shop").isGreaterThan(0.05);
    for (JsonNode a : alerts) {
      if ("short_for".equals(a.path("labels").path("e2e").asText())
          && a.path("labels").path("alertname").asText().equals("ServiceErrorBudgetBurn")) {
        assertThat(a.path("annotations").path("description").asText()).startsWith(JOB + " ")
            .contains("times faster than the 99.9 % objective allows");
        assertThat(Double.parseDouble(a.path("value").asText())).as("burn rate").isGreaterThan(6);
      }
    }
  }

  @Test
  void healthScoreSeesTheErrorsAndTheHostOfTheService() {
    // The demo's target names the test's exporter as its host (the shipped host label, rewritten like the targets).
    String hostCpu = "instance:vigil_host_cpu_utilisation:ratio{job=\"" + JOB + "\", instance=\""
        + stack.demoInstance() + "\", host=\"" + stack.exporterInstance() + "\"}";
    double cpu = pollUntil(() -> valueOrNaN(hostCpu), v -> !v.isNaN());
    assertThat(cpu).as(hostCpu).isBetween(0.0, 1.0);
    double score = pollUntil(() -> valueOrNaN("job:vigil_health:score{job=\"" + JOB + "\"}"), v -> !v.isNaN()
        && valueOrNaN("job:vigil_health_errors:ratio{job=\"" + JOB + "\"}") < 1);
    double errors = value("job:vigil_health_errors:ratio{job=\"" + JOB + "\"}");
    System.out.printf("health score of %s with injected errors: %.1f (errors part %.2f, host CPU %.2f)%n", JOB,
        score, errors, cpu);
    // Errors weigh 30 %: with every request to one route failing, the errors part is below 1 and so is the score.
    assertThat(errors).isLessThan(1);
    assertThat(score).isBetween(0.0, 100.0).isLessThan(100);
  }

  @Test
  void latencyPanelExemplarsCarryTraceIds() {
    List<Dashboards.Query> withExemplars = new ArrayList<>();
    for (Dashboards.Dashboard d : Dashboards.all()) {
      for (JsonNode p : d.panels()) {
        for (JsonNode t : p.path("targets")) {
          if (t.path("exemplar").asBoolean(false)) {
            withExemplars.add(new Dashboards.Query(d.name(), p.path("title").asText(), t.path("refId").asText(),
                t.path("expr").asText()));
          }
        }
      }
    }
    assertThat(withExemplars).extracting(Dashboards.Query::key).contains("apm.json / Response time / B");
    for (Dashboards.Query q : withExemplars) {
      String expr = q.expr().replace("$__rate_interval", "1m").replace("$job", JOB)
          .replace("$instance", stack.demoInstance()).replace("$route", ".+");
      JsonNode series = pollUntil(() -> stack.prometheus.exemplars(expr, stack.started, Instant.now()),
          s -> s.size() > 0);
      List<String> traceIds = new ArrayList<>();
      for (JsonNode s : series) {
        for (JsonNode e : s.path("exemplars")) {
          traceIds.add(e.path("labels").path("trace_id").asText() + "/" + e.path("labels").path("span_id").asText());
        }
      }
      System.out.printf("%s: %d exemplars, e.g. %s%n", q.key(), traceIds.size(),
          traceIds.isEmpty() ? "-" : traceIds.get(0));
      assertThat(traceIds).as("exemplars of %s", q.key()).isNotEmpty()
          .allMatch(id -> id.matches("[0-9a-f]{32}/[0-9a-f]{16}"));
    }
  }

  // --- helpers ----------------------------------------------------------------------------------------------

  /** "alertname/severity" of the firing test-only copies for the shop. */
  private static List<String> firingShortFor(JsonNode alerts) {
    return select(alerts, a -> "short_for".equals(a.path("labels").path("e2e").asText())
        && "firing".equals(a.path("state").asText()));
  }

  /** "alertname/severity" of the shipped alerts for the shop, pending or firing. */
  private static List<String> shippedActive(JsonNode alerts) {
    return select(alerts, a -> a.path("labels").path("e2e").isMissingNode());
  }

  private static List<String> select(JsonNode alerts, Predicate<JsonNode> filter) {
    List<String> out = new ArrayList<>();
    for (JsonNode a : alerts) {
      JsonNode labels = a.path("labels");
      if (JOB.equals(labels.path("job").asText()) && filter.test(a)) {
        out.add(labels.path("alertname").asText() + "/" + labels.path("severity").asText());
      }
    }
    return out;
  }

  /** The single value of an instant query; fails when it returns anything but one series. */
  private static double value(String expr) {
    PrometheusApi.QueryResult r = stack.prometheus.query(expr);
    assertThat(r.error()).as(expr).isNull();
    assertThat(r.size()).as("series of %s", expr).isEqualTo(1);
    return r.result().get(0).path("value").get(1).asDouble();
  }

  private static double valueOrNaN(String expr) {
    PrometheusApi.QueryResult r = stack.prometheus.query(expr);
    return r.size() == 1 ? r.result().get(0).path("value").get(1).asDouble() : Double.NaN;
  }

  private static <T> T pollUntil(Supplier<T> get, Predicate<T> done) {
    Instant deadline = Instant.now().plus(DEADLINE);
    T last = get.get();
    while (!done.test(last) && Instant.now().isBefore(deadline)) {
      Http.pause(Duration.ofSeconds(1));
      last = get.get();
    }
    return last;
  }
}
