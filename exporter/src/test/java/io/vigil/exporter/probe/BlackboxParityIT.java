package io.vigil.exporter.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.Exporter;
import io.vigil.exporter.collector.CollectorCatalogue;
import io.vigil.exporter.config.ConfigLoader;
import io.vigil.exporter.config.VigilConfig;
import io.vigil.exporter.testing.BlackboxExporterProcess;
import io.vigil.exporter.testing.Exposition;
import io.vigil.exporter.testing.NodeExporterProcess;
import io.vigil.exporter.testing.ProbeTargetsFixture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Vigil's probes side by side with Debian's blackbox_exporter (0.23) probing the same local targets with equivalent
 * modules: for every case the same families with the same label names, and equal success, status code, redirects,
 * regex verdict, TLS facts and address hash. The per-probe series of Vigil's {@code /metrics} are the same families
 * with {@code probe} and {@code target} added.
 */
class BlackboxParityIT {

  private static final String BLACKBOX_MODULES = """
      modules:
        http_2xx:
          prober: http
          timeout: 5s
          http:
            preferred_ip_protocol: ip4
        http_404:
          prober: http
          timeout: 5s
          http:
            preferred_ip_protocol: ip4
            valid_status_codes: [404]
        http_body:
          prober: http
          timeout: 5s
          http:
            preferred_ip_protocol: ip4
            fail_if_body_not_matches_regexp: ["goodbye"]
        https_insecure:
          prober: http
          timeout: 5s
          http:
            preferred_ip_protocol: ip4
            tls_config:
              insecure_skip_verify: true
        https_verify:
          prober: http
          timeout: 5s
          http:
            preferred_ip_protocol: ip4
        tcp_connect:
          prober: tcp
          timeout: 5s
          tcp:
            preferred_ip_protocol: ip4
      """;

  private static final String VIGIL_MODULES = """
      modules:
        http_2xx: {prober: http, timeout: 5s, preferred_ip_protocol: ip4}
        http_404: {prober: http, timeout: 5s, preferred_ip_protocol: ip4, http: {valid_status_codes: [404]}}
        http_body:
          prober: http
          timeout: 5s
          preferred_ip_protocol: ip4
          http: {fail_if_body_not_matches_regexp: ["goodbye"]}
        https_insecure: {prober: http, timeout: 5s, preferred_ip_protocol: ip4, http: {tls_verify: false}}
        https_verify: {prober: http, timeout: 5s, preferred_ip_protocol: ip4}
        tcp_connect: {prober: tcp, timeout: 5s, preferred_ip_protocol: ip4}
      """;

  /** Families whose values must be equal, not only present with the same labels. */
  private static final Set<String> EQUAL_VALUES = Set.of(
      "probe_success", "probe_http_status_code", "probe_http_redirects", "probe_failed_due_to_regex",
      "probe_http_ssl", "probe_ip_protocol", "probe_ip_addr_hash", "probe_http_version",
      "probe_http_content_length", "probe_http_uncompressed_body_length", "probe_ssl_earliest_cert_expiry",
      "probe_ssl_last_chain_expiry_timestamp_seconds", "probe_ssl_last_chain_info", "probe_tls_version_info");

  private record Case(String name, String module, String target) {}

