package io.vigil.exporter;

import io.vigil.exporter.config.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parsed command line, spelled like node_exporter's flags ({@code --web.listen-address=:9910} or
 * {@code --web.listen-address :9910}).
 *
 * @param command {@code serve} (default), {@code check-config}, {@code help} or {@code version}
 * @param values flag name (without dashes) to value, for flags that take one
 * @param collectorSwitches {@code --collector.X} (true) / {@code --no-collector.X} (false), by collector
 * @param disableDefaults {@code --collector.disable-defaults}
 * @param disableExporterMetrics {@code --web.disable-exporter-metrics}
 * @param enableLifecycle {@code --web.enable-lifecycle}: serve {@code POST /-/reload}
 */
public record CommandLine(
    String command,
    Map<String, String> values,
    Map<String, Boolean> collectorSwitches,
    boolean disableDefaults,
    boolean disableExporterMetrics,
    boolean enableLifecycle) {

  static final Set<String> VALUE_FLAGS =
      Set.of(
          "config.file", "web.listen-address", "web.config.file", "web.telemetry-path", "web.max-requests",
          "path.procfs", "path.sysfs", "path.rootfs", "path.udev.data", "log.level",
          "collector.textfile.directory");

  public CommandLine {
    values = Map.copyOf(values);
    collectorSwitches = Map.copyOf(collectorSwitches);
  }

  public Optional<String> value(String flag) {
    return Optional.ofNullable(values.get(flag));
  }

  /** @param knownCollectors collector names, to reject misspelled {@code --collector.*} flags */
  public static CommandLine parse(String[] args, Set<String> knownCollectors) throws ConfigException {
    String command = "serve";
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Boolean> switches = new LinkedHashMap<>();
    boolean disableDefaults = false;
    boolean disableExporterMetrics = false;
    boolean enableLifecycle = false;
    List<String> rest = new ArrayList<>(List.of(args));
    for (int i = 0; i < rest.size(); i++) {
      String arg = rest.get(i);
      if (arg.equals("check-config")) {
        command = "check-config";
        continue;
      }
      if (arg.equals("--help") || arg.equals("-h")) {
        command = "help";
        continue;
      }
      if (arg.equals("--version")) {
        command = "version";
        continue;
      }
      if (!arg.startsWith("--")) {
        throw new ConfigException("unexpected argument \"" + arg + "\"; see --help");
      }
      String body = arg.substring(2);
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      Optional<String> inline = eq < 0 ? Optional.empty() : Optional.of(body.substring(eq + 1));
      if (VALUE_FLAGS.contains(name)) {
        String value;
        if (inline.isPresent()) {
          value = inline.get();
        } else if (i + 1 < rest.size()) {
          value = rest.get(++i);
        } else {
          throw new ConfigException("--" + name + ": expected a value");
        }
        values.put(name, value);
      } else if (name.equals("collector.disable-defaults")) {
        disableDefaults = flagBoolean(name, inline);
      } else if (name.equals("web.disable-exporter-metrics")) {
        disableExporterMetrics = flagBoolean(name, inline);
      } else if (name.equals("web.enable-lifecycle")) {
        enableLifecycle = flagBoolean(name, inline);
      } else if (name.startsWith("collector.") || name.startsWith("no-collector.")) {
        boolean on = name.startsWith("collector.");
        String collector = name.substring(name.indexOf('.') + 1);
        if (!knownCollectors.contains(collector)) {
          throw new ConfigException(
              "--" + name + ": unknown collector \"" + collector + "\"; known collectors: "
                  + String.join(", ", knownCollectors.stream().sorted().toList()));
        }
        switches.put(collector, on ? flagBoolean(name, inline) : !flagBoolean(name, inline));
      } else {
        throw new ConfigException("unknown flag --" + name + "; see --help");
      }
    }
    return new CommandLine(command, values, switches, disableDefaults, disableExporterMetrics, enableLifecycle);
  }

  private static boolean flagBoolean(String name, Optional<String> inline) throws ConfigException {
    if (inline.isEmpty()) {
      return true;
    }
    return switch (inline.get()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigException("--" + name + ": expected true or false, got \"" + inline.get() + "\"");
    };
  }
}
