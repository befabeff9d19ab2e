package io.vigil.bench.harness;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One exporter process under test, listening on a loopback port: launch, "first successful scrape" timing, CPU time
 * and RSS from {@code /proc/PID/}, and a bounded stop (SIGTERM, then SIGKILL after 10 s). Every instance is
 * registered for the JVM shutdown hook of {@link SideBySide} so no child outlives the harness.
 */
final class ServerProcess implements AutoCloseable {

  /** Linux USER_HZ: the unit of utime/stime in /proc/PID/stat. */
  private static final double TICKS_PER_SECOND = 100;

  private static final List<ServerProcess> LIVE = new ArrayList<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  List<ServerProcess> live;
                  synchronized (LIVE) {
                    live = new ArrayList<>(LIVE);
                  }
                  live.forEach(ServerProcess::close);
                },
                "bench-cleanup"));
  }

  final String name;
  final int port;
  private final Process process;
  private final long launchedNanos;
  private final Path log;
  /** CPU time the process had used when its first scrape succeeded; less sensitive to a busy machine than wall time. */
  double cpuMillisAtFirstScrape = -1;

  private ServerProcess(String name, int port, Process process, long launchedNanos, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.launchedNanos = launchedNanos;
    this.log = log;
  }

  /** A free loopback port (the kernel picks one; the tiny race until the server binds it is acceptable here). */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Starts {@code command} (which must make the server listen on {@code port}), output to a log file. */
  static ServerProcess start(String name, int port, List<String> command, Path logDir) throws IOException {
    Path log = logDir.resolve(name + "-" + port + ".log");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    long t0 = System.nanoTime();
    Process p = pb.start();
    ServerProcess s = new ServerProcess(name, port, p, t0, log);
    synchronized (LIVE) {
      LIVE.add(s);
    }
    return s;
  }

  /**
   * Polls {@code /metrics} every millisecond until the first HTTP 200 with a body; returns milliseconds since launch.
   *
   * @throws IOException when the process exits or nothing answers within {@code limitMillis}
   */
  double awaitFirstScrape(long limitMillis) throws IOException {
    long deadline = launchedNanos + TimeUnit.MILLISECONDS.toNanos(limitMillis);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(name + " exited with " + process.exitValue() + " before serving; log: " + tail());
      }
      try (HttpScraper probe = new HttpScraper("127.0.0.1", port, "/metrics", true, 10)) {
        HttpScraper.Response r = probe.scrape();
        if (r.status() == 200 && r.bodyBytes() > 0) {
          double wall = (System.nanoTime() - launchedNanos) / 1e6;
          cpuMillisAtFirstScrape = cpuMillis();
          return wall;
        }
      } catch (IOException notYet) {
        // connection refused until it listens
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted");
      }
    }
    throw new IOException(name + " did not serve /metrics within " + limitMillis + " ms; log: " + tail());
  }

  long pid() {
    return process.pid();
  }

  /** utime + stime of the whole process (all threads), in milliseconds. */
  double cpuMillis() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
    // Fields after the command name, which is in parentheses and may hold spaces.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long utime = Long.parseLong(f[11]);
    long stime = Long.parseLong(f[12]);
    return (utime + stime) * 1000 / TICKS_PER_SECOND;
  }

  /** VmRSS in MiB. */
  double rssMiB() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) / 1024.0;
      }
    }
    throw new IOException("no VmRSS for pid " + pid());
  }

  int threads() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      if (line.startsWith("Threads:")) {
        return Integer.parseInt(line.substring(8).trim());
      }
    }
    return -1;
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** SIGTERM and wait (the JVM writes its CDS archive at exit); SIGKILL after 10 s. Idempotent. */
  @Override
  public void close() {
    synchronized (LIVE) {
      LIVE.remove(this);
    }
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
