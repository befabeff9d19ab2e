package io.vigil.exporter.parity;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.Exporter;
import io.vigil.exporter.collector.CollectorCatalogue;
import io.vigil.exporter.config.VigilConfig;
import io.vigil.exporter.config.WebSettings;
import io.vigil.exporter.testing.ExternalBinary;
import io.vigil.exporter.testing.NodeExporterProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code promtool check metrics} on Vigil's full output reports nothing beyond what it reports on node_exporter's
 * own output for the same names (node_exporter's camelCase meminfo/netstat names and {@code _bits} units are kept for
 * compatibility, so their findings are expected on both sides).
 */
class PromtoolLintIT {

  @Test
  void vigilHasNoLintFindingsBeyondNodeExportersOwn() throws Exception {
    Path promtool = ExternalBinary.require("promtool", "prometheus");
    String ours;
    VigilConfig d = VigilConfig.DEFAULT;
    WebSettings web = new WebSettings("127.0.0.1:0", "/metrics", 40, d.web().requestTimeout(),
        d.web().responseTimeout(), false, Optional.empty());
    try (Exporter vigil = Exporter.start(
        new VigilConfig(web, d.scrape(), d.paths(), d.collectors(), Optional.empty()), CollectorCatalogue.all())) {
      ours = NodeExporterProcess.fetch("http://127.0.0.1:" + vigil.port() + "/metrics");
    }
    String theirs;
    try (NodeExporterProcess ne = NodeExporterProcess.start()) {
      theirs = NodeExporterProcess.fetch(ne.url("/metrics"));
    }
    Set<String> ourFindings = lint(promtool, ours);
    Set<String> theirFindings = lint(promtool, theirs);
    assertThat(theirFindings).as("promtool works and node_exporter has its known findings").isNotEmpty();
    List<String> extra = new ArrayList<>();
    for (String finding : ourFindings) {
      if (!theirFindings.contains(finding)) {
        extra.add(finding);
      }
    }
    assertThat(extra).as("findings on Vigil's output that node_exporter's output does not have").isEmpty();
  }

  /** promtool's findings, one per line; exit 3 means lint findings, 1 a syntax error. */
  private static Set<String> lint(Path promtool, String exposition) throws Exception {
    Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
    try (var in = p.getOutputStream()) {
      in.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("promtool exit status (0 clean, 3 lint findings): %s", output).isIn(0, 3);
    Set<String> findings = new TreeSet<>();
    output.lines().filter(l -> !l.isBlank()).forEach(findings::add);
    return findings;
  }
}
