package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.config.ProcessGroupsConfig;
import io.vigil.exporter.process.ProcessGrouper;
import io.vigil.exporter.process.ProcessGrouper.GroupStats;
import io.vigil.exporter.source.ProcessSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Vigil's {@code process_groups} collector: process-exporter's {@code namedprocess_namegroup_*} families for the
 * groups of {@code process_groups.groups}, plus {@code vigil_process_groups_dropped} and the optional top-N view
 * ({@code vigil_process_top_cpu_ratio{name}}, {@code vigil_process_top_resident_memory_bytes{name}}: process names,
 * never PIDs).
 *
 * <pre>
 * namedprocess_namegroup_num_procs{groupname="nginx"} 5
 * namedprocess_namegroup_cpu_seconds_total{groupname="nginx",mode="user"} 123.4
 * namedprocess_namegroup_memory_bytes{groupname="nginx",memtype="resident"} 3.1e+07
 * </pre>
 *
 * <p>Thread safety: called by one thread at a time (the runner); the grouper keeps counter state between scrapes.
 */
public final class ProcessGroupsCollector implements Collector {

  public static final String NAME = "process_groups";

  private static final Logger LOG = Logger.getLogger(ProcessGroupsCollector.class.getName());

  private final ProcessSource source;
  private final ProcessGrouper grouper;
  private final int maxGroups;
  private final boolean configured;
  private boolean capLogged;

