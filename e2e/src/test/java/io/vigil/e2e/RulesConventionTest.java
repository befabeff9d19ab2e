package io.vigil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rule conventions of DESIGN.md ("Rules and dashboards") and REFERENCE.md §5-§6, checked on the shipped rules:
 * names, severities, annotations, runbook sections, the thresholds table, and unit-test coverage.
 */
class RulesConventionTest {

  static final String RUNBOOK_BASE = "https://github.com/vigil-monitoring/vigil/blob/main/docs/runbooks.md";

  /** Alert name prefix shared by each group's alerts (mixin style). */
  static final Map<String, String> GROUP_PREFIX = Map.ofEntries(
      Map.entry("vigil-host-system", "Host"),
      Map.entry("vigil-host-storage", "Host"),
      Map.entry("vigil-host-network", "Host"),
      Map.entry("vigil-prometheus", "Prometheus"),
      Map.entry("vigil-alertmanager", "Alertmanager"),
      Map.entry("vigil-meta", "Watchdog"),
      Map.entry("vigil-services", "Service"),
      Map.entry("vigil-apm-alerts", "Service"),
      Map.entry("vigil-apm-slo-availability", "Service"),
      Map.entry("vigil-apm-slo-latency", "Service"),
      Map.entry("vigil-apm-anomaly", "Service"));

  /** Alerts exempt from the "near miss that does not fire" rule, with the reason. */
  static final Map<String, String> NO_NEAR_MISS = Map.of("Watchdog", "fires always, by design");

  /** Alerts whose description is a fixed text, with the reason. */
  static final Map<String, String> STATIC_DESCRIPTION = Map.of("Watchdog", "one message for every installation");

  private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");

  @Test
  void groupsAreSmallAndNamedAndAlertsShareTheirGroupPrefix() {
    for (Rules.Group g : Rules.groups()) {
      assertThat(g.name()).hasSizeLessThanOrEqualTo(40);
      assertThat(g.rules()).as(g.name()).hasSizeBetween(1, 20);
      for (Rules.Rule r : g.rules()) {
        if (r.isAlert()) {
          assertThat(GROUP_PREFIX).as("group %s has a declared prefix", g.name()).containsKey(g.name());
          assertThat(r.name()).startsWith(GROUP_PREFIX.get(g.name())).matches("[A-Z][A-Za-z0-9]+")
              .hasSizeLessThanOrEqualTo(40);
        }
      }
    }
  }

  @Test
  void everyAlertHasSeveritySummaryDescriptionAndRunbook() {
    for (Rules.Rule r : Rules.all()) {
      if (!r.isAlert()) {
        continue;
      }
      String name = r.name();
      assertThat(r.labels().get("severity")).as("severity of %s", name).isIn(SEVERITIES);
      Map<String, String> a = r.annotations();
      assertThat(a).as(name).containsOnlyKeys("summary", "description", "runbook_url");
      assertThat(a.get("summary")).as("summary of %s: static sentence", name)
          .doesNotContain("{{").matches("[A-Z].*\\.");
      if (!STATIC_DESCRIPTION.containsKey(name)) {
        assertThat(a.get("description")).as("description of %s: templated", name).contains("{{");
      }
      assertThat(a.get("runbook_url")).as("runbook of %s", name)
          .isEqualTo(RUNBOOK_BASE + "#" + name.toLowerCase());
    }
  }

  @Test
  void alertsWithTheSameNameDifferOnlyInSeverityThresholdAndWindow() {
    Map<String, List<Rules.Rule>> byName = Rules.all().stream().filter(Rules.Rule::isAlert)
        .collect(Collectors.groupingBy(Rules.Rule::name));
    byName.forEach((name, rules) -> {
      Set<String> severities = new HashSet<>();
      for (Rules.Rule r : rules) {
        assertThat(severities.add(r.labels().get("severity"))).as("%s: one rule per severity", name).isTrue();
        assertThat(r.annotations().get("runbook_url")).isEqualTo(rules.get(0).annotations().get("runbook_url"));
      }
    });
  }

  @Test
  void recordingRulesFollowLevelMetricOperations() {
    for (Rules.Rule r : Rules.all()) {
      if (!r.isAlert()) {
        assertThat(r.name()).matches("[a-z_]+:[a-z0-9_A-Z]+:[a-z0-9_]+");
        assertThat(r.labels()).as("%s adds no labels", r.name()).isEmpty();
      }
    }
  }

  @Test
  void everyAlertHasARunbookSectionAndAThresholdsRow() {
    String runbooks = Repo.read(Repo.path("docs", "runbooks.md"));
    Set<String> headings = runbooks.lines().filter(l -> l.startsWith("## ") || l.startsWith("### "))
        .map(l -> l.replaceFirst("^#+ ", "").trim()).collect(Collectors.toSet());
    String table = runbooks.substring(runbooks.indexOf("## Thresholds"));
    for (Rules.Rule r : Rules.all()) {
      if (!r.isAlert()) {
        continue;
      }
      assertThat(headings).as("docs/runbooks.md section for %s", r.name()).contains(r.name());
      assertThat(table).as("thresholds row for %s (%s)", r.name(), r.labels().get("severity"))
          .containsPattern("\\| \\[?" + r.name() + "\\b[^|]*\\|\\s*" + r.labels().get("severity") + "\\s*\\|");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyAlertFiresInAUnitTestAndHasACaseWhereItDoesNot() {
    Set<String> fires = new HashSet<>();
    Set<String> silent = new HashSet<>();
    for (Map<String, Object> test : Rules.unitTests()) {
      for (Map<String, Object> t : (List<Map<String, Object>>) test.getOrDefault("alert_rule_test", List.of())) {
        String name = (String) t.get("alertname");
        List<Map<String, Object>> expected = (List<Map<String, Object>>) t.get("exp_alerts");
        if (expected == null || expected.isEmpty()) {
          silent.add(name);
        }
        for (Map<String, Object> e : expected == null ? List.<Map<String, Object>>of() : expected) {
          Map<String, Object> labels = (Map<String, Object>) e.get("exp_labels");
          fires.add(name + "/" + labels.get("severity"));
          assertThat(e).as("%s: expected annotations", name).containsKey("exp_annotations");
        }
      }
    }
    for (Rules.Rule r : Rules.all()) {
      if (r.isAlert()) {
        assertThat(fires).as("a unit test where %s fires with severity %s", r.name(), r.labels().get("severity"))
            .contains(r.name() + "/" + r.labels().get("severity"));
        if (!NO_NEAR_MISS.containsKey(r.name())) {
          assertThat(silent).as("a unit test where %s does not fire", r.name()).contains(r.name());
        }
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyRecordingRuleIsUnitTested() {
    Set<String> tested = new LinkedHashSet<>();
    Pattern name = Pattern.compile("[a-z_]+:[A-Za-z0-9_]+:[a-z0-9_]+");
    for (Map<String, Object> test : Rules.unitTests()) {
      for (Map<String, Object> t : (List<Map<String, Object>>) test.getOrDefault("promql_expr_test", List.of())) {
        Matcher m = name.matcher((String) t.get("expr"));
        while (m.find()) {
          tested.add(m.group());
        }
        assertThat((List<?>) t.get("exp_samples")).as("expected samples of %s", t.get("expr")).isNotEmpty();
      }
    }
    for (Rules.Rule r : Rules.all()) {
      if (!r.isAlert()) {
        assertThat(tested).as("a promql_expr_test of %s", r.name()).contains(r.name());
      }
    }
  }
}
