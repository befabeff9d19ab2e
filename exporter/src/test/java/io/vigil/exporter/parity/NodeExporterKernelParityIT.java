package io.vigil.exporter.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.Exporter;
import io.vigil.exporter.collector.CollectorCatalogue;
import io.vigil.exporter.config.CollectorOptions;
import io.vigil.exporter.config.CollectorSettings;
import io.vigil.exporter.config.VigilConfig;
import io.vigil.exporter.config.WebSettings;
import io.vigil.exporter.testing.Exposition;
import io.vigil.exporter.testing.Exposition.Family;
import io.vigil.exporter.testing.NodeExporterProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Debian's node_exporter 1.5 and Vigil side by side on this host, for every kernel collector (the ones off by default
 * switched on in both): same outcome (both succeed, or both fail where the host lacks the data, like schedstat
 * without CONFIG_SCHEDSTATS), same families, types and help, same series, and values that agree: equal for values
 * that do not move, between node_exporter's reads before and after Vigil's for counters.
 *
 * <p>Documented differences, allowed here: {@code node_network_route_info}'s {@code src} and {@code proto} (not in
 * /proc/net/route, left empty), and {@code node_tcp_connection_states}' series and values (sockets come and go
 * between the reads; a listener's backlog limit, which netlink reports as its send queue, is not in /proc/net/tcp).
 */
class NodeExporterKernelParityIT {

  private static final List<String> COLLECTORS = List.of("arp", "buddyinfo", "cgroups", "conntrack", "entropy",
      "interrupts", "ksmd", "lnstat", "meminfo_numa", "network_route", "schedstat", "selinux", "softnet", "sysctl",
      "tcpstat", "timex", "udp_queues");
  private static final List<String> SYSCTLS = List.of("vm.swappiness", "kernel.printk", "fs.file-max",
      "net.ipv4.ip_local_port_range:low,high");
  /** Values that cannot change between two reads a moment apart. */
  private static final Set<String> STABLE = Set.of("node_arp_entries", "node_nf_conntrack_entries_limit",
      "node_entropy_pool_size_bits", "node_ksmd_run", "node_ksmd_pages_to_scan", "node_ksmd_sleep_seconds",
      "node_ksmd_merge_across_nodes", "node_cgroups_enabled", "node_network_routes", "node_selinux_enabled",
      "node_memory_numa_MemTotal", "node_timex_tick_seconds", "node_timex_status",
      "node_sysctl_vm_swappiness", "node_sysctl_kernel_printk", "node_sysctl_fs_file_max",
      "node_sysctl_net_ipv4_ip_local_port_range_low", "node_sysctl_net_ipv4_ip_local_port_range_high");

  private static NodeExporterProcess nodeExporter;
  private static Exporter vigil;

  @BeforeAll
  static void start() throws Exception {
    assumeThat(Path.of("/proc/net/dev")).as("a Linux host").exists();
    List<String> flags = new ArrayList<>();
    COLLECTORS.forEach(c -> flags.add("--collector." + c));
    SYSCTLS.forEach(s -> flags.add("--collector.sysctl.include=" + s));
    nodeExporter = NodeExporterProcess.start(flags.toArray(String[]::new));
    VigilConfig d = VigilConfig.DEFAULT;
    WebSettings web = new WebSettings("127.0.0.1:0", "/metrics", 40, d.web().requestTimeout(),
        d.web().responseTimeout(), true, Optional.empty());
    Map<String, CollectorSettings> on = new HashMap<>();
    COLLECTORS.forEach(c -> on.put(c, new CollectorSettings(Optional.of(true), Optional.empty())));
    CollectorOptions o = d.collectors();
    CollectorOptions collectors = new CollectorOptions(o.enableDefaults(), on, o.filesystem(), o.netdevDevices(),
        o.diskstatsDevices(), o.netclassDevices(), o.cpuInfo(), SYSCTLS);
    vigil = Exporter.start(new VigilConfig(web, d.scrape(), d.paths(), collectors, Optional.empty()),
        CollectorCatalogue.all());
  }

  @AfterAll
  static void stop() throws Exception {
    if (vigil != null) {
      vigil.close();
    }
    if (nodeExporter != null) {
      nodeExporter.close();
    }
  }

