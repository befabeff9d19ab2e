package io.vigil.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Vigil and node_exporter side by side on loopback, scraped alternately with Prometheus' request headers; prints a
 * markdown report on stdout (progress on stderr). Run through {@code bench/run.sh}; see docs/benchmarks.md.
 *
 * <p>Two sets: the collectors both enable by default ({@code --collector.disable-defaults} plus the same
 * {@code --collector.X} flags on both, after checking that both then serve the same {@code node_*} families), and
 * each exporter's own defaults. Every loop is bounded by a count or a deadline, both servers bind 127.0.0.1 on free
 * ports, and a shutdown hook stops them whatever happens.
 */
public final class SideBySide {

  private static final String TEXT_004 = "text/plain;version=0.0.4";

  private final Options opt;
  private final Path logDir;

  private SideBySide(Options opt) throws IOException {
    this.opt = opt;
    this.logDir = Files.createTempDirectory("vigil-bench-logs");
  }

  /** Command-line options (see {@link #usage()}). */
  static final class Options {
    Path vigilLauncher = Path.of("exporter/bin/vigil-exporter");
    Path nodeExporter = Path.of("/usr/bin/prometheus-node-exporter");
    int scrapes = 1000;
    int warmup = 200;
    double throughputSeconds = 5;
    int launches = 5;
    List<String> sets = List.of("same", "default");
    List<String> collectors = List.of();
  }

  static String usage() {
    return """
        usage: SideBySide [--scrapes N] [--warmup N] [--quick] [--launches K] [--throughput-seconds S] [--sets same,default]
                          [--collectors a,b,c] [--vigil PATH] [--node-exporter PATH]
          --scrapes N             scrapes of each server in the alternating latency/CPU run (default 1000)
          --warmup N              scrapes of each server before it, so both are past JIT compilation (default 200)
          --quick                 100 scrapes, 20 warm-up, 3 launches, 2 s throughput runs: a smoke run only
          --launches K            launches of each server for the time to first scrape (default 5)
          --throughput-seconds S  length of each throughput run (default 5)
          --sets LIST             same (shared collectors), default (each one's defaults), or both (default)
          --collectors LIST       the shared collector set (default: every collector both enable by default)
          --vigil PATH            Vigil's launcher (default exporter/bin/vigil-exporter)
          --node-exporter PATH    node_exporter binary (default /usr/bin/prometheus-node-exporter)
        """;
  }

