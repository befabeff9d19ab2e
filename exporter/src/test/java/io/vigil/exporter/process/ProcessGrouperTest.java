package io.vigil.exporter.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.config.ProcessGroupsConfig;
import io.vigil.exporter.source.ProcessDetails;
import io.vigil.exporter.source.ProcessInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProcessGrouperTest {

  private final AtomicLong clock = new AtomicLong(1);

  private static ProcessInfo proc(long pid, long ppid, String comm, double userSeconds, List<String> cmdline) {
    return new ProcessInfo(pid, ppid, comm, 'S', Optional.of("/usr/bin/" + comm), cmdline, 1000 + pid, 1,
        userSeconds, 0, 0, 0, 4096, 8192);
  }

  private static Optional<ProcessDetails> details(ProcessInfo p) {
    return Optional.of(new ProcessDetails(Optional.of("root"), OptionalLong.empty(), OptionalLong.of(1),
        OptionalLong.of(0), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(10), OptionalLong.of(100)));
  }

  private ProcessGrouper grouper(ProcessGroupsConfig.Matcher... matchers) {
    return new ProcessGrouper(new ProcessGroupsConfig(List.of(matchers), 100, 0), clock::get);
  }

  private static ProcessGroupsConfig.Matcher comm(String name, String... comm) {
    return new ProcessGroupsConfig.Matcher(name, List.of(comm), List.of(), List.of());
  }

  private static Map<String, ProcessGrouper.GroupStats> byName(ProcessGrouper.Result r) {
    return r.groups().stream().collect(java.util.stream.Collectors.toMap(ProcessGrouper.GroupStats::name, g -> g));
  }

  @Test
  void firstMatchingMatcherNamesTheGroup() {
    ProcessGrouper g = grouper(comm("web", "nginx"), comm("{{.Comm}}", "nginx", "redis"));
    var r = byName(g.update(List.of(proc(10, 1, "nginx", 1, List.of()), proc(11, 1, "redis", 1, List.of())),
        ProcessGrouperTest::details));
    assertThat(r.keySet()).containsExactlyInAnyOrder("web", "redis");
  }

  @Test
  void countersStayMonotonicWhenAMemberExitsAndTheEmptyGroupIsKept() {
    ProcessGrouper g = grouper(comm("app", "app"));
    ProcessInfo a = proc(10, 1, "app", 5, List.of());
    ProcessInfo b = proc(11, 1, "app", 7, List.of());
    assertThat(byName(g.update(List.of(a, b), ProcessGrouperTest::details)).get("app").counter(0)).isEqualTo(12);
    ProcessInfo bLater = proc(11, 1, "app", 8, List.of());
    var after = byName(g.update(List.of(bLater), ProcessGrouperTest::details)).get("app");
    assertThat(after.procs()).isEqualTo(1);
    assertThat(after.counter(0)).isEqualTo(13); // a's 5 s stay counted
    var empty = byName(g.update(List.of(), ProcessGrouperTest::details)).get("app");
    assertThat(empty.procs()).isZero();
    assertThat(empty.counter(0)).isEqualTo(13);
    assertThat(empty.oldestStartTime()).isEmpty();
    clock.addAndGet(ProcessGrouper.RETENTION_NANOS + 1);
    assertThat(g.update(List.of(), ProcessGrouperTest::details).groups()).isEmpty();
  }

  @Test
  void aReusedPidIsANewMember() {
    ProcessGrouper g = grouper(comm("app", "app"));
    g.update(List.of(proc(10, 1, "app", 5, List.of())), ProcessGrouperTest::details);
    ProcessInfo reused = new ProcessInfo(10, 1, "app", 'S', Optional.empty(), List.of(), 9999, 1, 1, 0, 0, 0, 0, 0);
    assertThat(byName(g.update(List.of(reused), ProcessGrouperTest::details)).get("app").counter(0)).isEqualTo(6);
  }

  @Test
  void childrenJoinTheNearestMatchedAncestorUnlessTheyMatchThemselves() {
    ProcessGrouper g = grouper(comm("sup", "supervisord"), comm("worker", "worker"));
    var r = byName(g.update(List.of(
        proc(1, 0, "init", 1, List.of()),
        proc(10, 1, "supervisord", 1, List.of()),
        proc(20, 10, "sh", 1, List.of()),
        proc(30, 20, "python", 1, List.of()),
        proc(40, 10, "worker", 1, List.of()),
        proc(50, 40, "helper", 1, List.of())), ProcessGrouperTest::details));
    assertThat(r.get("sup").procs()).isEqualTo(3);
    assertThat(r.get("worker").procs()).isEqualTo(2);
  }

  @Test
  void aProcessThatExitsBeforeItsDetailsAreReadIsSkipped() {
    ProcessGrouper g = grouper(comm("app", "app"));
    var r = g.update(List.of(proc(10, 1, "app", 5, List.of()), proc(11, 1, "app", 5, List.of())),
        p -> p.pid() == 11 ? Optional.empty() : details(p));
    assertThat(r.groups().get(0).procs()).isEqualTo(1);
  }

  @Test
  void cmdlineCapturesAndExeNameTheGroup() {
    Pattern jar = Pattern.compile("-jar\\s+(?<app>\\w+)\\.jar");
    ProcessGrouper g = grouper(new ProcessGroupsConfig.Matcher("{{.ExeBase}}:{{.Matches.app}}:{{.Username}}",
        List.of(), List.of("java"), List.of(jar)));
    var r = g.update(List.of(proc(10, 1, "java", 1, List.of("java", "-jar", "shop.jar"))),
        ProcessGrouperTest::details);
    assertThat(r.groups().get(0).name()).isEqualTo("java:shop:root");
  }

  @Test
  void templatesRefuseUnknownFieldsAndMissingCaptures() {
    assertThatThrownBy(() -> NameTemplate.compile("{{.PID}}", Set.of()))
        .hasMessageStartingWith("unknown field {{.PID}}");
    assertThatThrownBy(() -> NameTemplate.compile("{{.Matches.app}}", Set.of()))
        .hasMessageContaining("no cmdline regex has a named group (?<app>...)");
    assertThatThrownBy(() -> NameTemplate.compile("x{{.Comm}", Set.of())).hasMessageStartingWith("malformed");
  }
}
