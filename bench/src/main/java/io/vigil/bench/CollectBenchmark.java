package io.vigil.bench;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.collector.Collector;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One {@code collect()} of a collector on the canonical fixture host: file reads, parsing and family building. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"})
@State(Scope.Benchmark)
public class CollectBenchmark {

  @Param({"cpu", "meminfo", "netclass", "netdev", "diskstats", "filesystem", "netstat", "vmstat", "stat"})
  public String collector;

  private Collector instance;

  @Setup
  public void build() throws Exception {
    instance = new BenchHost(BenchHost.canonicalRoot()).collector(collector);
    instance.collect();
  }

  @Benchmark
  public List<MetricSnapshot> collect() throws Exception {
    return instance.collect();
  }
}
