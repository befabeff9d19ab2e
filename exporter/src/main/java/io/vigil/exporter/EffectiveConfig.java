package io.vigil.exporter;

import io.vigil.exporter.collector.CollectorDefinition;
import io.vigil.exporter.config.CollectorOptions;
import io.vigil.exporter.config.CollectorSettings;
import io.vigil.exporter.config.ConfigException;
import io.vigil.exporter.config.ConfigLoader;
import io.vigil.exporter.config.ListenAddress;
import io.vigil.exporter.config.ServicesConfig;
import io.vigil.exporter.config.TextfileOptions;
import io.vigil.exporter.config.VigilConfig;
import io.vigil.exporter.config.WebSettings;
import io.vigil.exporter.source.HostPaths;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The config file with the command-line flags on top (flags win), and the collectors that result. */
public final class EffectiveConfig {

  private EffectiveConfig() {}

  public static VigilConfig resolve(CommandLine cli, List<CollectorDefinition> catalogue) throws ConfigException {
    ConfigLoader loader =
        new ConfigLoader(catalogue.stream().map(CollectorDefinition::name).collect(java.util.stream.Collectors.toSet()));
    VigilConfig file =
        cli.value("config.file").isPresent() ? loader.load(Path.of(cli.value("config.file").get())) : VigilConfig.DEFAULT;
    return applyFlags(file, cli);
  }

  static VigilConfig applyFlags(VigilConfig c, CommandLine cli) throws ConfigException {
    WebSettings w = c.web();
    String listen = cli.value("web.listen-address").orElse(w.listenAddress());
    if (ListenAddress.parse(listen).isEmpty()) {
      throw new ConfigException(
          "--web.listen-address: expected host:port or :port with a port from 0 to 65535, got \"" + listen + "\"");
    }
    int maxRequests = w.maxRequests();
    if (cli.value("web.max-requests").isPresent()) {
      try {
        maxRequests = Integer.parseInt(cli.value("web.max-requests").get());
      } catch (NumberFormatException e) {
        maxRequests = -1;
      }
      if (maxRequests < 0 || maxRequests > 10_000) {
        throw new ConfigException(
            "--web.max-requests: expected an integer from 0 to 10000, got \"" + cli.value("web.max-requests").get()
                + "\"");
      }
    }
    String telemetryPath = cli.value("web.telemetry-path").orElse(w.telemetryPath());
    if (!telemetryPath.startsWith("/") || telemetryPath.equals("/") || telemetryPath.startsWith("/-/")) {
      throw new ConfigException("--web.telemetry-path: expected a path like /metrics, got \"" + telemetryPath + "\"");
    }
    WebSettings web =
        new WebSettings(
            listen,
            telemetryPath,
            maxRequests,
            w.requestTimeout(),
            w.responseTimeout(),
            w.disableExporterMetrics() || cli.disableExporterMetrics(),
            cli.value("web.config.file").map(Path::of).or(w::webConfigFile),
            w.enableLifecycle() || cli.enableLifecycle(),
            w.unauthenticatedHealth());

    HostPaths p = c.paths();
    if (cli.value("path.rootfs").isPresent()) {
      p = HostPaths.underRoot(Path.of(cli.value("path.rootfs").get()));
    }
    HostPaths paths =
        new HostPaths(
            cli.value("path.procfs").map(Path::of).orElse(p.procfs()),
            cli.value("path.sysfs").map(Path::of).orElse(p.sysfs()),
            p.rootfs(),
            cli.value("path.udev.data").map(Path::of).orElse(p.udevData()));

    CollectorOptions o = c.collectors();
    Map<String, CollectorSettings> per = new HashMap<>(o.perCollector());
    cli.collectorSwitches()
        .forEach((name, on) -> per.put(name, new CollectorSettings(Optional.of(on), o.settings(name).timeout())));
    CollectorOptions collectors =
        new CollectorOptions(
            o.enableDefaults() && !cli.disableDefaults(),
            per,
            o.filesystem(),
            o.netdevDevices(),
            o.diskstatsDevices(),
            o.netclassDevices(),
            o.cpuInfo(),
            o.sysctlInclude());
    ServicesConfig services = c.services();
    if (cli.value("collector.textfile.directory").isPresent()) {
      String dirs = cli.value("collector.textfile.directory").get();
      services = new ServicesConfig(
          new TextfileOptions(dirs.isEmpty() ? List.of() : List.of(dirs), services.textfile().maxFileBytes()),
          services.processGroups(), services.probes(), services.commands());
    }
    return new VigilConfig(web, c.scrape(), paths, collectors, c.file(), services);
  }

  /** The catalogue entries that run under this config, in catalogue order. */
  public static List<CollectorDefinition> enabled(VigilConfig config, List<CollectorDefinition> catalogue) {
    CollectorOptions o = config.collectors();
    return catalogue.stream()
        .filter(d -> o.settings(d.name()).enabled().orElse(o.enableDefaults() && d.enabledByDefault()))
        .toList();
  }
}
