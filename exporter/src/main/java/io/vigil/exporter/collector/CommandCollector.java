package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.command.CommandRun;
import io.vigil.exporter.command.CommandRunner;
import io.vigil.exporter.config.CommandConfig;
import io.vigil.exporter.textfile.FamilyMerger;
import io.vigil.exporter.textfile.TextFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Vigil's {@code command} collector: the metrics printed by the commands of {@code commands}, plus
 * {@code vigil_command_success{command}} and {@code vigil_command_duration_seconds{command}} of each command's latest
 * run.
 *
 * <p>A command runs at most once per {@code interval}, however often Prometheus scrapes: a scrape starts the commands
 * that are due, waits for them until the scrape deadline (less a margin), and serves every command's latest finished
 * run. A command still running then is left to finish in the background and its previous result is served (nothing
 * for a command that has never finished). A failing command (exit status, timeout, too much output, malformed output)
 * reports {@code vigil_command_success 0}, is logged once when it starts failing, and never fails the collector.
 *
 * <p>Thread safety: called by one thread at a time (the runner); runs happen on a private pool, one per command at
 * most.
 */
public final class CommandCollector implements Collector, AutoCloseable {

  public static final String NAME = "command";

  private static final Logger LOG = Logger.getLogger(CommandCollector.class.getName());

  private final List<State> commands;
  private final ExecutorService pool;
  private final LongSupplier nanoClock;
  private final Function<CommandConfig, CommandRun> runner;
  private final ItemHealthLog health = new ItemHealthLog(LOG, NAME);

  /** One command: its config, latest finished run, and the run in flight. */
  private static final class State {
    final CommandConfig config;
    long lastStart;
    boolean started;
    CommandRun last;
    CompletableFuture<CommandRun> inFlight;

    State(CommandConfig config) {
      this.config = config;
    }
  }

  public CommandCollector(List<CommandConfig> commands) {
    this(commands, System::nanoTime, CommandRunner::run);
  }

  CommandCollector(List<CommandConfig> commands, LongSupplier nanoClock, Function<CommandConfig, CommandRun> runner) {
    this.commands = commands.stream().map(State::new).toList();
    this.nanoClock = nanoClock;
    this.runner = runner;
    this.pool = DaemonPool.fixed("vigil-command-", commands.size());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() {
    return collect(nanoClock.getAsLong() + TimeUnit.SECONDS.toNanos(10));
  }

  @Override
  public List<MetricSnapshot> collect(long deadlineNanos) {
    long now = nanoClock.getAsLong();
    for (State s : commands) {
      boolean due = !s.started || now - s.lastStart >= s.config.interval().toNanos();
      if (s.inFlight == null && due) {
        s.started = true;
        s.lastStart = now;
        s.inFlight = CompletableFuture.supplyAsync(() -> runner.apply(s.config), pool);
      }
    }
    long deadline = deadlineNanos - ProbeCollector.MARGIN_NANOS;
    for (State s : commands) {
      if (s.inFlight == null) {
        continue;
      }
      try {
        s.last = s.inFlight.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        s.inFlight = null;
      } catch (TimeoutException stillRunning) {
        // served from the previous run; this one finishes in the background and is picked up next scrape
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        s.last = new CommandRun(0, List.of(), Optional.of("failed: " + e.getCause()));
        s.inFlight = null;
      }
    }
    FamilyMerger merger = new FamilyMerger();
    GaugeSnapshot.Builder success = GaugeSnapshot.builder().name("vigil_command_success")
        .help("Whether the latest run of the command succeeded (exit status 0, in time, output parsed).");
    GaugeSnapshot.Builder duration = GaugeSnapshot.builder().name("vigil_command_duration_seconds")
        .help("How long the latest run of the command took.");
    boolean any = false;
    for (State s : commands) {
      if (s.last == null) {
        continue;
      }
      Optional<String> error = s.last.error();
      if (error.isEmpty()) {
        try {
          merger.add("command " + s.config.name(), s.last.families());
        } catch (TextFormatException e) {
          error = Optional.of(e.getMessage());
        }
      }
      String name = s.config.name();
      Optional<String> problem = error;
      health.record(name, problem.map(p -> "command " + name + " failed: " + p));
      success.dataPoint(Families.gaugePoint(problem.isEmpty() ? 1 : 0, "command", name));
      duration.dataPoint(Families.gaugePoint(s.last.durationSeconds(), "command", name));
      any = true;
    }
    List<MetricSnapshot> out = new ArrayList<>(merger.snapshots());
    if (any) {
      out.add(duration.build());
      out.add(success.build());
    }
    return out;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
