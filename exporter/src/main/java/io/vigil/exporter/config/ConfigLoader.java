package io.vigil.exporter.config;

import io.vigil.exporter.source.HostPaths;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads {@code --config.file} with SnakeYAML's safe loader (no duplicate keys, no global tags, bounded aliases and
 * depth) and maps it onto {@link VigilConfig}, validating the whole file before anything uses it.
 *
 * <p>Thread safety: immutable.
 */
public final class ConfigLoader {

  private static final Set<String> TOP = Set.of("web", "scrape", "paths", "collectors");
  private static final Set<String> WEB =
      Set.of("listen_address", "telemetry_path", "max_requests", "request_timeout", "response_timeout",
          "disable_exporter_metrics", "config_file");
  private static final Set<String> SCRAPE = Set.of("timeout_margin", "collector_timeout");
  private static final Set<String> PATHS = Set.of("procfs", "sysfs", "rootfs", "udev_data");
  private static final Set<String> COMMON = Set.of("enabled", "timeout");
  private static final Set<String> DEVICE_FILTER = Set.of("device_include", "device_exclude");
  private static final Map<String, Set<String>> OPTIONS =
      Map.of(
          "cpu", Set.of("info"),
          "filesystem",
              Set.of("mount_points_include", "mount_points_exclude", "fs_types_include", "fs_types_exclude",
                  "stat_timeout"),
          "netdev", DEVICE_FILTER,
          "diskstats", DEVICE_FILTER,
          "netclass", DEVICE_FILTER,
          "sysctl", Set.of("include"));

  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

  private final Set<String> knownCollectors;

  /** @param knownCollectors names of the collectors in the catalogue; others are rejected */
  public ConfigLoader(Set<String> knownCollectors) {
    this.knownCollectors = Set.copyOf(knownCollectors);
  }

