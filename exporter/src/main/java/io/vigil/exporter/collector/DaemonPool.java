package io.vigil.exporter.collector;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed-size pool of named daemon threads for collectors that run several jobs of their own (probes, commands):
 * one thread per job, a job queued (never refused) while the thread that ran its previous run returns, and idle
 * threads ended after a minute.
 */
final class DaemonPool {

  private DaemonPool() {}

  static ThreadPoolExecutor fixed(String namePrefix, int jobs) {
    AtomicInteger ids = new AtomicInteger();
    int threads = Math.max(1, jobs);
    ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, namePrefix + ids.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }
}
