package io.vigil.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The shipped rule files (rules/*.rules.yml) and their unit tests (rules/tests/*.test.yml), parsed. */
final class Rules {

  private Rules() {}

  /** A rule with the file and group it is in. */
  record Rule(Path file, String group, Map<String, Object> rule) {
    boolean isAlert() {
      return rule.containsKey("alert");
    }

    String name() {
      return (String) (isAlert() ? rule.get("alert") : rule.get("record"));
    }

    @SuppressWarnings("unchecked")
    Map<String, String> labels() {
      return (Map<String, String>) rule.getOrDefault("labels", Map.of());
    }

    @SuppressWarnings("unchecked")
    Map<String, String> annotations() {
      return (Map<String, String>) rule.getOrDefault("annotations", Map.of());
    }
  }

  /** A rule group: file, name, rules. */
  record Group(Path file, String name, List<Rule> rules) {}

  @SuppressWarnings("unchecked")
  static List<Group> groups() {
    List<Group> out = new ArrayList<>();
    for (Path f : Repo.files("rules", ".rules.yml")) {
      Map<String, Object> doc = load(f);
      for (Map<String, Object> g : (List<Map<String, Object>>) doc.get("groups")) {
        String name = (String) g.get("name");
        List<Rule> rules = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) g.get("rules")) {
          rules.add(new Rule(f, name, r));
        }
        out.add(new Group(f, name, rules));
      }
    }
    return out;
  }

  static List<Rule> all() {
    return groups().stream().flatMap(g -> g.rules().stream()).toList();
  }

  /** Every test case of every rules/tests/*.test.yml file. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> unitTests() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Path f : Repo.files("rules/tests", ".test.yml")) {
      out.addAll((List<Map<String, Object>>) load(f).get("tests"));
    }
    return out;
  }

  private static Map<String, Object> load(Path f) {
    return Repo.yaml(f);
  }
}