  /** Loads and validates a file. */
  public VigilConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such file");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage());
    }
    return parse(file.toString(), text, Optional.of(file));
  }

  /** Parses and validates YAML text; {@code name} is used in messages. */
  public VigilConfig parse(String name, String text, Optional<Path> file) throws ConfigException {
    Node root = compose(name, new StringReader(text));
    if (root == null) {
      return new VigilConfig(
          WebSettings.DEFAULT, ScrapeSettings.DEFAULT, HostPaths.defaults(), CollectorOptions.DEFAULT, file);
    }
    YamlMapping top = YamlMapping.root(name, root);
    top.allowOnly(TOP);
    WebSettings web = web(top.mapping("web"));
    ScrapeSettings scrape = scrape(top.mapping("scrape"));
    HostPaths paths = paths(top.mapping("paths"));
    CollectorOptions collectors = collectors(top.mapping("collectors"));
    return new VigilConfig(web, scrape, paths, collectors, file);
  }

  private static Node compose(String name, Reader reader) throws ConfigException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(50);
    options.setCodePointLimit(1 << 20);
    try {
      return new Yaml(new SafeConstructor(options)).compose(reader);
    } catch (MarkedYAMLException e) {
      String problem = e.getProblem() == null ? e.getContext() : e.getProblem();
      String context = e.getContext() != null && e.getProblem() != null ? " (" + e.getContext() + ")" : "";
      throw YamlMapping.error(name, e.getProblemMark(), "invalid YAML: " + problem + context);
    } catch (YAMLException e) {
      throw new ConfigException(name + ": invalid YAML: " + e.getMessage());
    }
  }

  private static WebSettings web(Optional<YamlMapping> section) throws ConfigException {
    WebSettings d = WebSettings.DEFAULT;
    if (section.isEmpty()) {
      return d;
    }
    YamlMapping m = section.get();
    m.allowOnly(WEB);
    String listen = m.string("listen_address").orElse(d.listenAddress());
    if (ListenAddress.parse(listen).isEmpty()) {
      throw m.error(
          m.valueNode("listen_address"), "web.listen_address: expected host:port or :port with a port from 0 to 65535, got \"" + listen
              + "\"");
    }
    String telemetryPath = m.string("telemetry_path").orElse(d.telemetryPath());
    if (!telemetryPath.startsWith("/") || telemetryPath.equals("/") || telemetryPath.startsWith("/-/")) {
      throw m.error(m.valueNode("telemetry_path"), "web.telemetry_path: expected a path like /metrics, got \"" + telemetryPath + "\"");
    }
    return new WebSettings(
        listen,
        telemetryPath,
        m.integer("max_requests", 0, 10_000).orElse(d.maxRequests()),
        m.duration("request_timeout", Duration.ofSeconds(1), MAX_TIMEOUT).orElse(d.requestTimeout()),
        m.duration("response_timeout", Duration.ofSeconds(1), MAX_TIMEOUT).orElse(d.responseTimeout()),
        m.bool("disable_exporter_metrics").orElse(d.disableExporterMetrics()),
        m.string("config_file").map(Path::of).or(d::webConfigFile));
  }

  private static ScrapeSettings scrape(Optional<YamlMapping> section) throws ConfigException {
    ScrapeSettings d = ScrapeSettings.DEFAULT;
    if (section.isEmpty()) {
      return d;
    }
    YamlMapping m = section.get();
    m.allowOnly(SCRAPE);
    return new ScrapeSettings(
        m.duration("timeout_margin", Duration.ZERO, Duration.ofSeconds(60)).orElse(d.timeoutMargin()),
        m.duration("collector_timeout", Duration.ofMillis(10), MAX_TIMEOUT).orElse(d.collectorTimeout()));
  }

  private static HostPaths paths(Optional<YamlMapping> section) throws ConfigException {
    if (section.isEmpty()) {
      return HostPaths.defaults();
    }
    YamlMapping m = section.get();
    m.allowOnly(PATHS);
    HostPaths base = m.string("rootfs").map(Path::of).map(HostPaths::underRoot).orElse(HostPaths.defaults());
    return new HostPaths(
        m.string("procfs").map(Path::of).orElse(base.procfs()),
        m.string("sysfs").map(Path::of).orElse(base.sysfs()),
        base.rootfs(),
        m.string("udev_data").map(Path::of).orElse(base.udevData()));
  }

  private CollectorOptions collectors(Optional<YamlMapping> section) throws ConfigException {
    CollectorOptions d = CollectorOptions.DEFAULT;
    if (section.isEmpty()) {
      return d;
    }
    YamlMapping m = section.get();
    Set<String> allowed = new HashSet<>(knownCollectors);
    allowed.add("enable_defaults");
    m.allowOnly(allowed);
    Map<String, CollectorSettings> per = new HashMap<>();
    FilesystemOptions filesystem = d.filesystem();
    DeviceFilter netdev = d.netdevDevices();
    DeviceFilter diskstats = d.diskstatsDevices();
    DeviceFilter netclass = d.netclassDevices();
    boolean cpuInfo = d.cpuInfo();
    List<String> sysctlInclude = d.sysctlInclude();
    for (String name : m.keys()) {
      if (name.equals("enable_defaults")) {
        continue;
      }
      Optional<YamlMapping> c = m.mapping(name);
      if (c.isEmpty()) {
        continue;
      }
      YamlMapping cm = c.get();
      Set<String> keys = new HashSet<>(COMMON);
      keys.addAll(OPTIONS.getOrDefault(name, Set.of()));
      cm.allowOnly(keys);
      per.put(
          name,
          new CollectorSettings(
              cm.bool("enabled"), cm.duration("timeout", Duration.ofMillis(10), MAX_TIMEOUT)));
      switch (name) {
        case "cpu" -> cpuInfo = cm.bool("info").orElse(cpuInfo);
        case "filesystem" -> filesystem = filesystem(cm, filesystem);
        case "netdev" -> netdev = deviceFilter(cm, netdev, "device_include", "device_exclude");
        case "diskstats" -> diskstats = deviceFilter(cm, diskstats, "device_include", "device_exclude");
        case "netclass" -> netclass = deviceFilter(cm, netclass, "device_include", "device_exclude");
        case "sysctl" -> sysctlInclude = sysctlInclude(cm).orElse(sysctlInclude);
        default -> {
          // no collector-specific options
        }
      }
    }
    return new CollectorOptions(
        m.bool("enable_defaults").orElse(d.enableDefaults()), per, filesystem, netdev, diskstats, netclass, cpuInfo,
        sysctlInclude);
  }

  /** {@code include: [vm.swappiness, "net.ipv4.ip_local_port_range:low,high"]}: names as the sysctl collector takes. */
  private static Optional<List<String>> sysctlInclude(YamlMapping m) throws ConfigException {
    Optional<List<String>> include = m.stringList("include");
    if (include.isPresent()) {
      Set<String> names = new HashSet<>();
      for (int i = 0; i < include.get().size(); i++) {
        String spec = include.get().get(i);
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        if (!names.add(name)) {
          throw m.error(m.listItem("include", i), m.qualified("include") + ": " + name + " is listed twice");
        }
        boolean emptyKey = colon >= 0 && Arrays.asList(spec.substring(colon + 1).split(",", -1)).contains("");
        if (name.isEmpty() || name.contains("/") || name.contains("..") || emptyKey) {
          throw m.error(m.listItem("include", i), m.qualified("include") + ": expected a sysctl name like"
              + " vm.swappiness, optionally with value names like net.ipv4.ip_local_port_range:low,high, got \""
              + spec + "\"");
        }
      }
    }
    return include;
  }

  private static FilesystemOptions filesystem(YamlMapping m, FilesystemOptions d) throws ConfigException {
    return new FilesystemOptions(
        deviceFilter(m, d.mountPoints(), "mount_points_include", "mount_points_exclude"),
        deviceFilter(m, d.fsTypes(), "fs_types_include", "fs_types_exclude"),
        m.duration("stat_timeout", Duration.ofMillis(10), MAX_TIMEOUT).orElse(d.statTimeout()));
  }

  /** A given include or exclude replaces the default one; an empty string removes it. */
  private static DeviceFilter deviceFilter(YamlMapping m, DeviceFilter d, String includeKey, String excludeKey)
      throws ConfigException {
    Optional<Pattern> include = m.regex(includeKey);
    Optional<Pattern> exclude = m.regex(excludeKey);
    return new DeviceFilter(
        include.isPresent() ? include.filter(p -> !p.pattern().isEmpty()) : d.include(),
        exclude.isPresent() ? exclude.filter(p -> !p.pattern().isEmpty()) : d.exclude());
  }

  /** For error messages: the known collector names, sorted. */
  public List<String> knownCollectors() {
    return knownCollectors.stream().sorted().toList();
  }
}
