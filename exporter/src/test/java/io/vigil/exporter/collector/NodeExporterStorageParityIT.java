package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.config.CollectorOptions;
import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.procfs.LinuxSources;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Exposition;
import io.vigil.exporter.testing.Exposition.Family;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import io.vigil.exporter.testing.NodeExporterProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Debian's node_exporter 1.5 and Vigil's storage collectors on the same fixture trees: family names, types, help
 * texts, label sets and values must be identical, except for the deliberate differences listed per case (each one
 * documented in the collector's Javadoc and in fixtures/README.md):
 *
 * <ul>
 *   <li>absent is never 0: node_exporter reports 0 for counters the kernel does not print (NFSv2 without a
 *       {@code proc2} line, NFSv4 procedures an old kernel does not count, UDP connection counters, statistics
 *       version 1.0 queue sums); Vigil leaves them out;
 *   <li>nfsd: NFSv4 operations by their RFC 7530 numbers (node_exporter 1.5 reports SETCLIENTID as Verify,
 *       SETCLIENTID_CONFIRM as Write and VERIFY as RelLockOwner), and a line Linux 6.9 added is ignored instead of
 *       failing the collector.
 * </ul>
 */
class NodeExporterStorageParityIT {

  /** A fixture tree, a collector, and the node_exporter series Vigil deliberately reports differently. */
  record Case(String tree, String collector, Pattern differs, boolean nodeExporterFailsAlone) {
    @Override
    public String toString() {
      return collector + " on " + tree;
    }
  }

  private static final Pattern NONE = Pattern.compile("(?!)");
  private static final Pattern NFSD_V4_SHIFT =
      Pattern.compile("node_nfsd_requests_total\\{method=\"(Verify|Write|RelLockOwner)\",proto=\"4\"}");

  static Stream<Arguments> cases() {
    List<Case> cases = new ArrayList<>();
    for (String c : List.of("bcache", "btrfs", "fibrechannel", "mdadm", "mountstats", "nfsd", "nvme", "tapestats",
        "xfs", "zfs")) {
      cases.add(new Case(".", c, NONE, false));
    }
    cases.add(new Case(".", "nfs", Pattern.compile("node_nfs_requests_total\\{.*proto=\"2\"}"), false));
    for (String c : List.of("raid5-recovery", "degraded", "check-and-resync", "truncated")) {
      cases.add(new Case("MdadmCollectorTest/" + c, "mdadm", NONE, false));
    }
    cases.add(new Case("NfsCollectorTest/nfsv3-centos6", "nfs", Pattern.compile(
        "node_nfs_requests_total\\{method=\"(ReclaimComplete|GetDeviceInfo|LayoutGet|LayoutCommit|LayoutReturn|"
            + "SecinfoNoName|TestStateID|FreeStateID|GetDeviceList|BindConnToSession|DestroyClientID|Seek|Allocate|"
            + "DeAllocate|LayoutStats|Clone)\",proto=\"4\"}"), false));
    cases.add(new Case("NfsCollectorTest/malformed-proc3", "nfs", NONE, false));
    cases.add(new Case("NfsdCollectorTest/debian12-server", "nfsd",
        Pattern.compile(NFSD_V4_SHIFT.pattern() + "|node_nfsd_requests_total\\{.*proto=\"2\"}"), false));
    cases.add(new Case("NfsdCollectorTest/ubuntu18.04-server", "nfsd", NFSD_V4_SHIFT, false));
    cases.add(new Case("NfsdCollectorTest/kernel-6.12-wdeleg", "nfsd", NONE, true));
    for (String c : List.of("two-controllers", "kernel-4.15-no-cntlid")) {
      cases.add(new Case("NvmeCollectorTest/" + c, "nvme", NONE, false));
    }
    for (String c : List.of("ubuntu18.04-two-filesystems", "truncated-line")) {
      cases.add(new Case("XfsCollectorTest/" + c, "xfs", NONE, false));
    }
    for (String c : List.of("ubuntu-20.04-zfs-0.8", "negative-int64")) {
      cases.add(new Case("ZfsCollectorTest/" + c, "zfs", NONE, false));
    }
    cases.add(new Case("BcacheCollectorTest/writeback", "bcache", NONE, false));
    for (String c : List.of("debian12-raid1", "ubuntu1804-raid5")) {
      cases.add(new Case("BtrfsCollectorTest/" + c, "btrfs", NONE, false));
    }
    cases.add(new Case("TapestatsCollectorTest/two-drives", "tapestats", NONE, false));
    cases.add(new Case("FibrechannelCollectorTest/qla2xxx", "fibrechannel", NONE, false));
    cases.add(new Case("MountstatsCollectorTest/rhel7-nfsv3", "mountstats", Pattern.compile(
        "node_mountstats_nfs_transport_(connect_total|idle_time_seconds)\\{.*protocol=\"udp\"}"), false));
    cases.add(new Case("MountstatsCollectorTest/statvers-1.0", "mountstats",
        Pattern.compile("node_mountstats_nfs_transport_(maximum_rpc_slots|sending_queue_total|pending_queue_total)"
            + "\\{.*"), false));
    return cases.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void vigilMatchesNodeExporter(Case c, @TempDir Path empty) throws Exception {
    Path root = Fixtures.root().resolve(c.tree()).normalize();
    Path proc = Files.isDirectory(root.resolve("proc")) ? root.resolve("proc") : empty;
    Path sys = Files.isDirectory(root.resolve("sys")) ? root.resolve("sys") : empty;

    String theirsText;
    try (NodeExporterProcess ne = NodeExporterProcess.start("--collector.disable-defaults",
        "--collector." + c.collector(), "--web.disable-exporter-metrics", "--path.procfs=" + proc,
        "--path.sysfs=" + sys, "--path.rootfs=" + root)) {
      theirsText = NodeExporterProcess.fetch(ne.url("/metrics"));
    }
    Map<String, Family> theirsAll = Exposition.parse(theirsText).families();
    boolean theySucceeded = theirsAll.get("node_scrape_collector_success").series()
        .get("node_scrape_collector_success{collector=\"" + c.collector() + "\"}") == 1;

    Optional<String> oursText = ours(c.collector(), proc, sys, root);
    if (c.nodeExporterFailsAlone()) {
      assertThat(theySucceeded).as("node_exporter fails here").isFalse();
      assertThat(oursText).as("Vigil succeeds").isPresent();
      return;
    }
    assertThat(oursText.isPresent()).as("Vigil succeeds exactly when node_exporter does").isEqualTo(theySucceeded);
    Map<String, Family> theirs = collectorFamilies(theirsAll);
    Map<String, Family> ours = collectorFamilies(Exposition.parse(oursText.orElse("")).families());

    List<String> problems = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(theirs.keySet());
    names.addAll(ours.keySet());
    for (String name : names) {
      Family t = theirs.get(name);
      Family o = ours.get(name);
      if (o == null) {
        t.series().forEach((series, value) -> allowedOrProblem(c, series, value, "missing in Vigil", problems));
        continue;
      }
      if (t == null) {
        problems.add(name + ": only in Vigil");
        continue;
      }
      if (!t.type().equals(o.type())) {
        problems.add(name + ": type " + o.type() + ", node_exporter " + t.type());
      }
      if (!t.help().equals(o.help())) {
        problems.add(name + ": help \"" + o.help() + "\", node_exporter \"" + t.help() + "\"");
      }
      t.series().forEach((series, value) -> {
        Double mine = o.series().get(series);
        if (mine == null) {
          allowedOrProblem(c, series, value, "missing in Vigil", problems);
        } else if (Double.compare(mine, value) != 0) {
          allowedOrProblem(c, series, value, "Vigil " + mine, problems);
        }
      });
      o.series().keySet().stream().filter(s -> !t.series().containsKey(s))
          .forEach(s -> problems.add(s + ": only in Vigil"));
    }
    assertThat(problems).as("differences from node_exporter on " + c.tree()).isEmpty();
  }

  /** A deliberate difference must be listed for the case, and an absent series is one node_exporter reports as 0. */
  private static void allowedOrProblem(Case c, String series, double theirs, String what, List<String> problems) {
    boolean listed = c.differs().matcher(series).matches();
    boolean zeroIfAbsent = !what.equals("missing in Vigil") || theirs == 0;
    if (!listed || !zeroIfAbsent) {
      problems.add(series + ": node_exporter " + theirs + ", " + what);
    }
  }

  private static Optional<String> ours(String collector, Path proc, Path sys, Path root) throws Exception {
    ProcFs procFs = new ProcFs(proc);
    SysFs sysFs = new SysFs(sys);
    HostPaths paths = new HostPaths(proc, sys, root, root.resolve("run/udev/data"));
    CollectorContext ctx = new CollectorContext(LinuxSources.create(procFs, sysFs, paths), Optional.of(procFs),
        Optional.of(sysFs), paths, CollectorOptions.DEFAULT);
    try {
      return Optional.of(MetricsText.of(CollectorCatalogue.find(collector).orElseThrow().factory().create(ctx)
          .collect()));
    } catch (java.io.IOException failed) {
      return Optional.empty();
    }
  }

  private static Map<String, Family> collectorFamilies(Map<String, Family> all) {
    Map<String, Family> out = new TreeMap<>();
    all.forEach((name, family) -> {
      if (name.startsWith("node_") && !name.startsWith("node_scrape_") && !name.startsWith("node_exporter_")) {
        out.put(name, family);
      }
    });
    return out;
  }
}