  public ProcessGroupsCollector(ProcessSource source, ProcessGroupsConfig config) {
    this.source = source;
    this.grouper = new ProcessGrouper(config, System::nanoTime);
    this.maxGroups = config.maxGroups();
    this.configured = config.configured();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    if (!configured) {
      return List.of(); // nothing asked for: do not read the process table
    }
    ProcessGrouper.Result r = grouper.update(source.processes(), source::details);
    if (r.droppedGroups() > 0 && !capLogged) {
      LOG.warning(() -> "collector=" + NAME + " process_groups.max_groups (" + maxGroups + ") reached: "
          + r.droppedGroups() + " more group(s) not tracked; see vigil_process_groups_dropped");
      capLogged = true;
    } else if (r.droppedGroups() == 0 && capLogged) {
      LOG.info(() -> "collector=" + NAME + " all process groups tracked again");
      capLogged = false;
    }
    List<MetricSnapshot> out = new ArrayList<>();
    GaugeSnapshot.Builder procs = gauge("namedprocess_namegroup_num_procs", "number of processes in this group");
    CounterSnapshot.Builder cpu = counter("namedprocess_namegroup_cpu_seconds", "Cpu user usage in seconds");
    CounterSnapshot.Builder read = counter("namedprocess_namegroup_read_bytes", "number of bytes read by this group");
    CounterSnapshot.Builder write =
        counter("namedprocess_namegroup_write_bytes", "number of bytes written by this group");
    CounterSnapshot.Builder major = counter("namedprocess_namegroup_major_page_faults", "Major page faults");
    CounterSnapshot.Builder minor = counter("namedprocess_namegroup_minor_page_faults", "Minor page faults");
    CounterSnapshot.Builder ctx = counter("namedprocess_namegroup_context_switches", "Context switches");
    GaugeSnapshot.Builder mem = gauge("namedprocess_namegroup_memory_bytes", "number of bytes of memory in use");
    GaugeSnapshot.Builder fds =
        gauge("namedprocess_namegroup_open_filedesc", "number of open file descriptors for this group");
    GaugeSnapshot.Builder worst = gauge("namedprocess_namegroup_worst_fd_ratio",
        "the worst (closest to 1) ratio between open fds and max fds among all procs in this group");
    GaugeSnapshot.Builder oldest = gauge("namedprocess_namegroup_oldest_start_time_seconds",
        "start time in seconds since 1970/01/01 of oldest process in group");
    GaugeSnapshot.Builder threads = gauge("namedprocess_namegroup_num_threads", "Number of threads");
    GaugeSnapshot.Builder states = gauge("namedprocess_namegroup_states",
        "Number of processes in states Running, Sleeping, Waiting, Zombie, or Other");
    boolean anyOldest = false;
    for (GroupStats g : r.groups()) {
      String n = g.name();
      procs.dataPoint(Families.gaugePoint(g.procs(), "groupname", n));
      cpu.dataPoint(Families.counterPoint(g.counter(ProcessGrouper.USER_INDEX), "groupname", n, "mode", "user"));
      cpu.dataPoint(Families.counterPoint(g.counter(ProcessGrouper.SYSTEM_INDEX), "groupname", n, "mode", "system"));
      read.dataPoint(Families.counterPoint(g.counter(ProcessGrouper.READ_INDEX), "groupname", n));
      write.dataPoint(Families.counterPoint(g.counter(ProcessGrouper.WRITE_INDEX), "groupname", n));
      major.dataPoint(Families.counterPoint(g.counter(ProcessGrouper.MAJOR_INDEX), "groupname", n));
      minor.dataPoint(Families.counterPoint(g.counter(ProcessGrouper.MINOR_INDEX), "groupname", n));
      ctx.dataPoint(Families.counterPoint(g.counter(ProcessGrouper.VOLUNTARY_INDEX), "ctxswitchtype", "voluntary",
          "groupname", n));
      ctx.dataPoint(Families.counterPoint(g.counter(ProcessGrouper.NONVOLUNTARY_INDEX), "ctxswitchtype",
          "nonvoluntary", "groupname", n));
      mem.dataPoint(Families.gaugePoint(g.residentBytes(), "groupname", n, "memtype", "resident"));
      mem.dataPoint(Families.gaugePoint(g.virtualBytes(), "groupname", n, "memtype", "virtual"));
      mem.dataPoint(Families.gaugePoint(g.swappedBytes(), "groupname", n, "memtype", "swapped"));
      fds.dataPoint(Families.gaugePoint(g.openFds(), "groupname", n));
      worst.dataPoint(Families.gaugePoint(g.worstFdRatio(), "groupname", n));
      if (g.oldestStartTime().isPresent()) {
        oldest.dataPoint(Families.gaugePoint(g.oldestStartTime().getAsDouble(), "groupname", n));
        anyOldest = true;
      }
      threads.dataPoint(Families.gaugePoint(g.threads(), "groupname", n));
      for (Map.Entry<String, Integer> s : g.states().entrySet()) {
        states.dataPoint(Families.gaugePoint(s.getValue(), "groupname", n, "state", s.getKey()));
      }
    }
    if (!r.groups().isEmpty()) {
      out.add(ctx.build());
      out.add(cpu.build());
      out.add(major.build());
      out.add(mem.build());
      out.add(minor.build());
      out.add(procs.build());
      out.add(threads.build());
      if (anyOldest) {
        out.add(oldest.build());
      }
      out.add(fds.build());
      out.add(read.build());
      out.add(states.build());
      out.add(worst.build());
      out.add(write.build());
    }
    out.add(Families.gauge("vigil_process_groups_dropped",
        "Process groups not tracked in this scrape because process_groups.max_groups was reached.",
        r.droppedGroups()));
    if (!r.topCpu().isEmpty()) {
      GaugeSnapshot.Builder top = gauge("vigil_process_top_cpu_ratio",
          "CPU seconds per second used by the processes of this name since the previous scrape (top names only).");
      r.topCpu().forEach(t -> top.dataPoint(Families.gaugePoint(t.value(), "name", t.name())));
      out.add(top.build());
    }
    if (!r.topMemory().isEmpty()) {
      GaugeSnapshot.Builder top = gauge("vigil_process_top_resident_memory_bytes",
          "Resident memory of the processes of this name (top names only).");
      r.topMemory().forEach(t -> top.dataPoint(Families.gaugePoint(t.value(), "name", t.name())));
      out.add(top.build());
    }
    return out;
  }

  private static GaugeSnapshot.Builder gauge(String name, String help) {
    return GaugeSnapshot.builder().name(name).help(help);
  }

  private static CounterSnapshot.Builder counter(String name, String help) {
    return CounterSnapshot.builder().name(name).help(help);
  }
}
