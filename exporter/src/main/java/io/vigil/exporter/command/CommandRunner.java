package io.vigil.exporter.command;

import io.vigil.exporter.config.CommandConfig;
import io.vigil.exporter.textfile.FloatText;
import io.vigil.exporter.textfile.MetricType;
import io.vigil.exporter.textfile.ParsedFamily;
import io.vigil.exporter.textfile.ParsedSample;
import io.vigil.exporter.textfile.TextFormatException;
import io.vigil.exporter.textfile.TextFormatParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one configured command without a shell ({@link ProcessBuilder} with the argument list as given), standard
 * input closed, under a timeout after which it and its descendants are killed, reading at most
 * {@code max_output_bytes} of standard output (more fails the run) and the first KiB of standard error (for the log).
 * Standard output is parsed as text exposition format, or as one number for a command with {@code metric}.
 *
 * <p>Thread safety: stateless; each call runs one process.
 */
public final class CommandRunner {

  private static final int STDERR_KEPT = 1024;

  private CommandRunner() {}

  public static CommandRun run(CommandConfig c) {
    long start = System.nanoTime();
    Process p;
    try {
      p = new ProcessBuilder(c.argv()).start();
    } catch (IOException e) {
      return failed(start, "cannot start " + c.argv().get(0) + ": " + e.getMessage());
    }
    try {
      p.getOutputStream().close();
      CompletableFuture<byte[]> stdout = read(p.getInputStream(), c.maxOutputBytes() + 1);
      CompletableFuture<byte[]> stderr = read(p.getErrorStream(), STDERR_KEPT);
      long timeoutNanos = c.timeout().toNanos();
      boolean exited = p.waitFor(timeoutNanos, TimeUnit.NANOSECONDS);
      if (!exited) {
        kill(p);
        return failed(start, "timed out after " + c.timeout().toMillis() + " ms; killed");
      }
      byte[] out = stdout.get(Math.max(1, timeoutNanos - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
      if (out.length > c.maxOutputBytes()) {
        kill(p);
        return failed(start, "wrote more than " + c.maxOutputBytes() + " bytes to standard output");
      }
      if (p.exitValue() != 0) {
        byte[] errBytes;
        try {
          errBytes = stderr.get(Math.max(1, timeoutNanos - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
          errBytes = new byte[0]; // a descendant keeps stderr open: report the status without it
        }
        String err = new String(errBytes, StandardCharsets.UTF_8).strip();
        String firstLine = err.lines().findFirst().orElse("");
        return failed(start, "exited with status " + p.exitValue() + (firstLine.isEmpty() ? "" : ": " + firstLine));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      try {
        return new CommandRun(seconds, parse(c, out), Optional.empty());
      } catch (TextFormatException e) {
        return new CommandRun(seconds, List.of(), Optional.of(e.getMessage()));
      }
    } catch (InterruptedException e) {
      kill(p);
      Thread.currentThread().interrupt();
      return failed(start, "interrupted");
    } catch (IOException | ExecutionException | TimeoutException e) {
      kill(p);
      return failed(start, "reading its output failed: " + e);
    }
  }

  static List<ParsedFamily> parse(CommandConfig c, byte[] out) throws TextFormatException {
    String source = "command " + c.name();
    if (c.value().isEmpty()) {
      return TextFormatParser.parse(source, out);
    }
    CommandConfig.ValueMetric metric = c.value().get();
    String text = new String(out, StandardCharsets.UTF_8).strip();
    Optional<Double> value = FloatText.parse(text);
    if (value.isEmpty()) {
      throw new TextFormatException(source, 1, "expected one number on standard output, got \""
          + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "\"");
    }
    List<ParsedSample.Label> labels = new ArrayList<>();
    new TreeMap<>(metric.labels()).forEach((k, v) -> labels.add(new ParsedSample.Label(k, v)));
    return List.of(new ParsedFamily(metric.name(), MetricType.GAUGE, Optional.of(metric.help()),
        List.of(new ParsedSample(metric.name(), labels, value.get(), 1))));
  }

  private static CompletableFuture<byte[]> read(InputStream in, int limit) {
    CompletableFuture<byte[]> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try (in) {
        byte[] kept = in.readNBytes(limit);
        in.transferTo(java.io.OutputStream.nullOutputStream()); // drain, so the child never blocks on a full pipe
        f.complete(kept);
      } catch (IOException e) {
        f.completeExceptionally(e);
      }
    }, "vigil-command-output");
    t.setDaemon(true);
    t.start();
    return f;
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  private static CommandRun failed(long start, String why) {
    return new CommandRun((System.nanoTime() - start) / 1e9, List.of(), Optional.of(why));
  }
}
