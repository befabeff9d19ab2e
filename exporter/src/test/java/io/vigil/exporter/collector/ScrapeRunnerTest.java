package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.collector.ScrapeRunner.TimedCollector;
import io.vigil.exporter.testing.MetricsText;
import io.vigil.exporter.testing.TestCollectors;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScrapeRunnerTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private ScrapeRunner runner;

  @AfterEach
  void stop() {
    release.countDown();
    if (runner != null) {
      runner.close();
    }
  }

  @Test
  void healthyCollectorsAreServedWithSuccessOneAndTheirDuration() {
    runner = new ScrapeRunner(List.of(timed(fixed("a", 1), Duration.ofSeconds(5))));
    ScrapeResult result = runner.scrape(n -> true, Optional.empty());
    assertThat(names(result)).containsExactly("a_value", ScrapeRunner.DURATION_FAMILY, ScrapeRunner.SUCCESS_FAMILY);
    assertThat(result.outcomes()).singleElement().satisfies(o -> {
      assertThat(o.success()).isTrue();
      assertThat(o.durationSeconds()).isGreaterThanOrEqualTo(0);
    });
    assertThat(MetricsText.of(result.families())).contains("node_scrape_collector_success{collector=\"a\"} 1.0");
  }

  @Test
  void throwingCollectorIsReportedWithSuccessZeroAndOthersAreServed() {
    Collector broken = collector("broken", () -> {
      throw new IOException("/proc/stat: permission denied");
    });
    runner = new ScrapeRunner(List.of(timed(broken, Duration.ofSeconds(5)), timed(fixed("ok", 2), Duration.ofSeconds(5))));
    ScrapeResult result = runner.scrape(n -> true, Optional.empty());
    assertThat(names(result)).contains("ok_value").doesNotContain("broken_value");
    assertThat(result.outcomes().get(0).success()).isFalse();
    assertThat(result.outcomes().get(0).failure()).contains("IOException: /proc/stat: permission denied");
    assertThat(MetricsText.of(result.families()))
        .contains("node_scrape_collector_success{collector=\"broken\"} 0.0")
        .contains("node_scrape_collector_success{collector=\"ok\"} 1.0");
  }

  @Test
  void noDataIsAFailureMarkedAsExpected() {
    Collector empty = collector("hwmon", () -> {
      throw new NoDataException("/sys/class/hwmon: no hardware sensors");
    });
    runner = new ScrapeRunner(List.of(timed(empty, Duration.ofSeconds(5))));
    CollectorOutcome outcome = runner.scrape(n -> true, Optional.empty()).outcomes().get(0);
    assertThat(outcome.success()).isFalse();
    assertThat(outcome.noData()).isTrue();
    assertThat(outcome.failure()).contains("NoDataException: /sys/class/hwmon: no hardware sensors");
  }

  @Test
  void lateCollectorIsReportedWithSuccessZeroWithinItsDeadline() {
    runner = new ScrapeRunner(List.of(timed(hanging("slow"), Duration.ofMillis(200)), timed(fixed("ok", 3), Duration.ofSeconds(5))));
    long start = System.nanoTime();
    ScrapeResult result = runner.scrape(n -> true, Optional.empty());
    double elapsed = (System.nanoTime() - start) / 1e9;
    assertThat(elapsed).isLessThan(5);
    CollectorOutcome slow = result.outcomes().get(0);
    assertThat(slow.success()).isFalse();
    assertThat(slow.failure()).contains("deadline exceeded");
    assertThat(slow.durationSeconds()).isGreaterThanOrEqualTo(0.19);
    assertThat(names(result)).contains("ok_value");
  }

  @Test
  void scrapeBudgetShortensALongerCollectorTimeout() {
    runner = new ScrapeRunner(List.of(timed(hanging("slow"), Duration.ofMinutes(5))));
    long start = System.nanoTime();
    ScrapeResult result = runner.scrape(n -> true, Optional.of(Duration.ofMillis(150)));
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(60);
    assertThat(result.outcomes().get(0).success()).isFalse();
  }

  @Test
  void hungCollectorIsNotStartedAgainSoThreadsDoNotPileUp() {
    AtomicInteger starts = new AtomicInteger();
    Collector hung = collector("hung", () -> {
      starts.incrementAndGet();
      release.await();
      return List.of();
    });
    runner = new ScrapeRunner(List.of(timed(hung, Duration.ofMillis(50)), timed(fixed("ok", 1), Duration.ofSeconds(5))));
    runner.scrape(n -> true, Optional.empty());
    int threadsAfterFirst = runner.collectorThreads();
    for (int i = 0; i < 20; i++) {
      ScrapeResult r = runner.scrape(n -> true, Optional.empty());
      assertThat(r.outcomes().get(0).success()).isFalse();
      assertThat(r.outcomes().get(1).success()).isTrue();
    }
    assertThat(starts.get()).isEqualTo(1);
    assertThat(runner.collectorThreads()).isLessThanOrEqualTo(Math.max(threadsAfterFirst, 2));
  }

  @Test
  void collectorThatRecoversIsStartedAfreshOnceItsRunEnded() throws Exception {
    AtomicInteger starts = new AtomicInteger();
    CountDownLatch firstRun = new CountDownLatch(1);
    Collector c = collector("c", () -> {
      if (starts.incrementAndGet() == 1) {
        firstRun.await();
      }
      return List.of(io.vigil.exporter.collector.Families.gauge("c_value", "c", 1));
    });
    runner = new ScrapeRunner(List.of(timed(c, Duration.ofMillis(50))));
    assertThat(runner.scrape(n -> true, Optional.empty()).outcomes().get(0).success()).isFalse();
    firstRun.countDown();
    ScrapeResult later = null;
    for (int i = 0; i < 100; i++) {
      later = runner.scrape(n -> true, Optional.empty());
      if (later.outcomes().get(0).success() && starts.get() >= 2) {
        break;
      }
      Thread.sleep(10);
    }
    assertThat(later.outcomes().get(0).success()).isTrue();
    assertThat(starts.get()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void onlySelectedCollectorsRun() {
    runner = new ScrapeRunner(List.of(timed(fixed("a", 1), Duration.ofSeconds(1)), timed(fixed("b", 2), Duration.ofSeconds(1))));
    ScrapeResult result = runner.scrape("b"::equals, Optional.empty());
    assertThat(names(result)).contains("b_value").doesNotContain("a_value");
    assertThat(result.outcomes()).extracting(CollectorOutcome::name).containsExactly("b");
  }

  @Test
  void lastOutcomesKeepTheLatestResultPerCollector() {
    runner = new ScrapeRunner(List.of(timed(fixed("a", 1), Duration.ofSeconds(1))));
    assertThat(runner.lastOutcomes()).isEmpty();
    runner.scrape(n -> true, Optional.empty());
    assertThat(runner.lastOutcomes()).containsOnlyKeys("a");
    assertThat(runner.lastOutcomes().get("a").success()).isTrue();
  }

  @Test
  void collectorsQueuedBehindHungOnesStillRunWhenEveryRunnerIsStuck() {
    List<TimedCollector> collectors = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      collectors.add(timed(hanging("hung" + i), Duration.ofSeconds(1)));
    }
    collectors.add(timed(fixed("ok", 1), Duration.ofSeconds(30)));
    runner = new ScrapeRunner(collectors);
    ScrapeResult result = runner.scrape(n -> true, Optional.empty());
    assertThat(result.outcomes().get(6).success()).isTrue();
    assertThat(names(result)).contains("ok_value");
    assertThat(result.outcomes().subList(0, 6)).allSatisfy(o -> assertThat(o.success()).isFalse());
  }

  @Test
  void manyCollectorsShareAFewRunnerThreads() {
    List<TimedCollector> collectors = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      collectors.add(timed(fixed("c" + i, i), Duration.ofSeconds(5)));
    }
    runner = new ScrapeRunner(collectors);
    for (int i = 0; i < 200; i++) {
      ScrapeResult result = runner.scrape(n -> true, Optional.empty());
      assertThat(result.outcomes()).allSatisfy(o -> assertThat(o.success()).isTrue());
      assertThat(result.families()).hasSize(42);
    }
    // One thread per collector was the old behaviour (40 here): now the permanent runners, plus at most an extra
    // runner or two when a busy machine kept the runners off the CPU for longer than the grace period.
    assertThat(runner.collectorThreads()).isBetween(ScrapeRunner.RUNNERS, ScrapeRunner.RUNNERS + 2);
  }

  @Test
  void theCostliestCollectorOfTheLastScrapeIsQueuedFirst() {
    List<String> started = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    List<TimedCollector> collectors = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String name = "c" + i;
      long sleepMillis = i == 9 ? 30 : 0;
      collectors.add(timed(collector(name, () -> {
        started.add(name);
        Thread.sleep(sleepMillis);
        return List.of();
      }), Duration.ofSeconds(5)));
    }
    runner = new ScrapeRunner(collectors);
    runner.scrape(n -> true, Optional.empty());
    started.clear();
    runner.scrape(n -> true, Optional.empty());
    // Queued first, so taken by one of the first runners (which of them records its start first is a race).
    assertThat(started.subList(0, ScrapeRunner.RUNNERS)).contains("c9");
    assertThat(runner.scrape(n -> true, Optional.empty()).outcomes())
        .extracting(CollectorOutcome::name)
        .containsExactly("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9");
  }

  @Test
  void meanwhileRunsOnTheCallerWhileCollectorsRunAndItsFailureComesAfterThem() throws Exception {
    CountDownLatch collectorStarted = new CountDownLatch(1);
    CountDownLatch meanwhileDone = new CountDownLatch(1);
    Collector c = collector("c", () -> {
      collectorStarted.countDown();
      meanwhileDone.await(); // finishes only after the caller's work: both ran at the same time
      return List.of(Families.gauge("c_value", "c", 1));
    });
    runner = new ScrapeRunner(List.of(timed(c, Duration.ofSeconds(5))));
    Thread caller = Thread.currentThread();
    ScrapeResult result = runner.scrape(n -> true, Optional.empty(), () -> {
      assertThat(Thread.currentThread()).isSameAs(caller);
      try {
        assertThat(collectorStarted.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      meanwhileDone.countDown();
    });
    assertThat(result.outcomes().get(0).success()).isTrue();

    AtomicInteger runs = new AtomicInteger();
    runner.close();
    runner = new ScrapeRunner(List.of(timed(collector("d", () -> {
      runs.incrementAndGet();
      return List.of();
    }), Duration.ofSeconds(5))));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runner.scrape(n -> true, Optional.empty(), () -> {
      throw new IllegalStateException("self metrics broke");
    })).hasMessage("self metrics broke");
    assertThat(runs.get()).isEqualTo(1);
    assertThat(runner.lastOutcomes().get("d").success()).isTrue();
  }

  private static List<String> names(ScrapeResult r) {
    return r.families().stream().map(f -> f.getMetadata().getName()).toList();
  }

  private static TimedCollector timed(Collector c, Duration timeout) {
    return new TimedCollector(c, timeout);
  }

  private static Collector fixed(String name, double value) {
    return collector(name, () -> List.of(Families.gauge(name + "_value", "test", value)));
  }

  private Collector hanging(String name) {
    return collector(name, () -> {
      release.await();
      return List.of();
    });
  }

  private static Collector collector(String name, TestCollectors.Body body) {
    return TestCollectors.collector(name, body);
  }
}
