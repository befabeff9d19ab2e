package io.vigil.exporter.server;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The generation in force, behind one reference: each request takes it once ({@link #enter}) and gives it back
 * ({@link Generation#exit}); a reload swaps in a new one and retires the old, which closes when its last request
 * finishes. Readiness survives reloads: once any generation has collected, the exporter is ready.
 *
 * <p>Thread safety: safe for concurrent use.
 */
public final class Generations {

  private final AtomicReference<Generation> current;
  private final AtomicBoolean ready = new AtomicBoolean();

  public Generations(Generation first) {
    this.current = new AtomicReference<>(first);
  }

  /** The current generation, registered as in use; call {@link Generation#exit} when done. */
  Generation enter() {
    while (true) {
      Generation g = current.get();
      if (g.tryEnter()) {
        return g;
      }
    }
  }

  /** The current generation, for a quick look that does not use its collectors. */
  public Generation peek() {
    return current.get();
  }

  /** Puts {@code next} in force and retires the previous generation. */
  public void swap(Generation next) {
    Generation old = current.getAndSet(next);
    old.retire();
  }

  boolean ready() {
    if (!ready.get() && current.get().service().ready()) {
      ready.set(true);
    }
    return ready.get();
  }

  /** Retires the current generation (shutdown). */
  public void close() {
    current.get().retire();
  }
}
