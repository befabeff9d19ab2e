package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.collector.ScrapeRunner.TimedCollector;
import io.vigil.exporter.config.CollectorOptions;
import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.procfs.LinuxSources;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A malformed or truncated file fails only the collector that reads it: every kernel collector runs through the real
 * {@link ScrapeRunner} on a copy of the canonical tree in which one file is broken, and only that collector reports
 * {@code success 0}. ({@code selinux} has no failing input, as go-selinux has none; {@code timex} reads no file: its
 * failure is covered in {@code TimexCollectorTest}.)
 */
class KernelCollectorIsolationTest {

  /** The collectors under test, all reading the copied tree. */
  private static final List<String> COLLECTORS = List.of("arp", "buddyinfo", "cgroups", "conntrack", "entropy",
      "interrupts", "ksmd", "lnstat", "meminfo_numa", "network_route", "schedstat", "selinux", "softnet", "sysctl",
      "tcpstat", "udp_queues");

  static Stream<Arguments> brokenFiles() {
    return Stream.of(
        Arguments.of("arp", "proc/net/arp", truncated("proc/net/arp", 3)),
        Arguments.of("buddyinfo", "proc/buddyinfo", truncated("proc/buddyinfo", 2)),
        Arguments.of("cgroups", "proc/cgroups", truncated("proc/cgroups", 5)),
        Arguments.of("conntrack", "proc/sys/net/netfilter/nf_conntrack_count", "1851 1851\n"),
        Arguments.of("entropy", "proc/sys/kernel/random/entropy_avail", ""),
        Arguments.of("interrupts", "proc/interrupts", "\n"),
        Arguments.of("ksmd", "sys/kernel/mm/ksm/pages_sharing", "lots\n"),
        Arguments.of("lnstat", "proc/net/stat/rt_cache", truncated("proc/net/stat/rt_cache", 2)),
        Arguments.of("meminfo_numa", "sys/devices/system/node/node0/numastat", "numa_hit\n"),
        Arguments.of("network_route", "proc/net/route", truncated("proc/net/route", 2)),
        Arguments.of("schedstat", "proc/schedstat", truncated("proc/schedstat", 4)),
        Arguments.of("softnet", "proc/net/softnet_stat", truncated("proc/net/softnet_stat", 1)),
        Arguments.of("sysctl", "proc/sys/vm/swappiness", "sixty\n"),
        Arguments.of("tcpstat", "proc/net/tcp", truncated("proc/net/tcp", 10)),
        Arguments.of("udp_queues", "proc/net/udp6", truncated("proc/net/udp6", 2)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("brokenFiles")
  void aBrokenFileFailsOnlyTheCollectorReadingIt(String collector, String file, String content, @TempDir Path root)
      throws Exception {
    copyCanonicalTree(root);
    Files.writeString(root.resolve(file), content);

    Map<String, Boolean> outcomes = scrape(root);

    Map<String, Boolean> expected = new TreeMap<>();
    COLLECTORS.forEach(c -> expected.put(c, !c.equals(collector)));
    assertThat(outcomes).isEqualTo(expected);
  }

  @Test
  void everyCollectorSucceedsOnTheIntactTree(@TempDir Path root) throws Exception {
    copyCanonicalTree(root);

    assertThat(scrape(root)).hasSize(COLLECTORS.size()).doesNotContainValue(false);
  }

  /** Runs the collectors once through the runner; collector name to success. */
  private static Map<String, Boolean> scrape(Path root) throws Exception {
    ProcFs proc = new ProcFs(root.resolve("proc"));
    SysFs sys = new SysFs(root.resolve("sys"));
    HostPaths paths = new HostPaths(proc.root(), sys.root(), root, root.resolve("run/udev/data"));
    CollectorOptions d = CollectorOptions.DEFAULT;
    CollectorOptions options = new CollectorOptions(d.enableDefaults(), d.perCollector(), d.filesystem(),
        d.netdevDevices(), d.diskstatsDevices(), d.netclassDevices(), d.cpuInfo(), List.of("vm.swappiness"));
    CollectorContext ctx = new CollectorContext(LinuxSources.create(proc, sys, paths, () -> "x86_64"),
        Optional.of(proc), Optional.of(sys), paths, options);
    List<TimedCollector> timed = new ArrayList<>();
    for (String name : COLLECTORS) {
      timed.add(new TimedCollector(
          CollectorCatalogue.find(name).orElseThrow().factory().create(ctx), Duration.ofSeconds(10)));
    }
    Map<String, Boolean> outcomes = new TreeMap<>();
    try (ScrapeRunner runner = new ScrapeRunner(timed)) {
      runner.scrape(n -> true, Optional.empty()).outcomes().forEach(o -> outcomes.put(o.name(), o.success()));
    }
    return outcomes;
  }

  private static void copyCanonicalTree(Path root) throws IOException {
    for (String top : List.of("proc", "sys", "etc")) {
      Fixtures.copyTree(Fixtures.root().resolve(top), root.resolve(top));
    }
  }

  /** A canonical file cut short in the middle of the line after the first {@code lines} lines. */
  private static String truncated(String file, int lines) {
    try {
      List<String> all = Files.readAllLines(Fixtures.root().resolve(file));
      String next = all.get(lines).strip();
      return String.join("\n", all.subList(0, lines)) + "\n" + next.substring(0, next.length() / 2);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
