package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.command.CommandRun;
import io.vigil.exporter.command.CommandRunner;
import io.vigil.exporter.config.CommandConfig;
import io.vigil.exporter.testing.Exposition;
import io.vigil.exporter.testing.MetricsText;
import io.vigil.exporter.textfile.TextFormatParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CommandCollectorTest {

  private static CommandConfig command(String name, Duration timeout, Duration interval, int maxOutput,
      Optional<CommandConfig.ValueMetric> value, String... argv) {
    return new CommandConfig(name, List.of(argv), timeout, interval, maxOutput, value);
  }

  private static CommandConfig text(String name, String... argv) {
    return command(name, Duration.ofSeconds(5), Duration.ZERO, 4096, Optional.empty(), argv);
  }

  private static long deadline() {
    return System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
  }

  @Test
  void servesTheOutputOfEachCommandWithItsSuccessAndDuration() throws Exception {
    CommandConfig queue = text("queue", "/fake");
    CommandConfig broken = text("broken", "/fake");
    CommandRun queueRun = new CommandRun(0.25, TextFormatParser.parse("command queue",
        "# TYPE mail_queue_length gauge\nmail_queue_length{queue=\"deferred\"} 12\n"), Optional.empty());
    CommandCollector c = new CommandCollector(List.of(queue, broken), System::nanoTime, cfg ->
        cfg == queue ? queueRun : new CommandRun(0.5, List.of(), Optional.of("exited with status 2: no such queue")));
    assertThat(MetricsText.of(c.collect(deadline()))).isEqualTo("""
        # HELP mail_queue_length Metric read from command queue
        # TYPE mail_queue_length gauge
        mail_queue_length{queue="deferred"} 12.0
        # HELP vigil_command_duration_seconds How long the latest run of the command took.
        # TYPE vigil_command_duration_seconds gauge
        vigil_command_duration_seconds{command="broken"} 0.5
        vigil_command_duration_seconds{command="queue"} 0.25
        # HELP vigil_command_success Whether the latest run of the command succeeded (exit status 0, in time, output parsed).
        # TYPE vigil_command_success gauge
        vigil_command_success{command="broken"} 0.0
        vigil_command_success{command="queue"} 1.0
        """);
  }

  @Test
  void runsACommandAtMostOncePerIntervalHoweverOftenScraped() {
    AtomicLong clock = new AtomicLong(1_000);
    AtomicInteger runs = new AtomicInteger();
    CommandConfig slowChanging = command("c", Duration.ofSeconds(5), Duration.ofMinutes(1), 4096, Optional.empty(),
        "/fake");
    CommandCollector c = new CommandCollector(List.of(slowChanging), clock::get, cfg -> {
      runs.incrementAndGet();
      return new CommandRun(0.1, List.of(), Optional.empty());
    });
    for (int i = 0; i < 5; i++) {
      c.collect(deadline());
      clock.addAndGet(TimeUnit.SECONDS.toNanos(10));
    }
    assertThat(runs).hasValue(1);
    clock.addAndGet(TimeUnit.SECONDS.toNanos(15)); // 65 s after the first run
    c.collect(deadline());
    assertThat(runs).hasValue(2);
  }

  @Test
  void aCommandStillRunningAtTheDeadlineIsServedFromItsPreviousRun() throws Exception {
    CommandConfig slow = command("slow", Duration.ofSeconds(5), Duration.ZERO, 4096,
        Optional.of(new CommandConfig.ValueMetric("slow_value", "A value.", Map.of())), "/fake");
    AtomicInteger runs = new AtomicInteger();
    CommandCollector c = new CommandCollector(List.of(slow), System::nanoTime, cfg -> {
      if (runs.incrementAndGet() > 1) {
        try {
          Thread.sleep(1500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return new CommandRun(0.1, List.of(), Optional.empty());
    });
    c.collect(deadline()); // first run, quick
    String second = MetricsText.of(c.collect(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200)));
    assertThat(second).contains("vigil_command_success{command=\"slow\"} 1.0");
  }

  @Test
  void runsARealCommandWithoutAShellAndParsesItsTextOutput() {
    CommandRun r = CommandRunner.run(text("printf", "printf", "# TYPE x gauge\\nx{a=\"1\"} 3\\n"));
    assertThat(r.error()).isEmpty();
    assertThat(r.families()).hasSize(1);
    // no shell: the argument is passed as is, so shell syntax has no effect
    CommandRun literal = CommandRunner.run(command("echo", Duration.ofSeconds(5), Duration.ZERO, 4096,
        Optional.of(new CommandConfig.ValueMetric("v", "h", Map.of())), "echo", "$((1+1))"));
    assertThat(literal.error()).contains("command echo:1: expected one number on standard output, got \"$((1+1))\"");
  }

  @Test
  void singleNumberBecomesTheConfiguredGauge() {
    CommandConfig c = command("age", Duration.ofSeconds(5), Duration.ZERO, 4096, Optional.of(
        new CommandConfig.ValueMetric("backup_age_seconds", "Age of the newest backup.", Map.of("target", "nas"))),
        "echo", " 3600 ");
    CommandCollector collector = new CommandCollector(List.of(c));
    assertThat(MetricsText.of(collector.collect(deadline()))).startsWith("""
        # HELP backup_age_seconds Age of the newest backup.
        # TYPE backup_age_seconds gauge
        backup_age_seconds{target="nas"} 3600.0
        """);
    collector.close();
  }

  @Test
  void failuresAreReportedNeverThrown() {
    CommandCollector c = new CommandCollector(List.of(
        text("exit", "false"),
        command("timeout", Duration.ofMillis(200), Duration.ZERO, 4096, Optional.empty(), "sleep", "5"),
        command("chatty", Duration.ofSeconds(5), Duration.ZERO, 100, Optional.empty(), "head", "-c", "1000",
            "/dev/zero"),
        text("missing", "/nonexistent/vigil-command"),
        text("malformed", "echo", "not metrics")));
    Exposition e = Exposition.parse(MetricsText.of(c.collect(deadline())));
    for (String name : List.of("exit", "timeout", "chatty", "missing", "malformed")) {
      assertThat(e.family("vigil_command_success").orElseThrow().find(Map.of("command", name)).orElseThrow().value())
          .as(name).isZero();
    }
    assertThat(e.family("vigil_command_duration_seconds").orElseThrow().find(Map.of("command", "timeout"))
        .orElseThrow().value()).isLessThan(5);
    c.close();
  }

  @Test
  void errorsNameWhatWentWrong() {
    assertThat(CommandRunner.run(text("exit", "sh", "-c", "echo oops >&2; exit 3")).error())
        .contains("exited with status 3: oops");
    assertThat(CommandRunner.run(command("t", Duration.ofMillis(100), Duration.ZERO, 10, Optional.empty(), "sleep",
        "3")).error()).contains("timed out after 100 ms; killed");
    assertThat(CommandRunner.run(command("big", Duration.ofSeconds(5), Duration.ZERO, 10, Optional.empty(), "head",
        "-c", "100", "/dev/zero")).error()).contains("wrote more than 10 bytes to standard output");
    assertThat(CommandRunner.run(text("missing", "/nonexistent/x")).error()).get().asString()
        .startsWith("cannot start /nonexistent/x");
  }
}
