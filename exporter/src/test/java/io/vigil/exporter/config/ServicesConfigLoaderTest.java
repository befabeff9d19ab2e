package io.vigil.exporter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.collector.CollectorCatalogue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The config sections of the services collectors: textfile, process groups, probes, commands. */
class ServicesConfigLoaderTest {

  private final ConfigLoader loader = new ConfigLoader(CollectorCatalogue.names());

  private VigilConfig parse(String yaml) throws ConfigException {
    return loader.parse("vigil.yml", yaml, Optional.empty());
  }

  private void assertRejected(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class).hasMessage(message);
  }

  @Test
  void readsEveryServicesSection() throws Exception {
    VigilConfig c = parse("""
        collectors:
          textfile:
            directories: [/var/lib/vigil/textfile, "/srv/*/metrics"]
            max_file_bytes: 65536
        process_groups:
          max_groups: 20
          top: {count: 5}
          groups:
            - name: "{{.Comm}}"
              comm: [nginx, postgres]
            - name: "java:{{.Matches.app}}"
              exe: [java]
              cmdline: ['-jar\\s+(?P<app>\\w+)\\.jar']
        probes:
          modules:
            web:
              prober: http
              timeout: 3s
              http:
                valid_status_codes: [200, 204]
                method: HEAD
                headers: {Host: www.example.org}
                fail_if_body_not_matches_regexp: ["ok"]
                tls_verify: false
                allowed_schemes: [https]
            port: {prober: tcp, timeout: 1s, preferred_ip_protocol: ip4}
          targets:
            - {name: homepage, module: web, target: "https://www.example.org/health"}
            - {name: db, module: port, target: "db.internal:5432"}
          allowed_targets: ['https://.*\\.example\\.org/.*']
        commands:
          - name: backups
            command: [/usr/local/bin/backup-metrics, --all]
            timeout: 20s
            interval: 5m
            max_output_bytes: 10000
          - name: queue
            command: [/usr/sbin/postqueue, -j]
            metric: {name: mail_queue_length, help: Mails queued., labels: {queue: deferred}}
        """);
    ServicesConfig s = c.services();
    assertThat(s.textfile()).isEqualTo(new TextfileOptions(List.of("/var/lib/vigil/textfile", "/srv/*/metrics"),
        65536));
    assertThat(s.processGroups().maxGroups()).isEqualTo(20);
    assertThat(s.processGroups().topCount()).isEqualTo(5);
    assertThat(s.processGroups().groups().get(1).cmdline().get(0).pattern()).isEqualTo("-jar\\s+(?<app>\\w+)\\.jar");
    ProbeConfig.Module web = s.probes().modules().get("web");
    assertThat(web.timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(web.preferIpv6()).isTrue();
    assertThat(web.http().validStatusCodes()).containsExactlyInAnyOrder(200, 204);
    assertThat(web.http().tlsVerify()).isFalse();
    assertThat(web.http().allowedSchemes()).containsExactly("https");
    assertThat(web.http().headers()).isEqualTo(Map.of("Host", "www.example.org"));
    assertThat(s.probes().modules().get("port").preferIpv6()).isFalse();
    assertThat(s.probes().targets()).hasSize(2);
    assertThat(s.commands().get(0).interval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.commands().get(1).timeout()).isEqualTo(CommandConfig.DEFAULT_TIMEOUT);
    assertThat(s.commands().get(1).value().orElseThrow().labels()).isEqualTo(Map.of("queue", "deferred"));
    // configured sections switch their collectors on
    assertThat(Set.of("process_groups", "probe", "command"))
        .allSatisfy(n -> assertThat(c.collectors().settings(n).enabled()).contains(true));
  }

  @Test
  void anExplicitSwitchWinsOverTheSection() throws Exception {
    VigilConfig c = parse("""
        collectors:
          command: {enabled: false}
        commands:
          - {name: x, command: [/bin/true]}
        """);
    assertThat(c.collectors().settings("command").enabled()).contains(false);
  }

  @Test
  void rejectsUnknownTemplateFields() {
    assertRejected("""
        process_groups:
          groups:
            - name: "{{.PID}}"
              comm: [x]
        """, "vigil.yml:3:13: process_groups.groups[0].name: unknown field {{.PID}}; expected {{.Comm}}, "
        + "{{.ExeBase}}, {{.ExeFull}}, {{.Username}} or {{.Matches.NAME}}");
  }

  @Test
  void rejectsAGroupWithoutCriteria() {
    assertRejected("process_groups:\n  groups:\n    - name: x\n",
        "vigil.yml:3:7: process_groups.groups[0]: expected at least one of comm, exe or cmdline");
  }

  @Test
  void rejectsATopViewAboveTwenty() {
    assertRejected("process_groups:\n  top: {count: 50}\n",
        "vigil.yml:2:16: process_groups.top.count: expected an integer from 0 to 20, got 50");
  }

  @Test
  void rejectsAProbeOfAnUnknownModule() {
    assertRejected("""
        probes:
          modules: {web: {prober: http}}
          targets: [{name: a, module: wbe, target: "https://x/"}]
        """, "vigil.yml:3:31: probes.targets[0].module: unknown module \"wbe\"; expected one of: web");
  }

  @Test
  void rejectsATargetWithADisallowedScheme() {
    assertRejected("""
        probes:
          modules: {web: {prober: http, http: {allowed_schemes: [https]}}}
          targets: [{name: a, module: web, target: "http://x/"}]
        """, "vigil.yml:3:44: probes.targets[0].target: scheme \"http\" is not allowed by module web (allowed: "
        + "https)");
  }

  @Test
  void rejectsAnUnknownProber() {
    assertRejected("probes:\n  modules: {dns: {prober: dns}}\n",
        "vigil.yml:2:27: probes.modules.dns.prober: expected tcp or http, got \"dns\"");
  }

  @Test
  void rejectsACommandGivenAsAShellString() {
    assertRejected("commands:\n  - {name: x, command: \"echo hi | wc\"}\n",
        "vigil.yml:2:24: commands[0].command: expected a list of strings, got string \"echo hi | wc\"");
  }

  @Test
  void rejectsTwoCommandsOfTheSameName() {
    assertRejected("commands:\n  - {name: x, command: [a]}\n  - {name: x, command: [b]}\n",
        "vigil.yml:3:12: commands[1].name: command name \"x\" is used twice");
  }

  @Test
  void rejectsAnInvalidMetricName() {
    assertRejected("commands:\n  - {name: x, command: [a], metric: {name: 9lives}}\n",
        "vigil.yml:2:44: commands[0].metric.name: expected a metric name like backup_age_seconds, got \"9lives\"");
  }

  @Test
  void rejectsABadBodyRegex() {
    assertRejected("probes:\n  modules: {w: {prober: http, http: {fail_if_body_matches_regexp: [\"(\"]}}}\n",
        "vigil.yml:2:68: probes.modules.w.http.fail_if_body_matches_regexp: expected a valid regular expression, "
            + "got \"(\": Unclosed group near index 1");
  }

  @Test
  void rejectsAnOversizedTextfileLimit() {
    assertRejected("collectors:\n  textfile: {max_file_bytes: 0}\n",
        "vigil.yml:2:30: collectors.textfile.max_file_bytes: expected an integer from 1 to 67108864, got 0");
  }
}
