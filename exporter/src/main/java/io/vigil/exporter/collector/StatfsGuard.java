package io.vigil.exporter.collector;

import io.vigil.exporter.source.FilesystemSource;
import io.vigil.exporter.source.FsUsage;
import io.vigil.exporter.source.Mount;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@link FilesystemSource#usage} calls on a worker thread, each under a timeout, so a dead network mount cannot
 * hang the scrape (node_exporter's {@code --collector.filesystem.mount-timeout} and its {@code stuckMounts}).
 *
 * <p>A call that misses its timeout cannot be taken back ({@code statfs} on a hung NFS server is uninterruptible), so
 * its mount point is remembered as stuck and not asked again until that very call has returned; its worker thread is
 * left to it and a fresh worker serves the next calls. Live threads are therefore one worker plus one per stuck mount
 * point, and never more than {@link #MAX_STUCK} + 1: once that many calls are stuck, further mounts are reported as
 * failed without a call. Idle workers end after {@link #IDLE_SECONDS}.
 *
 * <p>Thread safety: {@link #usage} is for one caller at a time (the runner never runs a collector twice at once) and
 * is synchronized anyway; stuck bookkeeping is shared safely with the worker threads.
 */
final class StatfsGuard {

  /** Most calls left hanging at once; each holds one thread until the kernel lets it go. */
  static final int MAX_STUCK = 16;

  /** Longer than common scrape intervals, so one worker usually serves every scrape. */
  static final long IDLE_SECONDS = 120;

  private final FilesystemSource source;
  private final Duration timeout;
  /** Mount point to the call that is still running past its timeout. */
  private final Map<String, FutureTask<FsUsage>> stuck = new ConcurrentHashMap<>();
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final ThreadFactory threadFactory;
  private ThreadPoolExecutor worker; // guarded by this

  StatfsGuard(FilesystemSource source, Duration timeout) {
    this.source = source;
    this.timeout = timeout;
    AtomicInteger ids = new AtomicInteger();
    this.threadFactory =
        r -> {
          Thread t = new Thread(r, "vigil-statfs-" + ids.incrementAndGet());
          t.setDaemon(true); // a call stuck in the kernel must not keep the JVM alive
          threads.removeIf(old -> !old.isAlive());
          threads.add(t);
          return t;
        };
  }

  /**
   * The mount's usage, or an {@link IOException} when the call failed, timed out, or an earlier call for the same
   * mount point is still stuck.
   */
  synchronized FsUsage usage(Mount mount) throws IOException, InterruptedException {
    String mountPoint = mount.mountPoint();
    if (stuck.containsKey(mountPoint)) {
      throw new IOException("an earlier statfs of " + mountPoint + " has not returned yet; not asking again");
    }
    if (stuck.size() >= MAX_STUCK) {
      throw new IOException(MAX_STUCK + " statfs calls are stuck; not risking another for " + mountPoint);
    }
    FutureTask<FsUsage> call =
        new FutureTask<>(() -> source.usage(mount)) {
          @Override
          protected void done() {
            stuck.remove(mountPoint, this); // a stuck call returned: the mount may be asked again
          }
        };
    worker().execute(call);
    try {
      return call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      if (!call.isDone()) {
        abandon(mountPoint, call);
        throw new IOException("statfs of " + mountPoint + " took longer than " + timeout + "; marked stuck");
      }
      // returned just after the timeout: not stuck, use its result below
    } catch (InterruptedException e) {
      if (!call.isDone()) {
        abandon(mountPoint, call);
      }
      throw e;
    } catch (ExecutionException e) {
      throw failure(e);
    }
    try {
      return call.get();
    } catch (ExecutionException e) {
      throw failure(e);
    }
  }

  /** Live threads this guard started (workers and stuck calls); for tests. */
  int liveThreads() {
    threads.removeIf(t -> !t.isAlive());
    return threads.size();
  }

  /** Mount points whose call is still running past its timeout; for tests. */
  Set<String> stuckMountPoints() {
    return Set.copyOf(stuck.keySet());
  }

  private ThreadPoolExecutor worker() {
    if (worker == null) {
      worker =
          new ThreadPoolExecutor(1, 1, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threadFactory);
      worker.allowCoreThreadTimeOut(true);
    }
    return worker;
  }

  /** Leaves the worker to the stuck call (its thread ends when the call returns) and remembers the mount point. */
  private void abandon(String mountPoint, FutureTask<FsUsage> call) {
    stuck.put(mountPoint, call);
    if (call.isDone()) {
      stuck.remove(mountPoint, call); // done() ran before put: nothing is stuck
    }
    worker.shutdown();
    worker = null;
  }

  private static IOException failure(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IOException("statfs failed: " + cause, cause);
  }
}