  @Test
  void everyKernelCollectorMatchesNodeExporterOnThisHost() throws Exception {
    List<String> problems = new ArrayList<>();
    List<String> bothSucceeded = new ArrayList<>();
    for (String collector : COLLECTORS) {
      String q = "/metrics?collect[]=" + collector;
      Map<String, Family> before = Exposition.parse(NodeExporterProcess.fetch(nodeExporter.url(q))).families();
      Map<String, Family> ours =
          Exposition.parse(NodeExporterProcess.fetch("http://127.0.0.1:" + vigil.port() + q)).families();
      Map<String, Family> after = Exposition.parse(NodeExporterProcess.fetch(nodeExporter.url(q))).families();
      boolean theirSuccess = success(before, collector);
      if (theirSuccess != success(ours, collector)) {
        problems.add(collector + ": node_exporter success " + theirSuccess + ", Vigil " + !theirSuccess);
        continue;
      }
      if (!theirSuccess) {
        continue; // the host lacks the data: both fail, as they should
      }
      bothSucceeded.add(collector);
      Map<String, Family> theirs = nodeFamilies(before);
      Map<String, Family> mine = nodeFamilies(ours);
      if (!theirs.keySet().equals(mine.keySet())) {
        problems.add(collector + ": families " + mine.keySet() + ", node_exporter " + theirs.keySet());
        continue;
      }
      theirs.forEach((name, t) -> compare(collector, name, t, mine.get(name), after.get(name), problems));
    }
    assertThat(problems).as("differences from node_exporter (both succeeded: %s)", bothSucceeded).isEmpty();
    assertThat(bothSucceeded).contains("arp", "entropy", "interrupts", "softnet", "sysctl", "timex", "udp_queues");
  }

  private static void compare(String collector, String name, Family theirs, Family ours, Family after,
      List<String> problems) {
    if (!theirs.type().equals(ours.type()) || !theirs.help().equals(ours.help())) {
      problems.add(collector + ": " + name + " is " + ours.type() + " \"" + ours.help() + "\", node_exporter "
          + theirs.type() + " \"" + theirs.help() + "\"");
      return;
    }
    if (name.equals("node_tcp_connection_states")) {
      return; // series come and go with the sockets; see the class comment
    }
    Map<String, Double> theirSeries = withoutRouteSourceAndProtocol(theirs.series());
    Map<String, Double> afterSeries = withoutRouteSourceAndProtocol(after.series());
    if (!theirSeries.keySet().equals(ours.series().keySet())) {
      Set<String> onlyOurs = new TreeSet<>(ours.series().keySet());
      onlyOurs.removeAll(theirSeries.keySet());
      Set<String> onlyTheirs = new TreeSet<>(theirSeries.keySet());
      onlyTheirs.removeAll(ours.series().keySet());
      problems.add(collector + ": " + name + " series only in Vigil " + onlyOurs + ", only in node_exporter "
          + onlyTheirs);
      return;
    }
    ours.series().forEach((series, v) -> {
      double a = theirSeries.get(series);
      double b = afterSeries.getOrDefault(series, a);
      boolean ok = STABLE.contains(name) ? v == a || v == b
          : !theirs.type().equals("counter") || (v >= Math.min(a, b) && v <= Math.max(a, b));
      if (!ok) {
        problems.add(collector + ": " + series + " = " + v + ", node_exporter " + a + " .. " + b);
      }
    });
  }

  /** node_exporter's route series with src and proto emptied, as /proc/net/route cannot fill them. */
  private static Map<String, Double> withoutRouteSourceAndProtocol(Map<String, Double> samples) {
    Map<String, Double> out = new TreeMap<>();
    samples.forEach((series, v) -> out.put(
        series.startsWith("node_network_route_info{")
            ? series.replaceAll("proto=\"[^\"]*\"", "proto=\"\"").replaceAll("src=\"[^\"]*\"", "src=\"\"")
            : series,
        v));
    return out;
  }

  private static boolean success(Map<String, Family> families, String collector) {
    return families.get("node_scrape_collector_success").series()
        .get("node_scrape_collector_success{collector=\"" + collector + "\"}") == 1;
  }

  private static Map<String, Family> nodeFamilies(Map<String, Family> all) {
    Map<String, Family> out = new TreeMap<>(all);
    out.keySet().removeIf(n -> !n.startsWith("node_") || n.startsWith("node_scrape_collector_")
        || n.startsWith("node_exporter_"));
    return out;
  }
}
