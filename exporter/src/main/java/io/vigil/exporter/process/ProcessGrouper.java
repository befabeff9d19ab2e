package io.vigil.exporter.process;

import io.vigil.exporter.config.ProcessGroupsConfig;
import io.vigil.exporter.source.ProcessDetails;
import io.vigil.exporter.source.ProcessInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * process-exporter's grouping: each process is matched against the configured matchers in order (first match wins);
 * a process no matcher takes joins the group of its nearest matched ancestor (process-exporter's
 * {@code -children=true}). Per group it sums what the members use.
 *
 * <p>Counters never go backwards: when a member exits (or its PID is reused), its last counters stay in its group's
 * base, so {@code rate()} over a group sees only what was used. A group seen once is kept, with
 * {@code num_procs 0}, until it has been empty for {@link #RETENTION_NANOS}. At most {@code max_groups} groups are
 * tracked; processes of further groups are dropped and counted.
 *
 * <p>Thread safety: not thread-safe; one collector thread at a time.
 */
public final class ProcessGrouper {

  /** How long an empty group keeps being reported (so "it disappeared" alerts see num_procs 0). */
  static final long RETENTION_NANOS = 3_600_000_000_000L;

  private static final int MAX_ANCESTRY = 256;

  /** Marks a matched process whose group was over the cap (compared by identity). */
  @SuppressWarnings("StringOperationCanBeSimplified")
  private static final String DROPPED = new String("(dropped)");

  /** Counter indexes. */
  public static final int USER_INDEX = 0;
  public static final int SYSTEM_INDEX = 1;
  public static final int READ_INDEX = 2;
  public static final int WRITE_INDEX = 3;
  public static final int MAJOR_INDEX = 4;
  public static final int MINOR_INDEX = 5;
  public static final int VOLUNTARY_INDEX = 6;
  public static final int NONVOLUNTARY_INDEX = 7;
  private static final int COUNTERS = 8;

  private final List<CompiledMatcher> matchers;
  private final int maxGroups;
  private final int topCount;
  private final LongSupplier nanoClock;

  /** Per group: counters of members that have exited, and when it last had a member. */
  private final Map<String, Tracked> tracked = new LinkedHashMap<>();
  /** Per member (pid and start time): its group and last counters. */
  private Map<String, Member> members = new HashMap<>();
  /** For the top-N view: CPU seconds per process at the previous update. */
  private Map<String, Double> previousCpu = new HashMap<>();
  private long previousNanos;

  private static final class Tracked {
    final double[] base = new double[COUNTERS];
    long lastSeenNanos;
  }

  private record Member(String group, double[] counters) {}

  private record CompiledMatcher(
      Set<String> comm, List<String> exe, List<Pattern> cmdline, NameTemplate template) {}

  public ProcessGrouper(ProcessGroupsConfig config, LongSupplier nanoClock) {
    List<CompiledMatcher> compiled = new ArrayList<>();
    for (ProcessGroupsConfig.Matcher m : config.groups()) {
      compiled.add(new CompiledMatcher(Set.copyOf(m.comm()), m.exe(), m.cmdline(),
          NameTemplate.compile(m.name(), NameTemplate.captureNames(m.cmdline()))));
    }
    this.matchers = List.copyOf(compiled);
    this.maxGroups = config.maxGroups();
    this.topCount = config.topCount();
    this.nanoClock = nanoClock;
  }

  /**
   * Sums of one group.
   *
   * @param counters cumulative user and system CPU seconds, read and write bytes, major and minor faults,
   *     voluntary and nonvoluntary context switches (see the index constants)
   * @param worstFdRatio highest open fds / soft limit of any member
   * @param oldestStartTime earliest member start, epoch seconds; empty when the group has no members
   * @param states members by process-exporter state name (Running, Sleeping, Waiting, Zombie, Other)
   */
  public record GroupStats(
      String name,
      int procs,
      double[] counters,
      long residentBytes,
      long virtualBytes,
      long swappedBytes,
      long openFds,
      double worstFdRatio,
      OptionalDouble oldestStartTime,
      long threads,
      Map<String, Integer> states) {

    public double counter(int index) {
      return counters[index];
    }
  }

  /** One entry of the top-N view: a process name (comm) and its value. */
  public record TopEntry(String name, double value) {}

  /**
   * One update's outcome.
   *
   * @param groups groups in name order
   * @param droppedGroups distinct group names not tracked because {@code max_groups} was reached
   * @param topCpu names using the most CPU (seconds per second since the previous update), highest first
   * @param topMemory names with the most resident memory, highest first
   */
  public record Result(List<GroupStats> groups, int droppedGroups, List<TopEntry> topCpu, List<TopEntry> topMemory) {}

  /** Groups {@code processes}, asking {@code details} only for group members. */
  public Result update(List<ProcessInfo> processes, Function<ProcessInfo, Optional<ProcessDetails>> details) {
    long now = nanoClock.getAsLong();
    Map<Long, ProcessInfo> byPid = new HashMap<>();
    processes.forEach(p -> byPid.put(p.pid(), p));
    Map<Long, ProcessDetails> detailsByPid = new HashMap<>();

    // 1. names of matched processes
    Map<Long, String> groupOf = new HashMap<>();
    Set<String> dropped = new HashSet<>();
    for (ProcessInfo p : processes) {
      Optional<Map<String, String>> captures = Optional.empty();
      CompiledMatcher matched = null;
      for (CompiledMatcher m : matchers) {
        captures = match(m, p);
        if (captures.isPresent()) {
          matched = m;
          break;
        }
      }
      if (matched == null) {
        continue;
      }
      String user = "";
      if (matched.template().usesUsername()) {
        Optional<ProcessDetails> d = details.apply(p);
        if (d.isEmpty()) {
          continue; // exited
        }
        detailsByPid.put(p.pid(), d.get());
        user = d.get().user().orElse("");
      }
      String exe = p.exe().orElse("");
      String name = matched.template().render(new NameTemplate.Fields(
          p.comm(), exe.isEmpty() ? p.comm() : exe.substring(exe.lastIndexOf('/') + 1), exe, user,
          captures.get()));
      if (!tracked.containsKey(name)) {
        if (tracked.size() >= maxGroups) {
          dropped.add(name);
          groupOf.put(p.pid(), DROPPED); // its children are not rolled into an ancestor's group either
          continue;
        }
        tracked.put(name, new Tracked());
      }
      groupOf.put(p.pid(), name);
    }

    // 2. children join their nearest matched ancestor
    Map<Long, String> rolled = new HashMap<>(groupOf);
    for (ProcessInfo p : processes) {
      if (!groupOf.containsKey(p.pid())) {
        ancestorGroup(p, byPid, groupOf).ifPresent(g -> rolled.put(p.pid(), g));
      }
    }
    rolled.values().removeIf(g -> g == DROPPED);

    // 3. sums
    Map<String, Acc> acc = new TreeMap<>();
    Map<String, Member> current = new HashMap<>();
    for (ProcessInfo p : processes) {
      String group = rolled.get(p.pid());
      if (group == null) {
        continue;
      }
      ProcessDetails d = detailsByPid.get(p.pid());
      if (d == null) {
        Optional<ProcessDetails> fetched = details.apply(p);
        if (fetched.isEmpty()) {
          continue; // exited between listing and reading: skipped, not an error
        }
        d = fetched.get();
      }
      double[] c = new double[COUNTERS];
      c[USER_INDEX] = p.userSeconds();
      c[SYSTEM_INDEX] = p.systemSeconds();
      c[READ_INDEX] = d.readBytes().orElse(0);
      c[WRITE_INDEX] = d.writeBytes().orElse(0);
      c[MAJOR_INDEX] = p.majorFaults();
      c[MINOR_INDEX] = p.minorFaults();
      c[VOLUNTARY_INDEX] = d.voluntaryContextSwitches().orElse(0);
      c[NONVOLUNTARY_INDEX] = d.nonvoluntaryContextSwitches().orElse(0);
      current.put(memberKey(p), new Member(group, c));
      acc.computeIfAbsent(group, g -> new Acc()).add(p, d, c);
    }

    // 4. members that left: their last counters stay with their group
    for (Map.Entry<String, Member> old : members.entrySet()) {
      Member now2 = current.get(old.getKey());
      if (now2 == null || !now2.group().equals(old.getValue().group())) {
        Tracked t = tracked.get(old.getValue().group());
        if (t != null) {
          for (int i = 0; i < COUNTERS; i++) {
            t.base[i] += old.getValue().counters()[i];
          }
        }
      }
    }
    members = current;

    // 5. groups: live ones, and empty ones still retained
    List<GroupStats> out = new ArrayList<>();
    tracked.entrySet().removeIf(e -> !acc.containsKey(e.getKey())
        && e.getValue().lastSeenNanos != 0 && now - e.getValue().lastSeenNanos > RETENTION_NANOS);
    for (Map.Entry<String, Tracked> e : new TreeMap<>(tracked).entrySet()) {
      Acc a = acc.get(e.getKey());
      Tracked t = e.getValue();
      if (a != null) {
        t.lastSeenNanos = now;
      } else if (t.lastSeenNanos == 0) {
        t.lastSeenNanos = now;
      }
      double[] counters = t.base.clone();
      if (a != null) {
        for (int i = 0; i < COUNTERS; i++) {
          counters[i] += a.counters[i];
        }
      }
      out.add(a == null
          ? new GroupStats(e.getKey(), 0, counters, 0, 0, 0, 0, 0, OptionalDouble.empty(), 0, Acc.emptyStates())
          : a.stats(e.getKey(), counters));
    }

    Result result = new Result(out, dropped.size(), topCpu(processes, now), topMemory(processes));
    previousNanos = now;
    return result;
  }

  private List<TopEntry> topMemory(List<ProcessInfo> processes) {
    if (topCount == 0) {
      return List.of();
    }
    Map<String, Double> byName = new HashMap<>();
    processes.forEach(p -> byName.merge(p.comm(), (double) p.residentBytes(), Double::sum));
    return top(byName);
  }

  private List<TopEntry> topCpu(List<ProcessInfo> processes, long now) {
    if (topCount == 0) {
      return List.of();
    }
    Map<String, Double> cpu = new HashMap<>();
    Map<String, Double> byName = new HashMap<>();
    double elapsed = (now - previousNanos) / 1e9;
    for (ProcessInfo p : processes) {
      String key = memberKey(p);
      double total = p.userSeconds() + p.systemSeconds();
      cpu.put(key, total);
      Double before = previousCpu.get(key);
      if (before != null && elapsed > 0) {
        byName.merge(p.comm(), Math.max(0, total - before) / elapsed, Double::sum);
      }
    }
    boolean first = previousCpu.isEmpty();
    previousCpu = cpu;
    return first ? List.of() : top(byName);
  }

  private List<TopEntry> top(Map<String, Double> byName) {
    return byName.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(topCount)
        .map(e -> new TopEntry(e.getKey(), e.getValue()))
        .toList();
  }

  private static String memberKey(ProcessInfo p) {
    return p.pid() + "@" + Math.round(p.startTimeSeconds() * 100);
  }

  private static Optional<String> ancestorGroup(
      ProcessInfo p, Map<Long, ProcessInfo> byPid, Map<Long, String> groupOf) {
    long ppid = p.ppid();
    for (int depth = 0; depth < MAX_ANCESTRY && ppid > 0; depth++) {
      String g = groupOf.get(ppid);
      if (g != null) {
        return Optional.of(g);
      }
      ProcessInfo parent = byPid.get(ppid);
      if (parent == null || parent.ppid() == ppid) {
        return Optional.empty();
      }
      ppid = parent.ppid();
    }
    return Optional.empty();
  }

  /** Captures of the cmdline regexes when every given criterion holds, else empty. */
  static Optional<Map<String, String>> match(CompiledMatcher m, ProcessInfo p) {
    if (!m.comm().isEmpty() && !m.comm().contains(p.comm())) {
      return Optional.empty();
    }
    if (!m.exe().isEmpty()) {
      String exe = p.exe().orElse("");
      String base = exe.substring(exe.lastIndexOf('/') + 1);
      boolean any = false;
      for (String want : m.exe()) {
        any |= want.indexOf('/') >= 0 ? want.equals(exe) : want.equals(base.isEmpty() ? p.comm() : base);
      }
      if (!any) {
        return Optional.empty();
      }
    }
    Map<String, String> captures = new HashMap<>();
    if (!m.cmdline().isEmpty()) {
      String joined = String.join(" ", p.cmdline());
      for (Pattern re : m.cmdline()) {
        Matcher x = re.matcher(joined);
        if (!x.find()) {
          return Optional.empty();
        }
        for (String name : NameTemplate.captureNames(List.of(re))) {
          String v = x.group(name);
          if (v != null) {
            captures.put(name, v);
          }
        }
      }
    }
    return Optional.of(captures);
  }

  /** Running sums of one group. */
  private static final class Acc {
    final double[] counters = new double[COUNTERS];
    int procs;
    long resident;
    long virtual;
    long swapped;
    long fds;
    double worst;
    double oldest = Double.MAX_VALUE;
    long threads;
    final Map<String, Integer> states = emptyStates();

    static Map<String, Integer> emptyStates() {
      Map<String, Integer> s = new LinkedHashMap<>();
      for (String name : List.of("Other", "Running", "Sleeping", "Waiting", "Zombie")) {
        s.put(name, 0);
      }
      return s;
    }

    void add(ProcessInfo p, ProcessDetails d, double[] c) {
      for (int i = 0; i < COUNTERS; i++) {
        counters[i] += c[i];
      }
      procs++;
      resident += p.residentBytes();
      virtual += p.virtualBytes();
      swapped += d.swappedBytes().orElse(0);
      fds += d.openFds().orElse(0);
      if (d.openFds().isPresent() && d.maxFds().isPresent() && d.maxFds().getAsLong() > 0) {
        worst = Math.max(worst, (double) d.openFds().getAsLong() / d.maxFds().getAsLong());
      }
      oldest = Math.min(oldest, p.startTimeSeconds());
      threads += p.threads();
      states.merge(stateName(p.state()), 1, Integer::sum);
    }

    GroupStats stats(String name, double[] total) {
      return new GroupStats(name, procs, total, resident, virtual, swapped, fds, worst, OptionalDouble.of(oldest),
          threads, states);
    }
  }

  /** process-exporter's state names for proc(5) letters. */
  static String stateName(char state) {
    return switch (state) {
      case 'R' -> "Running";
      case 'S' -> "Sleeping";
      case 'D' -> "Waiting";
      case 'Z' -> "Zombie";
      default -> "Other";
    };
  }
}
