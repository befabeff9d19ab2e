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
import java.util.ArrayList;
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

  private static final Set<String> TOP =
      Set.of("web", "scrape", "paths", "collectors", "process_groups", "probes", "commands");
  private static final Set<String> PROCESS_GROUPS = Set.of("max_groups", "top", "groups");
  private static final Set<String> PROCESS_GROUP = Set.of("name", "comm", "exe", "cmdline");
  private static final Set<String> PROBES = Set.of("modules", "targets", "allowed_targets");
  private static final Set<String> PROBE_MODULE = Set.of("prober", "timeout", "preferred_ip_protocol", "http");
  private static final Set<String> PROBE_HTTP =
      Set.of("valid_status_codes", "method", "headers", "fail_if_body_not_matches_regexp",
          "fail_if_body_matches_regexp", "tls_verify", "allowed_schemes", "follow_redirects", "max_body_bytes");
  private static final Set<String> PROBE_TARGET = Set.of("name", "module", "target");
  private static final Set<String> COMMAND =
      Set.of("name", "command", "timeout", "interval", "max_output_bytes", "metric");
  private static final Set<String> COMMAND_METRIC = Set.of("name", "help", "labels");
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern ITEM_NAME = Pattern.compile("[a-zA-Z0-9_.:-]+");
  private static final Set<String> WEB =
      Set.of("listen_address", "telemetry_path", "max_requests", "request_timeout", "response_timeout",
          "disable_exporter_metrics", "config_file", "enable_lifecycle", "unauthenticated_health");
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
          "sysctl", Set.of("include"),
          "textfile", Set.of("directories", "max_file_bytes"));

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
    TextfileOptions textfile = textfile(top.mapping("collectors"));
    ProcessGroupsConfig groups = processGroups(top.mapping("process_groups"));
    ProbeConfig probes = probes(top.mapping("probes"));
    List<CommandConfig> commands = commands(top);
    ServicesConfig services = new ServicesConfig(textfile, groups, probes, commands);
    collectors = enableConfigured(collectors, services);
    return new VigilConfig(web, scrape, paths, collectors, file, services);
  }

  /**
   * Collectors that only do something when configured ({@code process_groups}, {@code probe}, {@code command}) are
   * switched on by their section, unless {@code collectors.<name>.enabled} says otherwise.
   */
  private CollectorOptions enableConfigured(CollectorOptions o, ServicesConfig services) {
    Map<String, CollectorSettings> per = new HashMap<>(o.perCollector());
    Map<String, Boolean> configured = Map.of(
        "process_groups", services.processGroups().configured(),
        "probe", !services.probes().targets().isEmpty(),
        "command", !services.commands().isEmpty());
    configured.forEach((name, on) -> {
      CollectorSettings s = per.getOrDefault(name, CollectorSettings.DEFAULT);
      if (on && knownCollectors.contains(name) && s.enabled().isEmpty()) {
        per.put(name, new CollectorSettings(Optional.of(true), s.timeout()));
      }
    });
    return new CollectorOptions(o.enableDefaults(), per, o.filesystem(), o.netdevDevices(), o.diskstatsDevices(),
        o.netclassDevices(), o.cpuInfo(), o.sysctlInclude());
  }

  private static TextfileOptions textfile(Optional<YamlMapping> collectors) throws ConfigException {
    TextfileOptions d = TextfileOptions.DEFAULT;
    if (collectors.isEmpty()) {
      return d;
    }
    Optional<YamlMapping> section = collectors.get().mapping("textfile");
    if (section.isEmpty()) {
      return d;
    }
    YamlMapping m = section.get();
    List<String> dirs = m.has("directories") ? m.strings("directories") : d.directories();
    for (int i = 0; i < dirs.size(); i++) {
      if (dirs.get(i).isBlank()) {
        throw m.error(m.valueNode("directories"), m.qualified("directories") + ": expected directory paths or globs, "
            + "got an empty string");
      }
    }
    return new TextfileOptions(
        dirs, m.longInteger("max_file_bytes", 1, 64L << 20).orElse(d.maxFileBytes()));
  }

  private static ProcessGroupsConfig processGroups(Optional<YamlMapping> section) throws ConfigException {
    ProcessGroupsConfig d = ProcessGroupsConfig.DEFAULT;
    if (section.isEmpty()) {
      return d;
    }
    YamlMapping m = section.get();
    m.allowOnly(PROCESS_GROUPS);
    List<ProcessGroupsConfig.Matcher> groups = new ArrayList<>();
    for (YamlMapping g : m.mappings("groups")) {
      g.allowOnly(PROCESS_GROUP);
      List<String> comm = g.strings("comm");
      List<String> exe = g.strings("exe");
      // process-exporter's Go syntax (?P<name>...) is Java's (?<name>...)
      List<Pattern> cmdline = g.regexes("cmdline", re -> re.replace("(?P<", "(?<"));
      if (comm.isEmpty() && exe.isEmpty() && cmdline.isEmpty()) {
        throw g.error(g.node(), g.qualified("") .replaceAll("\\.$", "")
            + ": expected at least one of comm, exe or cmdline");
      }
      String name = g.string("name").orElse("{{.ExeBase}}");
      try {
        io.vigil.exporter.process.NameTemplate.compile(
            name, io.vigil.exporter.process.NameTemplate.captureNames(cmdline));
      } catch (IllegalArgumentException e) {
        throw g.error(g.has("name") ? g.valueNode("name") : g.node(), g.qualified("name") + ": " + e.getMessage());
      }
      groups.add(new ProcessGroupsConfig.Matcher(name, comm, exe, cmdline));
    }
    int top = 0;
    Optional<YamlMapping> topSection = m.mapping("top");
    if (topSection.isPresent()) {
      topSection.get().allowOnly(Set.of("count"));
      top = topSection.get().integer("count", 0, ProcessGroupsConfig.MAX_TOP).orElse(0);
    }
    return new ProcessGroupsConfig(groups, m.integer("max_groups", 1, 10_000).orElse(d.maxGroups()), top);
  }

  private static ProbeConfig probes(Optional<YamlMapping> section) throws ConfigException {
    if (section.isEmpty()) {
      return ProbeConfig.DEFAULT;
    }
    YamlMapping m = section.get();
    m.allowOnly(PROBES);
    Map<String, ProbeConfig.Module> modules = new HashMap<>();
    Optional<YamlMapping> mods = m.mapping("modules");
    if (mods.isPresent()) {
      for (String name : mods.get().keys()) {
        YamlMapping mm = mods.get().mapping(name).orElseThrow(() -> mods.get().error(
            mods.get().keyNode(name), mods.get().qualified(name) + ": expected a mapping with prober and timeout"));
        if (!ITEM_NAME.matcher(name).matches()) {
          throw mods.get().error(mods.get().keyNode(name), mods.get().qualified(name)
              + ": expected a module name of letters, digits, _ . : -");
        }
        modules.put(name, module(name, mm));
      }
    }
    List<ProbeConfig.Target> targets = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (YamlMapping t : m.mappings("targets")) {
      t.allowOnly(PROBE_TARGET);
      String name = required(t, "name");
      String module = required(t, "module");
      String target = required(t, "target");
      if (!names.add(name)) {
        throw t.error(t.valueNode("name"), t.qualified("name") + ": probe name \"" + name + "\" is used twice");
      }
      ProbeConfig.Module mod = modules.get(module);
      if (mod == null) {
        throw t.error(t.valueNode("module"), t.qualified("module") + ": unknown module \"" + module
            + "\"; expected one of: " + String.join(", ", modules.keySet().stream().sorted().toList()));
      }
      Optional<String> problem = io.vigil.exporter.probe.ProbeTargets.check(mod, target);
      if (problem.isPresent()) {
        throw t.error(t.valueNode("target"), t.qualified("target") + ": " + problem.get());
      }
      targets.add(new ProbeConfig.Target(name, module, target));
    }
    return new ProbeConfig(modules, targets, m.regexes("allowed_targets"));
  }

  private static ProbeConfig.Module module(String name, YamlMapping m) throws ConfigException {
    m.allowOnly(PROBE_MODULE);
    String proberText = required(m, "prober");
    ProbeConfig.Prober prober = switch (proberText) {
      case "tcp" -> ProbeConfig.Prober.TCP;
      case "http" -> ProbeConfig.Prober.HTTP;
      default -> throw m.error(m.valueNode("prober"), m.qualified("prober") + ": expected tcp or http, got \""
          + proberText + "\"");
    };
    Duration timeout = m.duration("timeout", Duration.ofMillis(10), Duration.ofMinutes(2)).orElse(Duration.ofSeconds(5));
    String ip = m.string("preferred_ip_protocol").orElse("ip6");
    if (!ip.equals("ip4") && !ip.equals("ip6")) {
      throw m.error(m.valueNode("preferred_ip_protocol"), m.qualified("preferred_ip_protocol")
          + ": expected ip4 or ip6, got \"" + ip + "\"");
    }
    ProbeConfig.HttpOptions http = ProbeConfig.HttpOptions.DEFAULT;
    Optional<YamlMapping> hs = m.mapping("http");
    if (hs.isPresent()) {
      if (prober != ProbeConfig.Prober.HTTP) {
        throw m.error(m.keyNode("http"), m.qualified("http") + ": only modules with prober: http take http options");
      }
      http = httpOptions(hs.get());
    }
    return new ProbeConfig.Module(name, prober, timeout, ip.equals("ip6"), http);
  }

  private static ProbeConfig.HttpOptions httpOptions(YamlMapping m) throws ConfigException {
    ProbeConfig.HttpOptions d = ProbeConfig.HttpOptions.DEFAULT;
    m.allowOnly(PROBE_HTTP);
    String method = m.string("method").orElse(d.method());
    if (!method.matches("[A-Z]{1,16}")) {
      throw m.error(m.valueNode("method"), m.qualified("method") + ": expected an HTTP method like GET or HEAD, got \""
          + method + "\"");
    }
    Map<String, String> headers = m.stringMap("headers");
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (!h.getKey().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+") || h.getValue().indexOf('\r') >= 0
          || h.getValue().indexOf('\n') >= 0) {
        throw m.error(m.valueNode("headers"), m.qualified("headers") + ": invalid header \"" + h.getKey() + "\"");
      }
    }
    List<String> schemes = m.has("allowed_schemes") ? m.strings("allowed_schemes") : List.copyOf(d.allowedSchemes());
    for (String scheme : schemes) {
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw m.error(m.valueNode("allowed_schemes"), m.qualified("allowed_schemes")
            + ": expected http and/or https, got \"" + scheme + "\"");
      }
    }
    if (schemes.isEmpty()) {
      throw m.error(m.valueNode("allowed_schemes"), m.qualified("allowed_schemes") + ": expected http and/or https");
    }
    return new ProbeConfig.HttpOptions(
        new HashSet<>(m.integers("valid_status_codes", 100, 599)),
        method,
        headers,
        m.regexes("fail_if_body_not_matches_regexp"),
        m.regexes("fail_if_body_matches_regexp"),
        m.bool("tls_verify").orElse(d.tlsVerify()),
        new HashSet<>(schemes),
        m.bool("follow_redirects").orElse(d.followRedirects()),
        m.integer("max_body_bytes", 1, 64 << 20).orElse(d.maxBodyBytes()));
  }

  private static List<CommandConfig> commands(YamlMapping top) throws ConfigException {
    List<CommandConfig> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (YamlMapping c : top.mappings("commands")) {
      c.allowOnly(COMMAND);
      String name = required(c, "name");
      if (!ITEM_NAME.matcher(name).matches()) {
        throw c.error(c.valueNode("name"), c.qualified("name") + ": expected letters, digits, _ . : -, got \"" + name
            + "\"");
      }
      if (!names.add(name)) {
        throw c.error(c.valueNode("name"), c.qualified("name") + ": command name \"" + name + "\" is used twice");
      }
      List<String> argv = c.strings("command");
      if (argv.isEmpty() || argv.get(0).isBlank()) {
        throw c.error(c.has("command") ? c.valueNode("command") : c.node(), c.qualified("command")
            + ": expected a list: program, then arguments (no shell is used)");
      }
      Optional<CommandConfig.ValueMetric> metric = Optional.empty();
      Optional<YamlMapping> mm = c.mapping("metric");
      if (mm.isPresent()) {
        YamlMapping vm = mm.get();
        vm.allowOnly(COMMAND_METRIC);
        String metricName = required(vm, "name");
        if (!METRIC_NAME.matcher(metricName).matches()) {
          throw vm.error(vm.valueNode("name"), vm.qualified("name") + ": expected a metric name like backup_age_seconds"
              + ", got \"" + metricName + "\"");
        }
        Map<String, String> labels = vm.stringMap("labels");
        for (String l : labels.keySet()) {
          if (!LABEL_NAME.matcher(l).matches() || l.startsWith("__")) {
            throw vm.error(vm.valueNode("labels"), vm.qualified("labels") + ": invalid label name \"" + l + "\"");
          }
        }
        metric = Optional.of(new CommandConfig.ValueMetric(
            metricName, vm.string("help").orElse("Value printed by command " + name + "."), labels));
      }
      out.add(new CommandConfig(
          name,
          argv,
          c.duration("timeout", Duration.ofMillis(10), MAX_TIMEOUT).orElse(CommandConfig.DEFAULT_TIMEOUT),
          c.duration("interval", Duration.ZERO, Duration.ofHours(24)).orElse(CommandConfig.DEFAULT_INTERVAL),
          c.integer("max_output_bytes", 1, 16 << 20).orElse(CommandConfig.DEFAULT_MAX_OUTPUT_BYTES),
          metric));
    }
    return out;
  }

  private static String required(YamlMapping m, String key) throws ConfigException {
    Optional<String> v = m.string(key);
    if (v.isEmpty() || v.get().isBlank()) {
      throw m.error(v.isEmpty() ? m.node() : m.valueNode(key), m.qualified(key) + ": required, expected a non-empty "
          + "string");
    }
    return v.get();
  }

  /** SnakeYAML safe composition with the limits above; shared with {@link WebConfigLoader}. */
  static Node compose(String name, Reader reader) throws ConfigException {
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
    } catch (IllegalArgumentException e) {
      // SnakeYAML reports some malformed input outside its own exception type: a tag such as "!%2" (an incomplete
      // %-escape) throws IllegalArgumentException from the composer. Found by fuzzing.
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
        m.path("config_file").or(d::webConfigFile),
        m.bool("enable_lifecycle").orElse(d.enableLifecycle()),
        m.bool("unauthenticated_health").orElse(d.unauthenticatedHealth()));
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
    HostPaths base = m.path("rootfs").map(HostPaths::underRoot).orElse(HostPaths.defaults());
    return new HostPaths(
        m.path("procfs").orElse(base.procfs()),
        m.path("sysfs").orElse(base.sysfs()),
        base.rootfs(),
        m.path("udev_data").orElse(base.udevData()));
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
