package io.vigil.exporter.testing;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.collector.Collector;
import io.vigil.exporter.collector.CollectorDefinition;
import io.vigil.exporter.collector.Families;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Fault-injection collectors: a fixed one, one that hangs until released, one that throws. */
public final class TestCollectors {

  private TestCollectors() {}

  public static CollectorDefinition fixed(String name, double value) {
    return new CollectorDefinition(name, true, "test", ctx -> collector(name, () ->
        List.of(Families.gauge("test_" + name + "_value", "A fixed test value.", value))));
  }

  public static CollectorDefinition hanging(String name, CountDownLatch release) {
    return new CollectorDefinition(name, true, "test", ctx -> collector(name, () -> {
      release.await();
      return List.of(Families.gauge("test_" + name + "_value", "Released.", 1));
    }));
  }

  public static CollectorDefinition throwing(String name) {
    return new CollectorDefinition(name, true, "test", ctx -> collector(name, () -> {
      throw new java.io.IOException("injected failure");
    }));
  }

  /** A collector body that may throw. */
  public interface Body {
    List<MetricSnapshot> run() throws Exception;
  }

  public static Collector collector(String name, Body body) {
    return new Collector() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<MetricSnapshot> collect() throws Exception {
        return body.run();
      }
    };
  }
}
