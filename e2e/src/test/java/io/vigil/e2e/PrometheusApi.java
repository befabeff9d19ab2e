package io.vigil.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The parts of Prometheus' HTTP API (/api/v1) the tests read. */
final class PrometheusApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;

  PrometheusApi(String base) {
    this.base = base;
  }

  /** Outcome of an instant query: the error Prometheus reported (null when none) and the result vector. */
  record QueryResult(String expr, String error, JsonNode result) {
    int size() {
      return result == null ? 0 : result.size();
    }
  }

  QueryResult query(String expr) {
    HttpResponse<String> r = Http.postForm(base + "/api/v1/query", "query", expr);
    JsonNode body = parse(r.body());
    if (!"success".equals(body.path("status").asText())) {
      return new QueryResult(expr, r.statusCode() + " " + body.path("errorType").asText() + ": "
          + body.path("error").asText(), null);
    }
    return new QueryResult(expr, null, body.path("data").path("result"));
  }

  /** Active targets ({@code data.activeTargets}). */
  JsonNode activeTargets() {
    return getData("/api/v1/targets?state=active").path("activeTargets");
  }

  /** Rule groups with their rules, health and last error ({@code data.groups}). */
  JsonNode ruleGroups() {
    return getData("/api/v1/rules").path("groups");
  }

  /** Active alerts, pending and firing, with labels, state and value ({@code data.alerts}). */
  JsonNode alerts() {
    return getData("/api/v1/alerts").path("alerts");
  }

  /** Exemplars of the series an expression selects, between two times ({@code data}: series with exemplars). */
  JsonNode exemplars(String expr, Instant start, Instant end) {
    return getData("/api/v1/query_exemplars?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)
        + "&start=" + start.getEpochSecond() + "&end=" + end.getEpochSecond());
  }

  /** Values of a label among the series matching {@code selector}. */
  JsonNode labelValues(String label, String selector) {
    return getData("/api/v1/label/" + label + "/values?match[]="
        + URLEncoder.encode(selector, StandardCharsets.UTF_8));
  }

  private JsonNode getData(String path) {
    HttpResponse<String> r = Http.get(base + path);
    JsonNode body = parse(r.body());
    if (r.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
      throw new IllegalStateException("GET " + path + " -> " + r.statusCode() + " " + r.body());
    }
    return body.path("data");
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }
}
