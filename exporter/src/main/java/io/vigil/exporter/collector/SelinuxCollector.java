package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.Selinux;
import io.vigil.exporter.source.procfs.SysFs;
import java.nio.file.Path;
import java.util.List;

/**
 * node_exporter's {@code selinux} collector (Linux only): whether SELinux is enabled and, when it is, the configured
 * and the current mode (1 enforcing, 0 permissive, -1 disabled). See {@link Selinux} for the files read.
 *
 * <pre>
 * # HELP node_selinux_enabled SELinux is enabled, 1 is true, 0 is false
 * # TYPE node_selinux_enabled gauge
 * node_selinux_enabled 1.0
 * # HELP node_selinux_config_mode Configured SELinux enforcement mode
 * # HELP node_selinux_current_mode Current SELinux enforcement mode
 * </pre>
 *
 * <p>Unlike node_exporter, which asks go-selinux about the real {@code /sys/fs/selinux} and {@code /etc/selinux},
 * this honours {@code --path.sysfs} and {@code --path.rootfs}.
 *
 * <p>Thread safety: stateless.
 */
public final class SelinuxCollector implements Collector {

  public static final String NAME = "selinux";

  private final SysFs sys;
  private final ProcFs proc;
  private final Path config;

  /**
   * @param config {@code /etc/selinux/config} under the configured root filesystem
   */
  public SelinuxCollector(SysFs sys, ProcFs proc, Path config) {
    this.sys = sys;
    this.proc = proc;
    this.config = config;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() {
    Selinux selinux = Selinux.read(sys, proc, config);
    MetricSnapshot enabled =
        Families.gauge("node_selinux_enabled", "SELinux is enabled, 1 is true, 0 is false", selinux.enabled() ? 1 : 0);
    if (!selinux.enabled()) {
      return List.of(enabled);
    }
    return List.of(
        enabled,
        Families.gauge("node_selinux_config_mode", "Configured SELinux enforcement mode", selinux.configMode()),
        Families.gauge("node_selinux_current_mode", "Current SELinux enforcement mode", selinux.currentMode()));
  }
}
