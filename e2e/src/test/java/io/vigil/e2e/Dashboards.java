package io.vigil.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shipped Grafana dashboards (grafana/dashboards/*.json) and their panel queries. */
final class Dashboards {

  private Dashboards() {}

  /** One dashboard file and its parsed JSON. */
  record Dashboard(Path file, JsonNode json) {
    String name() {
      return file.getFileName().toString();
    }

    /** Every panel, rows included, with panels nested in collapsed rows flattened. */
    List<JsonNode> panels() {
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode p : json.path("panels")) {
        out.add(p);
        p.path("panels").forEach(out::add);
      }
      return out;
    }

    List<JsonNode> variables() {
      List<JsonNode> out = new ArrayList<>();
      json.path("templating").path("list").forEach(out::add);
      return out;
    }

    List<Query> queries() {
      List<Query> out = new ArrayList<>();
      for (JsonNode p : panels()) {
        for (JsonNode t : p.path("targets")) {
          out.add(new Query(name(), p.path("title").asText(), t.path("refId").asText(), t.path("expr").asText()));
        }
      }
      return out;
    }
  }

  /** A panel query: where it is (dashboard file, panel title, refId) and its expression as written. */
  record Query(String dashboard, String panel, String refId, String expr) {
    String key() {
      return dashboard + " / " + panel + " / " + refId;
    }
  }

  static List<Dashboard> all() {
    List<Dashboard> out = new ArrayList<>();
    for (Path f : Repo.files("grafana/dashboards", ".json")) {
      out.add(new Dashboard(f, PrometheusApi.parse(Repo.read(f))));
    }
    return out;
  }
}
