package io.vigil.exporter.collector;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads collectors run on: a queue of {@link CollectorRun}s taken by a few permanent runner threads, plus
 * extra runners on demand for when those are stuck in slow or hung collectors.
 *
 * <p>Permanent runners block on the queue between scrapes, so a scrape costs no thread creation and wakes only as
 * many threads as there are runners. An extra runner takes runs until the queue is empty and returns its thread to
 * a pool that ends idle threads after 30 s; there is no upper bound, since a collector never has two runs in flight
 * (so stuck threads are at most one per collector) and the HTTP server caps concurrent scrapes.
 *
 * <p>Thread safety: safe for concurrent use.
 */
final class RunQueue implements AutoCloseable {

  private final LinkedBlockingQueue<CollectorRun> queue = new LinkedBlockingQueue<>();
  private final List<Thread> permanent = new ArrayList<>();
  private final ThreadPoolExecutor extra;
  private volatile boolean closed;
  /** When a runner last took a run: the queue is stuck when runs wait and none was taken for a while. */
  private volatile long lastTakenNanos = System.nanoTime();

  /**
   * @param threadPrefix name prefix of the runner threads
   * @param permanentRunners threads that stay alive (0 for a runner with nothing to run)
   */
  RunQueue(String threadPrefix, int permanentRunners) {
    AtomicInteger ids = new AtomicInteger();
    for (int i = 0; i < permanentRunners; i++) {
      Thread t = new Thread(this::takeForever, threadPrefix + ids.incrementAndGet());
      t.setDaemon(true);
      permanent.add(t);
    }
    this.extra = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, threadPrefix + ids.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    permanent.forEach(Thread::start);
  }

  /** Queues a run; once closed, gives it up at once instead. */
  void submit(CollectorRun run) {
    if (closed) {
      run.giveUp(new RejectedExecutionException("collector runner closed"));
      return;
    }
    queue.add(run);
    if (permanent.isEmpty()) {
      addRunner();
    }
  }

  /**
   * True when the oldest queued run has waited {@code graceNanos} and no runner has taken any run meanwhile: every
   * runner is busy with something slow or hung. (Waiting alone is normal: a scrape queues all its collectors at once,
   * and a run queued a moment ago has not been taken yet however idle the runners are.)
   */
  boolean stalled(long graceNanos) {
    CollectorRun oldest = queue.peek();
    long now = System.nanoTime();
    return oldest != null && now - oldest.queuedNanos() > graceNanos && now - lastTakenNanos > graceNanos;
  }

  /** Starts one extra runner that takes queued runs until none is left. */
  void addRunner() {
    try {
      extra.execute(() -> {
        for (CollectorRun run; (run = queue.poll()) != null; ) {
          lastTakenNanos = System.nanoTime();
          run.run();
        }
      });
    } catch (RejectedExecutionException e) {
      giveUpQueued(e);
    }
  }

  /** Forgets a run that was given up, so it does not sit in the queue until a runner skips it. */
  void remove(CollectorRun run) {
    queue.remove(run);
  }

  /** Runner threads alive now, busy or idle. */
  int threads() {
    int alive = 0;
    for (Thread t : permanent) {
      if (t.isAlive()) {
        alive++;
      }
    }
    return alive + extra.getPoolSize();
  }

  private void takeForever() {
    while (!closed) {
      try {
        CollectorRun run = queue.take();
        lastTakenNanos = System.nanoTime();
        run.run();
      } catch (InterruptedException e) {
        // Only close() ends a permanent runner; an interrupt a collector left behind does not.
        if (closed) {
          return;
        }
      }
    }
  }

  private void giveUpQueued(Exception why) {
    for (CollectorRun run; (run = queue.poll()) != null; ) {
      run.giveUp(why);
    }
  }

  /** Stops the runners; queued runs are given up, runs in progress are interrupted. */
  @Override
  public void close() {
    closed = true;
    permanent.forEach(Thread::interrupt);
    extra.shutdownNow();
    giveUpQueued(new RejectedExecutionException("collector runner closed"));
  }
}
