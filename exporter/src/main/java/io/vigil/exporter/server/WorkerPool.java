package io.vigil.exporter.server;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP worker pool: grows only when no worker is idle (up to {@code max}), shrinks after a minute idle, and
 * queues a bounded number of connections beyond that. A plain {@code ThreadPoolExecutor} either queues behind busy
 * workers before growing (a slow scrape would then delay health checks) or starts a new thread for every request
 * until the core size is reached (sequential scrapes would create dozens of threads); this one does neither.
 */
final class WorkerPool {

  private WorkerPool() {}

  static ThreadPoolExecutor create(int max, int queueCapacity) {
    ScalingQueue queue = new ScalingQueue(queueCapacity);
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            0,
            max,
            60,
            TimeUnit.SECONDS,
            queue,
            r -> {
              Thread t = new Thread(r, "vigil-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            // Beyond max workers and a full queue the connection is dropped; the accept backlog and
            // jdk.httpserver.maxConnections bound what can get this far.
            new ThreadPoolExecutor.DiscardPolicy());
    queue.executor = pool;
    return pool;
  }

  /** Refuses a task when no worker is idle and the pool may still grow, so the executor adds a worker. */
  private static final class ScalingQueue extends LinkedBlockingQueue<Runnable> {
    private transient ThreadPoolExecutor executor;

    ScalingQueue(int capacity) {
      super(capacity);
    }

    @Override
    public boolean offer(Runnable task) {
      ThreadPoolExecutor pool = executor;
      boolean idleWorker = pool.getPoolSize() > pool.getActiveCount() + size();
      if (!idleWorker && pool.getPoolSize() < pool.getMaximumPoolSize()) {
        return false;
      }
      return super.offer(task);
    }
  }
}
