package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.exporter.config.ProcessGroupsConfig;
import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.procfs.LinuxProcessSource;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.ProcPidStat;
import io.vigil.exporter.source.procfs.ProcPids;
import io.vigil.exporter.testing.Burner;
import io.vigil.exporter.testing.Exposition;
import io.vigil.exporter.testing.MetricsText;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A process group for a test process with known use (64 MiB touched, ~0.6 s of CPU): the group's metrics agree with
 * what {@code /proc} says about that process, and the group empties and fills as the process stops and starts.
 */
@EnabledOnOs(OS.LINUX)
class ProcessGroupsIT {

  private static final ProcFs PROC = new ProcFs(Path.of("/proc"));
  private static final int MIB = 64;
  private static final int CPU_MILLIS = 600;

  private final String tag = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @Test
  void groupOfATestProcessAgreesWithProcAndFollowsItsLife() throws Exception {
    ProcessGroupsConfig config = new ProcessGroupsConfig(List.of(new ProcessGroupsConfig.Matcher(
        "burner-{{.Matches.tag}}", List.of(), List.of(),
        List.of(Pattern.compile(Pattern.quote(Burner.class.getName()) + "\\s+(?<tag>" + tag + ")")))), 100, 0);
    ProcessGroupsCollector collector =
        new ProcessGroupsCollector(LinuxProcessSource.create(PROC, HostPaths.defaults()), config);
    Map<String, String> group = Map.of("groupname", "burner-" + tag);

    Process burner = start();
    try {
      long pid = burner.pid();
      double cpuBefore = cpuSeconds(pid);
      Exposition e = Exposition.parse(MetricsText.of(collector.collect()));
      double cpuAfter = cpuSeconds(pid);
      long rss = vmRssBytes(pid);

      assertThat(value(e, "namedprocess_namegroup_num_procs", group)).isEqualTo(1);
      double user = value(e, "namedprocess_namegroup_cpu_seconds_total", Map.of("groupname", group.get("groupname"),
          "mode", "user"));
      double system = value(e, "namedprocess_namegroup_cpu_seconds_total", Map.of("groupname", group.get("groupname"),
          "mode", "system"));
      assertThat(user + system).isBetween(cpuBefore - 0.011, cpuAfter + 0.011);
      assertThat(user + system).isGreaterThanOrEqualTo(CPU_MILLIS / 1000.0 * 0.9);
      double resident = value(e, "namedprocess_namegroup_memory_bytes", Map.of("groupname", group.get("groupname"),
          "memtype", "resident"));
      assertThat(resident).isCloseTo(rss, within(rss * 0.05));
      assertThat(resident).isGreaterThan(MIB * (1 << 20));
      assertThat(value(e, "namedprocess_namegroup_num_threads", group))
          .isCloseTo(ProcPids.stat(PROC, pid).orElseThrow().numThreads(), within(3.0));
      double start = value(e, "namedprocess_namegroup_oldest_start_time_seconds", group);
      double startedAt = burner.info().startInstant().orElseThrow().toEpochMilli() / 1000.0;
      assertThat(start).isCloseTo(startedAt, within(1.0));
      long fds;
      try (var entries = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
        fds = entries.count();
      }
      assertThat(value(e, "namedprocess_namegroup_open_filedesc", group)).isCloseTo(fds, within(2.0));
      assertThat(value(e, "namedprocess_namegroup_states", Map.of("groupname", group.get("groupname"),
          "state", "Sleeping"))).isEqualTo(1);
    } finally {
      burner.destroyForcibly();
      burner.waitFor(10, TimeUnit.SECONDS);
    }

    Exposition stopped = Exposition.parse(MetricsText.of(collector.collect()));
    assertThat(value(stopped, "namedprocess_namegroup_num_procs", group)).isZero();
    assertThat(stopped.family("namedprocess_namegroup_oldest_start_time_seconds").flatMap(f -> f.find(group)))
        .isEmpty();

    Process again = start();
    try {
      Exposition restarted = Exposition.parse(MetricsText.of(collector.collect()));
      assertThat(value(restarted, "namedprocess_namegroup_num_procs", group)).isEqualTo(1);
      // the first run's CPU stays counted: the counter never goes back
      double cpu = value(restarted, "namedprocess_namegroup_cpu_seconds_total", Map.of("groupname",
          group.get("groupname"), "mode", "user"));
      assertThat(cpu).isGreaterThan(CPU_MILLIS / 1000.0);
    } finally {
      again.destroyForcibly();
      again.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private Process start() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), Burner.class.getName(), tag, Integer.toString(MIB),
        Integer.toString(CPU_MILLIS)).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("burner output").startsWith("ready");
    return p;
  }

  private static double cpuSeconds(long pid) throws Exception {
    ProcPidStat s = ProcPids.stat(PROC, pid).orElseThrow();
    return (s.utimeTicks() + s.stimeTicks()) / 100.0;
  }

  private static long vmRssBytes(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS");
  }

  private static double value(Exposition e, String family, Map<String, String> labels) {
    return e.family(family).orElseThrow(() -> new AssertionError("no " + family))
        .find(labels).orElseThrow(() -> new AssertionError("no " + family + labels)).value();
  }
}