  @Test
  void probesAgreeWithBlackboxExporter() throws Exception {
    try (ProbeTargetsFixture t = ProbeTargetsFixture.start();
        BlackboxExporterProcess blackbox = BlackboxExporterProcess.start(BLACKBOX_MODULES)) {
      List<Case> cases = List.of(
          new Case("ok", "http_2xx", t.httpUrl("/")),
          new Case("missing", "http_2xx", t.httpUrl("/missing")),
          new Case("expected_404", "http_404", t.httpUrl("/missing")),
          new Case("body_regex", "http_body", t.httpUrl("/")),
          new Case("redirect", "http_2xx", t.httpUrl("/redirect")),
          new Case("chunked", "http_2xx", t.httpUrl("/chunked")),
          new Case("https_insecure", "https_insecure", t.httpsUrl("/")),
          new Case("https_self_signed", "https_verify", t.httpsUrl("/")),
          new Case("http_refused", "http_2xx", "http://127.0.0.1:" + t.closedPort() + "/"),
          new Case("tcp_open", "tcp_connect", t.tcpTarget()),
          new Case("tcp_refused", "tcp_connect", "127.0.0.1:" + t.closedPort()));
      StringBuilder yaml = new StringBuilder("collectors:\n  enable_defaults: false\nprobes:\n");
      yaml.append(VIGIL_MODULES.indent(2)).append("  targets:\n");
      for (Case c : cases) {
        yaml.append("    - {name: ").append(c.name()).append(", module: ").append(c.module())
            .append(", target: \"").append(c.target()).append("\"}\n");
      }
      yaml.append("web:\n  listen_address: \"127.0.0.1:0\"\n  disable_exporter_metrics: true\n");
      VigilConfig config = new ConfigLoader(CollectorCatalogue.names()).parse("vigil.yml", yaml.toString(),
          Optional.empty());
      List<String> problems = new ArrayList<>();
      try (Exporter vigil = Exporter.start(config, CollectorCatalogue.all())) {
        String base = "http://127.0.0.1:" + vigil.port();
        Exposition metrics = Exposition.parse(NodeExporterProcess.fetch(base + "/metrics"));
        for (Case c : cases) {
          Exposition theirs = Exposition.parse(blackbox.probe(c.module(), c.target()));
          Exposition ours = Exposition.parse(BlackboxExporterProcess.get(base, c.module(), c.target()));
          Set<String> compared = compare(c.name() + " /probe", theirs, ours, Map.of(), problems);
          assertThat(compared).as(c.name()).contains("probe_success", "probe_duration_seconds");
          if (c.name().equals("https_insecure")) {
            assertThat(compared).contains("probe_ssl_last_chain_info", "probe_tls_version_info");
          }
          compare(c.name() + " /metrics", theirs, metrics, Map.of("probe", c.name(), "target", c.target()),
              problems);
        }
        assertThat(value(metrics, "probe_success", Map.of("probe", "ok", "target", t.httpUrl("/")))).isEqualTo(1);
        assertThat(value(metrics, "probe_success", Map.of("probe", "missing", "target", t.httpUrl("/missing"))))
            .isZero();
      }
      assertThat(problems).isEmpty();
    }
  }

  /** Compares blackbox's output for one probe with our series carrying {@code extra} labels. */
  private static Set<String> compare(
      String what, Exposition theirs, Exposition ours, Map<String, String> extra, List<String> problems) {
    Set<String> theirFamilies = new TreeSet<>();
    for (Exposition.Family f : theirs.families().values()) {
      if (!f.name().startsWith("probe_")) {
        continue;
      }
      theirFamilies.add(f.name());
      Optional<Exposition.Family> mine = ours.family(f.name());
      List<Exposition.Sample> mineSamples = mine.map(m -> m.samples().stream()
          .filter(s -> s.labels().entrySet().containsAll(extra.entrySet())).toList()).orElse(List.of());
      if (mineSamples.isEmpty()) {
        problems.add(what + ": missing " + f.name());
        continue;
      }
      Set<String> theirLabels = f.labelNames();
      Set<String> myLabels = new TreeSet<>();
      mineSamples.forEach(s -> myLabels.addAll(s.labels().keySet()));
      myLabels.removeAll(extra.keySet());
      if (!theirLabels.equals(myLabels)) {
        problems.add(what + ": " + f.name() + " labels " + myLabels + ", blackbox " + theirLabels);
      }
      if (EQUAL_VALUES.contains(f.name())) {
        for (Exposition.Sample s : f.samples()) {
          Map<String, String> labels = new HashMap<>(s.labels());
          labels.putAll(extra);
          Optional<Exposition.Sample> m = mineSamples.stream().filter(x -> x.labels().equals(labels)).findFirst();
          if (m.isEmpty()) {
            problems.add(what + ": " + f.name() + s.labels() + " missing; have "
                + mineSamples.stream().map(Exposition.Sample::labels).toList());
          } else if (Double.compare(m.get().value(), s.value()) != 0) {
            problems.add(what + ": " + f.name() + s.labels() + " = " + m.get().value() + ", blackbox " + s.value());
          }
        }
      }
    }
    for (Exposition.Family f : ours.families().values()) {
      boolean ofThisProbe = f.samples().stream().anyMatch(s -> s.labels().entrySet().containsAll(extra.entrySet()));
      if (f.name().startsWith("probe_") && ofThisProbe && !theirFamilies.contains(f.name())) {
        problems.add(what + ": " + f.name() + " is not served by blackbox_exporter for this probe");
      }
    }
    return theirFamilies;
  }

  private static double value(Exposition e, String family, Map<String, String> labels) {
    return e.family(family).orElseThrow().find(labels).orElseThrow().value();
  }
}
