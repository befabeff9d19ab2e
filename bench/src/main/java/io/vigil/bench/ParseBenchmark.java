package io.vigil.bench;

import io.vigil.exporter.source.DiskStats;
import io.vigil.exporter.source.Meminfo;
import io.vigil.exporter.source.Mount;
import io.vigil.exporter.source.NetClassDevice;
import io.vigil.exporter.source.NetDevStats;
import io.vigil.exporter.source.ProcStat;
import io.vigil.exporter.source.procfs.NetClassReader;
import io.vigil.exporter.source.procfs.NetSnmp;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * procfs/sysfs parsing on the canonical fixture host (4 CPUs): the parse methods on text already in memory, and
 * {@code netclass}, whose cost is mostly the ~22 attribute files per interface it opens.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"})
@State(Scope.Benchmark)
public class ParseBenchmark {

  private final Path path = Path.of("/proc/x");
  private String stat;
  private String meminfo;
  private String netDev;
  private String diskstats;
  private String mounts;
  private String netstat;
  private NetClassReader netClass;

  @Setup
  public void load() throws Exception {
    Path root = BenchHost.canonicalRoot();
    ProcFs proc = new ProcFs(root.resolve("proc"));
    stat = proc.read("stat");
    meminfo = proc.read("meminfo");
    netDev = proc.read("net", "dev");
    diskstats = proc.read("diskstats");
    mounts = proc.read("1", "mounts");
    netstat = proc.read("net", "netstat");
    netClass = new NetClassReader(new SysFs(root.resolve("sys")));
  }

  @Benchmark
  public ProcStat procStat() throws Exception {
    return ProcStat.parse(path, stat, ProcStat.LINUX_USER_HZ);
  }

  @Benchmark
  public Meminfo meminfo() throws Exception {
    return Meminfo.parse(path, meminfo);
  }

  @Benchmark
  public List<NetDevStats> netDev() throws Exception {
    return NetDevStats.parse(path, netDev);
  }

  @Benchmark
  public List<DiskStats> diskStats() throws Exception {
    return DiskStats.parse(path, diskstats, bad -> { });
  }

  @Benchmark
  public List<Mount> mounts() throws Exception {
    return Mount.parse(path, mounts, bad -> { });
  }

  @Benchmark
  public NetSnmp netstat() throws Exception {
    return NetSnmp.parse(path, netstat);
  }

  /** Reads the files too: listing /sys/class/net and ~22 attribute files per interface. */
  @Benchmark
  public List<NetClassDevice> netClassRead() throws Exception {
    return netClass.read();
  }
}