  public static void main(String[] args) throws Exception {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--quick" -> {
          o.scrapes = 100;
          o.warmup = 20;
          o.launches = 3;
          o.throughputSeconds = 2;
        }
        case "--scrapes" -> o.scrapes = positive(a, args[++i]);
        case "--launches" -> o.launches = positive(a, args[++i]);
        case "--warmup" -> o.warmup = positive(a, args[++i]);
        case "--throughput-seconds" -> o.throughputSeconds = Double.parseDouble(args[++i]);
        case "--sets" -> o.sets = List.of(args[++i].split(","));
        case "--collectors" -> o.collectors = List.of(args[++i].split(","));
        case "--vigil" -> o.vigilLauncher = Path.of(args[++i]);
        case "--node-exporter" -> o.nodeExporter = Path.of(args[++i]);
        case "-h", "--help" -> {
          System.out.print(usage());
          return;
        }
        default -> {
          System.err.print("unknown argument " + a + "\n" + usage());
          System.exit(2);
        }
      }
    }
    if (!Files.isExecutable(o.vigilLauncher) || !Files.isExecutable(o.nodeExporter)) {
      System.err.println("need an executable Vigil launcher (" + o.vigilLauncher + ") and node_exporter ("
          + o.nodeExporter + "); install node_exporter with apt-get install prometheus-node-exporter");
      System.exit(2);
    }
    new SideBySide(o).run();
  }

  private static int positive(String flag, String v) {
    int n = Integer.parseInt(v);
    if (n <= 0) {
      throw new IllegalArgumentException(flag + " must be positive");
    }
    return n;
  }

  private void run() throws Exception {
    StringBuilder report = new StringBuilder();
    report.append(machine());
    Set<String> vigilDefaults = defaults(List.of(opt.vigilLauncher.toString(), "--help"));
    Set<String> nodeDefaults = defaults(List.of(opt.nodeExporter.toString(), "--help"));
    nodeDefaults.remove("systemd"); // Debian-only default; fails without systemd as PID 1 (REFERENCE.md §1.4)
    Set<String> shared = new TreeSet<>(vigilDefaults);
    shared.retainAll(nodeDefaults);
    if (!opt.collectors.isEmpty()) {
      shared = new TreeSet<>(opt.collectors);
    }
    trainVigil();
    for (String set : opt.sets) {
      List<String> vigilArgs = new ArrayList<>();
      List<String> nodeArgs = new ArrayList<>();
      String title;
      if (set.equals("same")) {
        vigilArgs.add("--collector.disable-defaults");
        nodeArgs.add("--collector.disable-defaults");
        for (String c : shared) {
          vigilArgs.add("--collector." + c);
          nodeArgs.add("--collector." + c);
        }
        title = "Same collectors (" + shared.size() + "): " + String.join(", ", shared);
      } else if (set.equals("default")) {
        nodeArgs.add("--no-collector.systemd");
        title = "Each exporter's default collectors (Vigil " + vigilDefaults.size() + ", node_exporter "
            + nodeDefaults.size() + " without systemd)";
      } else {
        throw new IllegalArgumentException("unknown set " + set + " (same, default)");
      }
      report.append(measure(set, title, vigilArgs, nodeArgs));
    }
    report.append(machineLoad("after"));
    System.out.print(report);
    System.out.flush();
  }

  /** The launcher records a class-data-sharing archive on the first run: make that a real scrape, not a timed one. */
  private void trainVigil() throws Exception {
    progress("training run of Vigil (class-data-sharing archive)");
    int port = ServerProcess.freePort();
    try (ServerProcess v = ServerProcess.start("vigil-training", port, vigilCommand(port, List.of()), logDir)) {
      v.awaitFirstScrape(30_000);
      try (HttpScraper s = scraper(v)) {
        for (int i = 0; i < 5; i++) {
          s.scrape();
        }
      }
    }
  }

  private String measure(String set, String title, List<String> vigilArgs, List<String> nodeArgs) throws Exception {
    progress("== " + title);
    Result vigil = new Result("Vigil");
    Result node = new Result("node_exporter");
    // Launch to first successful scrape, alternating so both see the same machine state.
    for (int i = 0; i < opt.launches; i++) {
      progress("launch " + (i + 1) + "/" + opt.launches);
      for (boolean vigilFirst : new boolean[] {i % 2 == 0, i % 2 != 0}) {
        int port = ServerProcess.freePort();
        boolean isVigil = vigilFirst;
        try (ServerProcess p = isVigil
            ? ServerProcess.start("vigil-" + set, port, vigilCommand(port, vigilArgs), logDir)
            : ServerProcess.start("node-" + set, port, nodeCommand(port, nodeArgs), logDir)) {
          Result r = isVigil ? vigil : node;
          r.firstScrapeMillis.add(p.awaitFirstScrape(30_000));
          r.firstScrapeCpuMillis.add(p.cpuMillisAtFirstScrape);
        }
      }
    }
    int vport = ServerProcess.freePort();
    int nport = ServerProcess.freePort();
    try (ServerProcess v = ServerProcess.start("vigil-" + set, vport, vigilCommand(vport, vigilArgs), logDir);
        ServerProcess n = ServerProcess.start("node-" + set, nport, nodeCommand(nport, nodeArgs), logDir)) {
      v.awaitFirstScrape(30_000);
      n.awaitFirstScrape(30_000);
      StringBuilder familyNote = new StringBuilder();
      checkFamilies(set, v, n, vigil, node, familyNote);
      try (HttpScraper vs = scraper(v); HttpScraper ns = scraper(n)) {
        progress("warm-up: " + opt.warmup + " scrapes each");
        for (int i = 0; i < opt.warmup; i++) {
          vs.scrape();
          ns.scrape();
        }
        HttpScraper.Response vr = vs.scrape();
        vigil.decodedBytes = vs.lastBodyText(vr).getBytes(StandardCharsets.UTF_8).length;
        vigil.contentType = vr.contentType();
        HttpScraper.Response nr = ns.scrape();
        node.decodedBytes = ns.lastBodyText(nr).getBytes(StandardCharsets.UTF_8).length;
        node.contentType = nr.contentType();
        progress("latency and CPU: " + opt.scrapes + " alternating scrapes each");
        double vCpu0 = v.cpuMillis();
        double nCpu0 = n.cpuMillis();
        for (int i = 0; i < opt.scrapes; i++) {
          if (i % 2 == 0) {
            timed(vs, vigil);
            timed(ns, node);
          } else {
            timed(ns, node);
            timed(vs, vigil);
          }
        }
        vigil.cpuPerScrape = (v.cpuMillis() - vCpu0) / opt.scrapes;
        node.cpuPerScrape = (n.cpuMillis() - nCpu0) / opt.scrapes;
      }
      vigil.rssMiB = v.rssMiB();
      node.rssMiB = n.rssMiB();
      vigil.threads = v.threads();
      node.threads = n.threads();
      for (int c : new int[] {1, 4}) {
        progress("throughput with " + c + " concurrent scraper(s), " + opt.throughputSeconds + " s each");
        vigil.throughput.put(c, throughput(v, c));
        node.throughput.put(c, throughput(n, c));
      }
      return table(title, vigil, node, set.equals("same")) + familyNote;
    }
  }

  private void timed(HttpScraper s, Result r) throws IOException {
    long t0 = System.nanoTime();
    HttpScraper.Response resp = s.scrape();
    long t1 = System.nanoTime();
    if (resp.status() != 200) {
      throw new IOException(r.name + " answered HTTP " + resp.status());
    }
    r.latenciesMillis.add((t1 - t0) / 1e6);
    r.wireBytes += resp.bodyBytes();
  }

  /** Scrapes per second with {@code clients} keep-alive connections scraping back to back for a fixed time. */
  private double throughput(ServerProcess p, int clients) throws Exception {
    long end = System.nanoTime() + (long) (opt.throughputSeconds * 1e9);
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < clients; i++) {
      Thread t = new Thread(() -> {
        try (HttpScraper s = scraper(p)) {
          while (System.nanoTime() < end) {
            if (s.scrape().status() == 200) {
              done.incrementAndGet();
            } else {
              failed.incrementAndGet();
            }
          }
        } catch (IOException e) {
          failed.incrementAndGet();
        }
      }, "bench-scraper-" + i);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis((long) opt.throughputSeconds + 30));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (failed.get() > 0) {
      progress(p.name + ": " + failed.get() + " failed scrapes during the throughput run");
    }
    return done.get() / seconds;
  }

  /** Both servers must expose the same node_* families (name and type) for the shared set to be a fair match. */
  private void checkFamilies(
      String set, ServerProcess v, ServerProcess n, Result vigil, Result node, StringBuilder note) throws IOException {
    TreeMap<String, String> vf;
    TreeMap<String, String> nf;
    try (HttpScraper vs = new HttpScraper("127.0.0.1", v.port, "/metrics", TEXT_004, false, 10);
        HttpScraper ns = new HttpScraper("127.0.0.1", n.port, "/metrics", TEXT_004, false, 10)) {
      String vt = vs.lastBodyText(vs.scrape());
      String nt = ns.lastBodyText(ns.scrape());
      vf = families(vt);
      nf = families(nt);
      vigil.families = vf.size();
      node.families = nf.size();
      vigil.samples = samples(vt);
      node.samples = samples(nt);
      vigil.nodeFamilies = (int) vf.keySet().stream().filter(SideBySide::hostFamily).count();
      node.nodeFamilies = (int) nf.keySet().stream().filter(SideBySide::hostFamily).count();
    }
    if (!set.equals("same")) {
      return;
    }
    Set<String> onlyVigil = new TreeSet<>();
    Set<String> onlyNode = new TreeSet<>();
    Set<String> typeDiffers = new TreeSet<>();
    for (var e : vf.entrySet()) {
      if (!hostFamily(e.getKey())) {
        continue;
      }
      String other = nf.get(e.getKey());
      if (other == null) {
        onlyVigil.add(e.getKey());
      } else if (!other.equals(e.getValue())) {
        typeDiffers.add(e.getKey() + " (" + e.getValue() + " vs " + other + ")");
      }
    }
    for (String name : nf.keySet()) {
      if (hostFamily(name) && !vf.containsKey(name)) {
        onlyNode.add(name);
      }
    }
    note.append('\n');
    if (onlyVigil.isEmpty() && onlyNode.isEmpty() && typeDiffers.isEmpty()) {
      note.append("Family check: both serve the same ").append(vigil.nodeFamilies)
          .append(" `node_*` families with the same types.\n");
      progress("family check: same " + vigil.nodeFamilies + " node_* families");
    } else {
      note.append("Family check: **the `node_*` families differ**; figures compare unequal work.\n");
      if (!onlyVigil.isEmpty()) {
        note.append("- only Vigil: ").append(String.join(", ", onlyVigil)).append('\n');
      }
      if (!onlyNode.isEmpty()) {
        note.append("- only node_exporter: ").append(String.join(", ", onlyNode)).append('\n');
      }
      if (!typeDiffers.isEmpty()) {
        note.append("- type differs: ").append(String.join(", ", typeDiffers)).append('\n');
      }
      progress("family check: DIFFERENT families, see report");
    }
  }

  /** Host families: node_* except each exporter's own build info. */
  private static boolean hostFamily(String name) {
    return name.startsWith("node_") && !name.equals("node_exporter_build_info");
  }

  private static TreeMap<String, String> families(String text) {
    TreeMap<String, String> out = new TreeMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# TYPE ")) {
        String[] f = line.split(" ");
        out.put(f[2], f.length > 3 ? f[3] : "");
      }
    }
    return out;
  }

  private static int samples(String text) {
    int n = 0;
    for (String line : text.split("\n")) {
      if (!line.isEmpty() && !line.startsWith("#")) {
        n++;
      }
    }
    return n;
  }

  private static HttpScraper scraper(ServerProcess p) {
    return new HttpScraper("127.0.0.1", p.port, "/metrics", true, 10);
  }

  private List<String> vigilCommand(int port, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(opt.vigilLauncher.toString());
    cmd.add("--web.listen-address=127.0.0.1:" + port);
    cmd.add("--log.level=warn");
    cmd.addAll(args);
    return cmd;
  }

  private List<String> nodeCommand(int port, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(opt.nodeExporter.toString());
    cmd.add("--web.listen-address=127.0.0.1:" + port);
    cmd.add("--log.level=warn");
    cmd.addAll(args);
    return cmd;
  }

  /** Collector names a binary's {@code --help} marks "default: enabled" (both exporters print that phrase). */
  private Set<String> defaults(List<String> command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("VIGIL_CDS_DIR", ""); // a --help run must not record the launcher's CDS archive
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(command + " did not finish");
    }
    // One entry per flag: node_exporter wraps its help over several lines, so join continuation lines first.
    List<String> entries = new ArrayList<>();
    for (String line : out.split("\n")) {
      String t = line.trim();
      if (t.startsWith("-")) {
        entries.add(t);
      } else if (!entries.isEmpty() && !t.isEmpty()) {
        entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + t);
      }
    }
    Set<String> names = new LinkedHashSet<>();
    for (String e : entries) {
      String flag = e.startsWith("--[no-]collector.") ? e.substring("--[no-]collector.".length())
          : e.startsWith("--collector.") ? e.substring("--collector.".length()) : null;
      if (flag == null || !e.replaceAll("\\s+", " ").contains("default: enabled")) {
        continue;
      }
      int end = 0;
      while (end < flag.length() && !Character.isWhitespace(flag.charAt(end)) && flag.charAt(end) != '=') {
        end++;
      }
      String name = flag.substring(0, end);
      if (!name.contains(".")) { // collector.filesystem.mount-points-exclude etc. are options, not collectors
        names.add(name);
      }
    }
    if (names.isEmpty()) {
      throw new IOException("no default collectors found in the help of " + command.get(0) + ":\n" + out);
    }
    return names;
  }

  private String table(String title, Result v, Result n, boolean goals) {
    StringBuilder b = new StringBuilder();
    b.append("\n### ").append(title).append("\n\n");
    b.append("| figure | Vigil | node_exporter | Vigil / node_exporter |\n|---|---:|---:|---:|\n");
    row(b, "scrape latency p50 (ms)", v.percentile(50), n.percentile(50), 2);
    row(b, "scrape latency p99 (ms)", v.percentile(99), n.percentile(99), 2);
    row(b, "server CPU per scrape (ms)", v.cpuPerScrape, n.cpuPerScrape, 2);
    row(b, "RSS after " + (opt.scrapes + opt.warmup + 3) + " scrapes (MiB)", v.rssMiB, n.rssMiB, 1);
    row(b, "throughput, 1 scraper (scrapes/s)", v.throughput.get(1), n.throughput.get(1), 0);
    row(b, "throughput, 4 scrapers (scrapes/s)", v.throughput.get(4), n.throughput.get(4), 0);
    row(b, "launch → first successful scrape, median of " + opt.launches + " (ms)", v.firstScrapeMedian(),
        n.firstScrapeMedian(), 0);
    row(b, "CPU used until the first successful scrape, median (ms)", v.firstScrapeCpuMedian(),
        n.firstScrapeCpuMedian(), 0);
    row(b, "bytes per response, gzip on the wire", v.wireBytes / (double) v.latenciesMillis.size(),
        n.wireBytes / (double) n.latenciesMillis.size(), 0);
    row(b, "bytes per response, decoded", v.decodedBytes, n.decodedBytes, 0);
    row(b, "samples per response (text 0.0.4)", v.samples, n.samples, 0);
    row(b, "`node_*` families", v.nodeFamilies, n.nodeFamilies, 0);
    row(b, "threads", v.threads, n.threads, 0);
    b.append("\nLaunch times (ms): Vigil ").append(v.firstScrapeList()).append("; node_exporter ")
        .append(n.firstScrapeList()).append(". Content-Type: Vigil `").append(v.contentType)
        .append("`, node_exporter `").append(n.contentType).append("`.\n");
    if (goals) {
      b.append("\n| goal | target | this run | met |\n|---|---|---:|---|\n");
      goal(b, "scrape latency p50", "≤ 0.5 × node_exporter", v.percentile(50) / n.percentile(50), "×",
          v.percentile(50) <= 0.5 * n.percentile(50));
      goal(b, "CPU per scrape", "≤ 0.5 × node_exporter", v.cpuPerScrape / n.cpuPerScrape, "×",
          v.cpuPerScrape <= 0.5 * n.cpuPerScrape);
      goal(b, "throughput, 4 scrapers", "≥ 2 × node_exporter", v.throughput.get(4) / n.throughput.get(4), "×",
          v.throughput.get(4) >= 2 * n.throughput.get(4));
      goal(b, "RSS after 1000 scrapes", "≤ 48 MiB", v.rssMiB, " MiB", v.rssMiB <= 48);
      goal(b, "launch → first scrape", "< 300 ms", v.firstScrapeMedian(), " ms", v.firstScrapeMedian() < 300);
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String label, double v, double n, int decimals) {
    String f = "%,." + decimals + "f";
    b.append("| ").append(label).append(" | ").append(String.format(Locale.ROOT, f, v)).append(" | ")
        .append(String.format(Locale.ROOT, f, n)).append(" | ")
        .append(n == 0 ? "–" : String.format(Locale.ROOT, "%.2f", v / n)).append(" |\n");
  }

  private static void goal(StringBuilder b, String what, String target, double value, String unit, boolean met) {
    b.append("| ").append(what).append(" | ").append(target).append(" | ")
        .append(String.format(Locale.ROOT, unit.equals("×") ? "%.2f×" : "%.1f" + unit, value)).append(" | ")
        .append(met ? "yes" : "**no**").append(" |\n");
  }

  private String machine() throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("## Side-by-side run ").append(Instant.now().toString(), 0, 19).append("Z\n\n");
    String model = "?";
    for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        model = line.substring(line.indexOf(':') + 1).trim();
        break;
      }
    }
    long memKb = 0;
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    b.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (").append(model)
        .append("), ").append(memKb / 1024 / 1024).append(" GiB, kernel ")
        .append(Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim()).append('\n');
    b.append("- Vigil: ").append(opt.vigilLauncher).append(" (shipped launcher flags), Java ")
        .append(System.getProperty("java.version")).append(" (harness JVM)\n");
    b.append("- node_exporter: ").append(opt.nodeExporter).append('\n');
    b.append("- scrapes: ").append(opt.scrapes).append(" alternating per server after ").append(opt.warmup)
        .append(" warm-up; throughput runs ").append(opt.throughputSeconds).append(" s; ").append(opt.launches)
        .append(" launches each\n");
    b.append("- request: `Accept: ").append(HttpScraper.ACCEPT)
        .append("`, `Accept-Encoding: gzip`, `X-Prometheus-Scrape-Timeout-Seconds: 10`, keep-alive\n");
    b.append(machineLoad("before"));
    return b.toString();
  }

  private static String machineLoad(String when) throws IOException {
    return "- load average " + when + ": " + Files.readString(Path.of("/proc/loadavg")).trim() + "\n";
  }

  private static void progress(String s) {
    System.err.println("[bench] " + s);
  }

  /** Figures for one server in one set. */
  private static final class Result {
    final String name;
    final List<Double> latenciesMillis = new ArrayList<>();
    final List<Double> firstScrapeMillis = new ArrayList<>();
    final List<Double> firstScrapeCpuMillis = new ArrayList<>();
    final TreeMap<Integer, Double> throughput = new TreeMap<>();
    double cpuPerScrape;
    double rssMiB;
    long wireBytes;
    int decodedBytes;
    int samples;
    int families;
    int nodeFamilies;
    int threads;
    String contentType;

    Result(String name) {
      this.name = name;
    }

    double percentile(double p) {
      double[] s = latenciesMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      int idx = (int) Math.ceil(p / 100 * s.length) - 1;
      return s[Math.max(0, Math.min(s.length - 1, idx))];
    }

    double firstScrapeMedian() {
      return median(firstScrapeMillis);
    }

    double firstScrapeCpuMedian() {
      return median(firstScrapeCpuMillis);
    }

    private static double median(List<Double> values) {
      double[] s = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    String firstScrapeList() {
      return Arrays.toString(firstScrapeMillis.stream().mapToLong(Math::round).toArray());
    }
  }
}
