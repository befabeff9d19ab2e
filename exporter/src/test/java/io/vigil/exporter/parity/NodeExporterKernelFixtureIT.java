package io.vigil.exporter.parity;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.collector.CollectorCatalogue;
import io.vigil.exporter.collector.CollectorContext;
import io.vigil.exporter.config.CollectorOptions;
import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.procfs.LinuxSources;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Exposition;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import io.vigil.exporter.testing.NodeExporterProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Debian's node_exporter 1.5 and Vigil read the same fixture tree ({@code --path.procfs}, {@code --path.sysfs}) and
 * must print the same families, types, help texts, series and values for every kernel collector that reads files
 * there. Left out: {@code tcpstat} and {@code network_route} (node_exporter asks netlink, not the files),
 * {@code timex} (a system call) and {@code selinux} (go-selinux ignores {@code --path.sysfs}); the live comparison
 * covers them ({@code NodeExporterKernelParityIT}).
 */
class NodeExporterKernelFixtureIT {

  private static final List<String> COLLECTORS = List.of("arp", "buddyinfo", "cgroups", "conntrack", "entropy",
      "interrupts", "ksmd", "lnstat", "meminfo_numa", "schedstat", "softnet", "sysctl", "udp_queues");
  private static final List<String> SYSCTLS =
      List.of("vm.swappiness", "kernel.printk", "net.ipv4.ip_local_port_range:low,high");

  /** Trees relative to the fixture root; "" is the canonical tree. Each holds what some of the collectors read. */
  @ParameterizedTest(name = "tree \"{0}\"")
  @ValueSource(strings = {"", "SoftnetCollectorTest/kernel-2.6.32-9-columns", "BuddyinfoCollectorTest/numa-2-nodes",
      "KsmdCollectorTest/kvm-host-merging", "MeminfoNumaCollectorTest/numa-2-nodes",
      "CgroupsCollectorTest/raspberry-pi-memory-disabled", "UdpQueuesCollectorTest/ipv6-disabled"})
  void nodeExporterAndVigilAgreeOnTheTree(String tree) throws Exception {
    Path root = tree.isEmpty() ? Fixtures.root() : Fixtures.root().resolve(tree);
    List<String> flags = new ArrayList<>(List.of("--collector.disable-defaults",
        "--path.procfs=" + root.resolve("proc"), "--path.sysfs=" + root.resolve("sys")));
    COLLECTORS.forEach(c -> flags.add("--collector." + c));
    SYSCTLS.forEach(s -> flags.add("--collector.sysctl.include=" + s));
    CollectorContext ctx = context(root);
    List<String> compared = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try (NodeExporterProcess ne = NodeExporterProcess.start(flags.toArray(String[]::new))) {
      for (String collector : COLLECTORS) {
        Map<String, Exposition.Family> theirs =
            Exposition.parse(NodeExporterProcess.fetch(ne.url("/metrics?collect[]=" + collector))).families();
        boolean theirSuccess = theirs.get("node_scrape_collector_success").series().values().iterator().next() == 1;
        Map<String, Exposition.Family> ours;
        try {
          ours = Exposition.parse(MetricsText.of(
              CollectorCatalogue.find(collector).orElseThrow().factory().create(ctx).collect())).families();
        } catch (Exception e) {
          ours = null;
        }
        if (!theirSuccess || ours == null) {
          // a tree without the collector's files: both must fail
          if (theirSuccess != (ours != null)) {
            problems.add(collector + ": node_exporter success " + theirSuccess + ", Vigil success " + (ours != null));
          }
          continue;
        }
        compared.add(collector);
        Map<String, Exposition.Family> nodeFamilies = new TreeMap<>(theirs);
        nodeFamilies.keySet().removeIf(name -> name.startsWith("node_scrape_collector_")
            || name.startsWith("node_exporter_") || !name.startsWith("node_"));
        problems.addAll(differences(collector, nodeFamilies, ours));
      }
    }
    assertThat(problems).as("differences on %s (compared: %s)", root, compared).isEmpty();
    assertThat(compared).isNotEmpty();
  }

  /** Family by family, then series by series: what node_exporter printed that Vigil did not, or differently. */
  static List<String> differences(
      String collector, Map<String, Exposition.Family> theirs, Map<String, Exposition.Family> ours) {
    List<String> out = new ArrayList<>();
    java.util.Set<String> names = new java.util.TreeSet<>(theirs.keySet());
    names.addAll(ours.keySet());
    for (String name : names) {
      Exposition.Family t = theirs.get(name);
      Exposition.Family o = ours.get(name);
      if (t == null || o == null) {
        out.add(collector + ": " + name + (t == null ? " only in Vigil" : " only in node_exporter"));
      } else if (!t.type().equals(o.type()) || !t.help().equals(o.help())) {
        out.add(collector + ": " + name + " type/help " + o.type() + " \"" + o.help() + "\", node_exporter "
            + t.type() + " \"" + t.help() + "\"");
      } else if (!t.series().equals(o.series())) {
        out.add(collector + ": " + name + " samples " + o.series() + ", node_exporter " + t.series());
      }
    }
    return out;
  }

  private static CollectorContext context(Path root) {
    ProcFs proc = new ProcFs(root.resolve("proc"));
    SysFs sys = new SysFs(root.resolve("sys"));
    HostPaths paths = new HostPaths(proc.root(), sys.root(), root, root.resolve("run/udev/data"));
    CollectorOptions d = CollectorOptions.DEFAULT;
    CollectorOptions options = new CollectorOptions(d.enableDefaults(), d.perCollector(), d.filesystem(),
        d.netdevDevices(), d.diskstatsDevices(), d.netclassDevices(), d.cpuInfo(), SYSCTLS);
    return new CollectorContext(LinuxSources.create(proc, sys, paths, () -> "x86_64"), Optional.of(proc),
        Optional.of(sys), paths, options);
  }
}
