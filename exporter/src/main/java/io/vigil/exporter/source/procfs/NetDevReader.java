package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.NetDevStats;
import io.vigil.exporter.source.SourceReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Interface counters on Linux: {@code /proc/net/dev}, plus {@code /sys/class/net/<dev>/statistics/rx_nohandler}
 * where the kernel has it (4.6+). node_exporter 1.5 reads the same numbers over netlink, whose statistics include
 * rx_nohandler, so this keeps its {@code node_network_receive_nohandler_total} family.
 *
 * <p>Thread safety: immutable.
 */
public final class NetDevReader implements SourceReader<List<NetDevStats>> {

  private final ProcFs proc;
  private final SysFs sys;

  public NetDevReader(ProcFs proc, SysFs sys) {
    this.proc = proc;
    this.sys = sys;
  }

  @Override
  public List<NetDevStats> read() throws IOException {
    Path file = proc.path("net", "dev");
    List<NetDevStats> devices = NetDevStats.parse(file, ProcFs.readText(file));
    List<NetDevStats> withNohandler = new ArrayList<>(devices.size());
    for (NetDevStats device : devices) {
      withNohandler.add(addNohandler(device));
    }
    return List.copyOf(withNohandler);
  }

  private NetDevStats addNohandler(NetDevStats device) {
    Path file = sys.path("class", "net", device.device(), "statistics", "rx_nohandler");
    Optional<String> raw = SysFs.readAttribute(file);
    if (raw.isEmpty()) {
      return device; // older kernel, or the device went away since /proc/net/dev was read
    }
    try {
      return device.with(NetDevStats.RECEIVE_NOHANDLER, NetDevStats.parseCounter(file, 1, raw.get(), raw.get()));
    } catch (MalformedFileException ignored) {
      return device; // one odd attribute must not cost the other counters; the family is simply absent
    }
  }
}
