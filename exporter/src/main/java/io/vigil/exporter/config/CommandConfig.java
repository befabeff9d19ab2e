package io.vigil.exporter.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One command of {@code commands}: run without a shell, at most once per {@code interval}, its output turned into
 * metrics.
 *
 * @param name the {@code command} label of {@code vigil_command_success} and {@code vigil_command_duration_seconds}
 * @param argv program and arguments; the program is an absolute path or looked up on {@code PATH}
 * @param timeout the command is killed after this long
 * @param interval the command runs at most once per interval; scrapes in between get the cached result
 * @param maxOutputBytes more standard output than this fails the run
 * @param value when present, stdout is one number exposed as this gauge; otherwise stdout is text format
 */
public record CommandConfig(
    String name, List<String> argv, Duration timeout, Duration interval, int maxOutputBytes, Optional<ValueMetric> value) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
  public static final int DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024;

  public CommandConfig {
    argv = List.copyOf(argv);
  }

  /** The gauge a single-number output becomes. */
  public record ValueMetric(String name, String help, Map<String, String> labels) {
    public ValueMetric {
      labels = Map.copyOf(labels);
    }
  }
}
