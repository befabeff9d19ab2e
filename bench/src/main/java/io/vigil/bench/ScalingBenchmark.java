package io.vigil.bench;

import io.vigil.exporter.collector.Collector;
import io.vigil.exporter.server.BenchExposition;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scrape cost as the host grows: one collection of the collectors whose work depends on the number of CPUs
 * (cpu, stat), mounts (filesystem, with a statvfs per mount), interfaces (netdev, netclass) and disks (diskstats),
 * plus the exporter's OpenMetrics encoding and gzip, on a {@link FixtureTrees generated tree}. Each shape grows one dimension of
 * {@link FixtureTrees.Shape#BASE}; the cost per added item shows whether growth is linear.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"})
@State(Scope.Benchmark)
public class ScalingBenchmark {

  static final List<String> COLLECTORS = List.of("cpu", "stat", "filesystem", "netdev", "netclass", "diskstats");

  @Param({"cpus=1", "cpus=64", "cpus=256", "mounts=10", "mounts=100", "mounts=500", "interfaces=2",
      "interfaces=50", "interfaces=200", "disks=4", "disks=25", "disks=100"})
  public String shape;

  private Path root;
  private List<Collector> collectors;
  private final BenchExposition writer = new BenchExposition();

  @Setup
  public void generate() throws Exception {
    root = FixtureTrees.generate(FixtureTrees.Shape.parse(shape));
    collectors = new BenchHost(root).collectors(COLLECTORS);
    scrape(); // fails the trial early if the generated tree does not parse
  }

  @TearDown
  public void delete() {
    FixtureTrees.delete(root);
  }

  @Benchmark
  public byte[] scrape() throws Exception {
    return writer.encode(BenchHost.collectAll(collectors), true);
  }
}
