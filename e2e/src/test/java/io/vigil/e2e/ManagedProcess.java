package io.vigil.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A long-running process started by a test (exporter, Prometheus, Alertmanager), its output in a log file, stopped
 * on {@link #close()}: SIGTERM, then SIGKILL after 10 s.
 */
final class ManagedProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;

  private ManagedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path workDir) {
    Path log = workDir.resolve(name + ".log");
    ProcessBuilder pb = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().putAll(env);
    try {
      return new ManagedProcess(name, pb.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  /** Polls {@code url} until it answers 200; fails with the end of the process log if it exits or times out. */
  void awaitHttpOk(String url, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "\n" + logTail());
      }
      if (Http.statusOf(url) == 200) {
        return;
      }
      Http.pause(Duration.ofMillis(100));
    }
    throw new IllegalStateException(name + " did not answer 200 on " + url + " within " + timeout + "\n" + logTail());
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The last 40 lines of the process's output, for failure messages. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "--- " + log + " (last lines) ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
