package io.vigil.exporter;

import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmCompilationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryPoolAllocationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmNativeMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * Vigil's own JVM and process metrics: the parts of client_java's {@code JvmMetrics}, registered one by one so that
 * the native-memory part is registered only when Native Memory Tracking is on. Without NMT that part emits nothing,
 * yet registering it starts the JMX platform MBean server to ask, which was 100-250 ms of the time to the first
 * scrape. Same families as {@code JvmMetrics.builder().register(registry)}.
 */
final class SelfMetrics {

  private static final Logger LOG = Logger.getLogger(SelfMetrics.class.getName());

  private SelfMetrics() {}

  /**
   * A registry with the self metrics, registered on a thread of its own: the management beans they use take ~30-70 ms
   * to set up at start, which then overlaps the first collection and the server start instead of delaying them.
   * Completes with the registry even if a part fails to register (logged); the others are served.
   */
  static CompletableFuture<PrometheusRegistry> registerInBackground() {
    CompletableFuture<PrometheusRegistry> done = new CompletableFuture<>();
    PrometheusRegistry registry = new PrometheusRegistry();
    Thread t = new Thread(() -> {
      try {
        register(registry);
      } catch (RuntimeException | LinkageError e) {
        LOG.warning(() -> "JVM self metrics incomplete: " + e);
      } finally {
        done.complete(registry);
      }
    }, "vigil-self-metrics");
    t.setDaemon(true);
    t.start();
    return done;
  }

  static void register(PrometheusRegistry registry) {
    JvmThreadsMetrics.builder().register(registry);
    JvmBufferPoolMetrics.builder().register(registry);
    JvmClassLoadingMetrics.builder().register(registry);
    JvmCompilationMetrics.builder().register(registry);
    JvmGarbageCollectorMetrics.builder().register(registry);
    JvmMemoryPoolAllocationMetrics.builder().register(registry);
    JvmMemoryMetrics.builder().register(registry);
    if (nativeMemoryTracking(ManagementFactory.getRuntimeMXBean().getInputArguments())) {
      JvmNativeMemoryMetrics.builder().register(registry);
    }
    JvmRuntimeInfoMetric.builder().register(registry);
    ProcessMetrics.builder().register(registry);
  }

  /** Whether the JVM runs with {@code -XX:NativeMemoryTracking=summary|detail} (the default is off). */
  static boolean nativeMemoryTracking(List<String> jvmArguments) {
    boolean on = false;
    for (String arg : jvmArguments) {
      if (arg.startsWith("-XX:NativeMemoryTracking=")) {
        on = !arg.endsWith("=off"); // the last one wins, as in the JVM
      }
    }
    return on;
  }
}
