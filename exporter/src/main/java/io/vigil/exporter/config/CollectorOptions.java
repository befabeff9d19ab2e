package io.vigil.exporter.config;

import java.util.List;
import java.util.Map;

/**
 * Options of individual collectors plus their on/off and timeout switches.
 *
 * @param enableDefaults false is node_exporter's {@code --collector.disable-defaults}: only collectors switched on
 *     explicitly run
 * @param perCollector {@code collectors.<name>.enabled/timeout} from the file, by collector name
 * @param filesystem filesystem collector options
 * @param netdevDevices netdev device filter (default excludes {@code ^lo$})
 * @param diskstatsDevices diskstats device filter (default excludes partitions, ram, loop, fd)
 * @param netclassDevices netclass device filter (node_exporter's {@code ignored-devices}, default none)
 * @param cpuInfo emit {@code node_cpu_info} (off by default, as in node_exporter)
 * @param sysctlInclude the sysctl collector's parameters, {@code name} or {@code name:key,key,...} (node_exporter's
 *     {@code --collector.sysctl.include}); none by default
 */
public record CollectorOptions(
    boolean enableDefaults,
    Map<String, CollectorSettings> perCollector,
    FilesystemOptions filesystem,
    DeviceFilter netdevDevices,
    DeviceFilter diskstatsDevices,
    DeviceFilter netclassDevices,
    boolean cpuInfo,
    List<String> sysctlInclude) {

  public static final String DEFAULT_DISKSTATS_EXCLUDE = "^(ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$";
  public static final String DEFAULT_NETDEV_EXCLUDE = "^lo$";

  public CollectorOptions {
    perCollector = Map.copyOf(perCollector);
    sysctlInclude = List.copyOf(sysctlInclude);
  }

  public static final CollectorOptions DEFAULT =
      new CollectorOptions(
          true,
          Map.of(),
          FilesystemOptions.DEFAULT,
          DeviceFilter.excluding(DEFAULT_NETDEV_EXCLUDE),
          DeviceFilter.excluding(DEFAULT_DISKSTATS_EXCLUDE),
          DeviceFilter.ALL,
          false,
          List.of());

  public CollectorSettings settings(String collector) {
    return perCollector.getOrDefault(collector, CollectorSettings.DEFAULT);
  }
}
