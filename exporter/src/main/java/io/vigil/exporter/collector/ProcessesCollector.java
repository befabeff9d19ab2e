package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.ProcPidStat;
import io.vigil.exporter.source.procfs.ProcPids;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * node_exporter's {@code processes} collector (Linux only, disabled by default): process and thread counts from
 * {@code /proc/[pid]/stat} and {@code /proc/[pid]/task/[tid]/stat}, processes and threads by state (zombies are
 * {@code state="Z"}), and the limits {@code /proc/sys/kernel/pid_max} and {@code threads-max}.
 *
 * <pre>
 * node_processes_pids 91
 * node_processes_state{state="Z"} 1
 * node_processes_threads_state{thread_state="S"} 103
 * </pre>
 *
 * <p>A process or thread that exits during the scrape is left out. Thread safety: stateless.
 */
public final class ProcessesCollector implements Collector {

  public static final String NAME = "processes";

  private final ProcFs proc;

  public ProcessesCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    long pids = 0;
    long threads = 0;
    Map<String, Long> states = new TreeMap<>();
    Map<String, Long> threadStates = new TreeMap<>();
    for (long pid : ProcPids.pids(proc)) {
      Optional<ProcPidStat> stat = ProcPids.stat(proc, pid);
      if (stat.isEmpty()) {
        continue;
      }
      pids++;
      threads += stat.get().numThreads();
      states.merge(String.valueOf(stat.get().state()), 1L, Long::sum);
      for (long tid : ProcPids.tids(proc, pid)) {
        Optional<ProcPidStat> t = ProcPids.threadStat(proc, pid, tid);
        t.ifPresent(s -> threadStates.merge(String.valueOf(s.state()), 1L, Long::sum));
      }
    }
    List<MetricSnapshot> out = new ArrayList<>();
    out.add(Families.gauge("node_processes_max_processes", "Number of max PIDs limit", limit("pid_max")));
    out.add(Families.gauge("node_processes_max_threads", "Limit of threads in the system", limit("threads-max")));
    out.add(Families.gauge("node_processes_pids", "Number of PIDs", pids));
    GaugeSnapshot.Builder state = GaugeSnapshot.builder().name("node_processes_state")
        .help("Number of processes in each state.");
    states.forEach((s, n) -> state.dataPoint(Families.gaugePoint(n, "state", s)));
    out.add(state.build());
    out.add(Families.gauge("node_processes_threads", "Allocated threads in system", threads));
    GaugeSnapshot.Builder threadState = GaugeSnapshot.builder().name("node_processes_threads_state")
        .help("Number of threads in each state.");
    threadStates.forEach((s, n) -> threadState.dataPoint(Families.gaugePoint(n, "thread_state", s)));
    out.add(threadState.build());
    return out;
  }

  private long limit(String file) throws java.io.IOException {
    String text = proc.read("sys", "kernel", file).strip();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new MalformedFileException(proc.path("sys", "kernel", file), 1, text, "expected an integer");
    }
  }
}
