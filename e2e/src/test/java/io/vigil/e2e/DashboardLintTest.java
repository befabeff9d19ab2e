package io.vigil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dashboard rules of DESIGN.md and REFERENCE.md §7 (grafana/dashboard-linter's rules plus provisioning pitfalls),
 * applied to every file in grafana/dashboards. Whether the queries return data is {@link StackIT}'s job.
 */
class DashboardLintTest {

  private static final String DS_REF = "${datasource}";
  private static final Set<String> UNITLESS_TYPES = Set.of("row");
  /** Grafana unit ids the dashboards may use (a typo such as "byte" silently shows raw numbers). */
  private static final Set<String> KNOWN_UNITS = Set.of("none", "short", "percent", "percentunit", "bytes",
      "decbytes", "Bps", "binBps", "bps", "s", "ms", "ops", "iops", "pps", "reqps", "celsius", "hertz");
  private static final Set<String> EXPECTED_FILES = Set.of("fleet-overview.json", "host.json", "vigil-exporter.json",
      "services.json", "apm.json", "jvm.json");
  /**
   * Service-level recording rules (levels job and job_route, rules/apm.rules.yml) aggregate a service's instances,
   * so their series have no instance label and an instance matcher would make them vanish. Selectors of these carry
   * the job matcher only, and their panels say in the description that the instance selection does not apply.
   * (dashboard-linter's equivalent is a per-panel exclusion of target-instance-rule in a .lint file.)
   */
  private static final Pattern SERVICE_LEVEL_RECORD = Pattern.compile("(job|job_route):[a-z0-9_]+:[a-z0-9_]+");
  private static final String SERVICE_LEVEL_NOTE = "the instance and route selections do not apply";
  /** APM queries of request metrics that deliberately span every route, with the reason. */
  private static final Map<String, String> ALL_ROUTES = Map.of(
      "apm.json / Database share of request time / A",
      "the database timer has no route label: its time is a share of all requests' time");

  static Stream<Dashboards.Dashboard> dashboards() {
    return Dashboards.all().stream();
  }

  @Test
  void theShippedDashboardsHaveDistinctUids() {
    List<Dashboards.Dashboard> all = Dashboards.all();
    assertThat(all).extracting(Dashboards.Dashboard::name).containsExactlyInAnyOrderElementsOf(EXPECTED_FILES);
    assertThat(all).extracting(d -> d.json().path("uid").asText()).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dashboards")
  void isProvisionableAsIs(Dashboards.Dashboard d) {
    JsonNode j = d.json();
    String text = Repo.read(d.file());
    assertThat(j.path("uid").asText()).as("stable uid").matches("vigil-[a-z0-9-]+").hasSizeLessThanOrEqualTo(40);
    assertThat(j.path("id").isNull()).as("id null").isTrue();
    assertThat(j.has("__inputs")).as("no __inputs (UI import only)").isFalse();
    assertThat(text).as("no ${DS_...} placeholders").doesNotContain("${DS_");
    assertThat(j.path("title").asText()).startsWith("Vigil / ");
    assertThat(j.path("schemaVersion").asInt()).isBetween(36, 41);
    assertThat(j.path("editable").asBoolean(true)).as("uneditable-dashboard").isFalse();
    assertThat(j.path("tags")).extracting(JsonNode::asText).contains("vigil");
    assertThat(j.path("graphTooltip").asInt()).as("shared crosshair").isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dashboards")
  void hasDatasourceJobAndInstanceVariables(Dashboards.Dashboard d) {
    List<JsonNode> vars = d.variables();
    assertThat(vars).extracting(v -> v.path("name").asText()).startsWith("datasource", "job", "instance");
    JsonNode ds = vars.get(0);
    assertThat(ds.path("type").asText()).isEqualTo("datasource");
    assertThat(ds.path("query").asText()).isEqualTo("prometheus");
    assertThat(ds.path("label").asText()).isEqualTo("Data source");
    assertThat(vars).filteredOn(v -> "datasource".equals(v.path("type").asText())).hasSize(1);
    for (JsonNode v : vars.subList(1, 3)) {
      String name = v.path("name").asText();
      assertThat(v.path("type").asText()).as(name).isEqualTo("query");
      assertThat(v.path("label").asText()).as(name).isEqualTo(name.equals("job") ? "Job" : "Instance");
      assertThat(v.path("datasource").path("uid").asText()).as(name).isEqualTo(DS_REF);
      assertThat(v.path("multi").asBoolean()).as("%s multi-select", name).isTrue();
      assertThat(v.path("includeAll").asBoolean()).as("%s includes All", name).isTrue();
      assertThat(v.path("allValue").asText()).as(name).isEqualTo(".+");
      assertThat(v.path("refresh").asInt()).as("%s refreshes on time range change", name).isEqualTo(2);
      assertThat(v.path("query").path("query").asText()).as(name)
          .matches("label_values\\([a-z_:]+(\\{[^}]*\\})?, " + name + "\\)");
    }
    assertThat(vars.get(2).path("query").path("query").asText()).contains("job=~\"$job\"");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dashboards")
  void panelsHaveTitleDescriptionUnitDatasourceAndQueries(Dashboards.Dashboard d) {
    Set<Integer> ids = new HashSet<>();
    for (JsonNode p : d.panels()) {
      String title = p.path("title").asText();
      assertThat(ids.add(p.path("id").asInt())).as("unique panel id %s", title).isTrue();
      assertThat(p.has("gridPos")).as("%s gridPos", title).isTrue();
      if (UNITLESS_TYPES.contains(p.path("type").asText())) {
        continue;
      }
      assertThat(title).as("panel title").isNotBlank();
      assertThat(p.path("description").asText()).as("description of %s", title).isNotBlank();
      assertThat(p.path("fieldConfig").path("defaults").path("unit").asText()).as("unit of %s", title)
          .isIn(KNOWN_UNITS);
      for (JsonNode o : p.path("fieldConfig").path("overrides")) {
        for (JsonNode prop : o.path("properties")) {
          if ("unit".equals(prop.path("id").asText())) {
            assertThat(prop.path("value").asText()).as("override unit in %s", title).isIn(KNOWN_UNITS);
          }
        }
      }
      assertThat(p.path("datasource").path("uid").asText()).as("datasource of %s", title).isEqualTo(DS_REF);
      assertThat(p.path("targets").size()).as("targets of %s", title).isPositive();
      for (JsonNode t : p.path("targets")) {
        assertThat(t.path("datasource").path("uid").asText()).as("target datasource in %s", title).isEqualTo(DS_REF);
        assertThat(t.path("expr").asText()).as("expr in %s", title).isNotBlank();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dashboards")
  void everySelectorHasJobAndInstanceMatchers(Dashboards.Dashboard d) {
    List<String> problems = new ArrayList<>();
    for (JsonNode p : d.panels()) {
      for (JsonNode t : p.path("targets")) {
        Dashboards.Query q = new Dashboards.Query(d.name(), p.path("title").asText(), t.path("refId").asText(),
            t.path("expr").asText());
        List<PromQl.Selector> selectors = PromQl.selectors(q.expr());
        if (selectors.isEmpty()) {
          problems.add(q.key() + ": no series selector");
        }
        for (PromQl.Selector s : selectors) {
          boolean job = s.matchers().contains("job=~\"$job\"");
          boolean instance = s.matchers().contains("instance=~\"$instance\"");
          if (SERVICE_LEVEL_RECORD.matcher(s.name()).matches()) {
            if (!job || instance) {
              problems.add(q.key() + ": service-level " + s.name() + "{" + s.matchers() + "} needs the job "
                  + "matcher and no instance matcher");
            }
            if (!p.path("description").asText().contains(SERVICE_LEVEL_NOTE)) {
              problems.add(q.key() + ": panel description must say \"" + SERVICE_LEVEL_NOTE + "\"");
            }
          } else if (!job || !instance) {
            problems.add(q.key() + ": " + s.name() + "{" + s.matchers() + "}");
          }
        }
      }
    }
    assertThat(problems).as("selectors without job=~\"$job\" and instance=~\"$instance\"").isEmpty();
  }

  @Test
  void apmDashboardQueriesOfRequestsFollowTheRouteVariable() {
    Dashboards.Dashboard apm = Dashboards.all().stream().filter(d -> d.name().equals("apm.json")).findFirst()
        .orElseThrow();
    assertThat(apm.variables()).extracting(v -> v.path("name").asText())
        .containsExactly("datasource", "job", "instance", "route");
    List<Dashboards.Query> queries = apm.queries();
    assertThat(ALL_ROUTES.keySet()).isSubsetOf(queries.stream().map(Dashboards.Query::key).toList());
    List<String> problems = new ArrayList<>();
    for (Dashboards.Query q : queries) {
      for (PromQl.Selector s : PromQl.selectors(q.expr())) {
        if (s.name().startsWith("http_server_request_duration_seconds") && !ALL_ROUTES.containsKey(q.key())
            && !s.matchers().contains("http_route=~\"$route\"")) {
          problems.add(q.key() + ": " + s.name() + "{" + s.matchers() + "}");
        }
      }
    }
    assertThat(problems).as("request selectors without http_route=~\"$route\"").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dashboards")
  void ratesUseRateIntervalAndCountersAreOnlyUsedThroughRates(Dashboards.Dashboard d) {
    List<String> problems = new ArrayList<>();
    for (Dashboards.Query q : d.queries()) {
      List<PromQl.Call> calls = PromQl.rateCalls(q.expr());
      for (PromQl.Call c : calls) {
        for (String range : PromQl.ranges(q.expr(), c.open(), c.close())) {
          if (!range.equals("$__rate_interval")) {
            problems.add(q.key() + ": " + c.function() + " over [" + range + "]");
          }
        }
      }
      for (PromQl.Selector s : PromQl.selectors(q.expr())) {
        if (s.name().endsWith("_total") && calls.stream().noneMatch(c -> c.contains(s.position()))) {
          problems.add(q.key() + ": counter " + s.name() + " outside rate/irate/increase");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dashboards")
  void linksPointAtShippedDashboards(Dashboards.Dashboard d) {
    Set<String> uids = new HashSet<>();
    Dashboards.all().forEach(x -> uids.add(x.json().path("uid").asText()));
    Matcher m = Pattern.compile("/d/([A-Za-z0-9_-]+)").matcher(Repo.read(d.file()));
    while (m.find()) {
      assertThat(uids).as("link target /d/%s", m.group(1)).contains(m.group(1));
    }
  }

  @Test
  void fleetOverviewRowsLinkToTheHostDashboard() {
    JsonNode fleet = Dashboards.all().stream().filter(d -> d.name().equals("fleet-overview.json")).findFirst()
        .orElseThrow().json();
    String text = fleet.toString();
    assertThat(text).contains("/d/vigil-host/", "var-instance=${__data.fields.instance}",
        "var-job=${__data.fields.job}");
  }

  @Test
  void selectorScannerFindsSelectorsAndSkipsLabelLists() {
    List<PromQl.Selector> s = PromQl.selectors(
        "sum by (instance, mode) (rate(a_total{job=~\"$job\"}[$__rate_interval])) / on (instance) group_left ()"
            + " count by (instance) (b{mode=\"idle\"}) or vector(0) + 1e3 * c");
    assertThat(s).extracting(PromQl.Selector::name).containsExactly("a_total", "b", "c");
    assertThat(s.get(0).matchers()).isEqualTo("job=~\"$job\"");
    assertThat(PromQl.rateCalls("increase(x[5m]) + irate(y[1m])")).extracting(PromQl.Call::function)
        .containsExactlyInAnyOrder("increase", "irate");
  }
}
