package io.vigil.bench;

import com.sun.management.ThreadMXBean;
import io.vigil.exporter.collector.Collector;
import io.vigil.exporter.server.BenchExposition;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The scaling curves of docs/benchmarks.md: the same work as {@link ScalingBenchmark} (collect cpu, stat,
 * filesystem, netdev, netclass and diskstats on a generated tree, then the exporter's OpenMetrics encoding and gzip),
 * measured as CPU
 * time and bytes allocated by the scraping thread rather than wall time, so a busy machine shifts the figures less.
 * Prints a markdown table: per shape, median CPU per scrape, allocation per scrape, and the cost of each added item
 * against the previous size of the same dimension (constant per-item cost = linear).
 *
 * <p>{@code bench/run.sh scaling [--scrapes N]}
 */
public final class Scaling {

  private static final String[][] DIMENSIONS = {
    {"cpus", "1", "64", "256"},
    {"mounts", "10", "100", "500"},
    {"interfaces", "2", "50", "200"},
    {"disks", "4", "25", "100"},
  };

  private Scaling() {}

  public static void main(String[] args) throws Exception {
    int scrapes = 400;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--scrapes")) {
        scrapes = Integer.parseInt(args[++i]);
      } else {
        throw new IllegalArgumentException("usage: Scaling [--scrapes N]");
      }
    }
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    BenchExposition writer = new BenchExposition();
    StringBuilder out = new StringBuilder();
    out.append("| dimension | size | CPU µs/scrape (median) | KiB allocated/scrape | µs per added item | KiB per added item |\n");
    out.append("|---|---:|---:|---:|---:|---:|\n");
    for (String[] dim : DIMENSIONS) {
      double prevCpu = -1;
      double prevAlloc = -1;
      int prevSize = -1;
      for (int s = 1; s < dim.length; s++) {
        int size = Integer.parseInt(dim[s]);
        String shape = dim[0] + "=" + size;
        System.err.println("[scaling] " + shape);
        Path root = FixtureTrees.generate(FixtureTrees.Shape.parse(shape));
        try {
          List<Collector> collectors = new BenchHost(root).collectors(ScalingBenchmark.COLLECTORS);
          for (int w = 0; w < scrapes / 2; w++) {
            scrape(collectors, writer);
          }
          double[] cpu = new double[scrapes];
          long alloc0 = threads.getCurrentThreadAllocatedBytes();
          for (int i = 0; i < scrapes; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            scrape(collectors, writer);
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e3;
          }
          double alloc = (threads.getCurrentThreadAllocatedBytes() - alloc0) / (double) scrapes / 1024;
          Arrays.sort(cpu);
          double median = cpu[scrapes / 2];
          String perCpu = prevSize < 0 ? "" : fmt((median - prevCpu) / (size - prevSize), 2);
          String perAlloc = prevSize < 0 ? "" : fmt((alloc - prevAlloc) / (size - prevSize), 2);
          out.append("| ").append(dim[0]).append(" | ").append(size).append(" | ").append(fmt(median, 0))
              .append(" | ").append(fmt(alloc, 1)).append(" | ").append(perCpu).append(" | ").append(perAlloc)
              .append(" |\n");
          prevCpu = median;
          prevAlloc = alloc;
          prevSize = size;
        } finally {
          FixtureTrees.delete(root);
        }
      }
    }
    System.out.print(out);
  }

  private static int scrape(List<Collector> collectors, BenchExposition writer) throws Exception {
    return writer.encode(BenchHost.collectAll(collectors), true).length;
  }

  private static String fmt(double v, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }
}
