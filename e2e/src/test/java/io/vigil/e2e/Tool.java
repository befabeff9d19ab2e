package io.vigil.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command-line tool to completion and captures its combined output. */
final class Tool {

  private Tool() {}

  /** Exit status and combined stdout/stderr of one run. */
  record Result(List<String> command, int exitCode, String output) {
    @Override
    public String toString() {
      return String.join(" ", command) + " -> exit " + exitCode + "\n" + output;
    }
  }

  static Result run(Path workDir, Map<String, String> env, Path binary, String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      return new Result(command, p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + command, e);
    }
  }

  static Result run(Path binary, String... args) {
    return run(Repo.root(), Map.of(), binary, args);
  }
}
