package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.testing.TestCollectors;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunQueueTest {

  /** Long enough that a busy machine pausing the test between two statements does not decide the outcome. */
  private static final long GRACE = TimeUnit.MILLISECONDS.toNanos(100);

  private final CountDownLatch release = new CountDownLatch(1);
  private final RunQueue queue = new RunQueue("test-runner-", 1);

  @AfterEach
  void tearDown() {
    release.countDown();
    queue.close();
  }

  @Test
  void aRunQueuedAMomentAgoIsNoStallHoweverLongAgoTheLastTakeWas() throws Exception {
    CountDownLatch hungStarted = new CountDownLatch(1);
    queue.submit(run(TestCollectors.collector("hung", () -> {
      hungStarted.countDown();
      release.await();
      return List.of();
    })));
    assertThat(hungStarted.await(5, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(250); // the only runner took its last run 250 ms ago and is stuck in it

    CollectorRun waiting = run(TestCollectors.collector("ok", List::of));
    queue.submit(waiting);
    assertThat(queue.stalled(GRACE)).as("queued just now").isFalse();

    Thread.sleep(150);
    assertThat(queue.stalled(GRACE)).as("waited past the grace with the runner stuck").isTrue();
    queue.addRunner();
    assertThat(waiting.result().get(5, TimeUnit.SECONDS).error()).isNull();
    assertThat(queue.stalled(GRACE)).isFalse();
  }

  @Test
  void closingGivesUpWhatIsQueued() throws Exception {
    queue.submit(run(TestCollectors.collector("hung", () -> {
      release.await();
      return List.of();
    })));
    CollectorRun waiting = run(TestCollectors.collector("ok", List::of));
    queue.submit(waiting);
    queue.close();
    assertThat(waiting.result().get(5, TimeUnit.SECONDS).error()).hasMessageContaining("closed");
  }

  private static CollectorRun run(Collector c) {
    return new CollectorRun(c, System.nanoTime(), System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
  }
}
