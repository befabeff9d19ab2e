package io.vigil.exporter;

import io.vigil.exporter.collector.CollectorCatalogue;
import io.vigil.exporter.collector.CollectorDefinition;
import io.vigil.exporter.config.ConfigException;
import io.vigil.exporter.config.VigilConfig;
import io.vigil.exporter.config.WebSettings;
import io.vigil.exporter.server.WebSecurity;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * {@code java -jar vigil-exporter.jar [check-config] [flags]}: serves host metrics, or validates the configuration
 * and exits. Exit status: 0 ok, 1 unusable configuration, 2 cannot start (port in use, missing /proc).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns the exit status ({@code serve} returns only on shutdown). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    List<CollectorDefinition> catalogue = CollectorCatalogue.all();
    CommandLine cli;
    try {
      cli = CommandLine.parse(args, CollectorCatalogue.names());
    } catch (ConfigException e) {
      err.println("vigil-exporter: " + e.getMessage());
      return 1;
    }
    switch (cli.command()) {
      case "help" -> {
        out.print(help(catalogue));
        return 0;
      }
      case "version" -> {
        BuildInfo b = BuildInfo.load();
        out.println("vigil-exporter, version " + b.version() + " (revision: " + b.revision() + ", java: "
            + b.javaVersion() + ")");
        return 0;
      }
      default -> {
        // serve or check-config, below
      }
    }
    if (cli.command().equals("serve")) {
      NativePreload.start();
    }
    LogFormat.install(cli.value("log.level").orElse("info"));
    VigilConfig config;
    try {
      config = EffectiveConfig.resolve(cli, catalogue);
    } catch (ConfigException e) {
      err.println("vigil-exporter: invalid configuration: " + e.getMessage());
      return 1;
    }
    String webConfig;
    try {
      webConfig = config.web().webConfigFile().isPresent()
          ? WebSecurity.validate(config.web().webConfigFile().get()) : "none";
    } catch (ConfigException e) {
      err.println("vigil-exporter: invalid web configuration: " + e.getMessage());
      return 1;
    }
    if (cli.command().equals("check-config")) {
      out.println("configuration OK: " + config.file().map(Object::toString).orElse("(defaults, no file)")
          + "; web config: " + webConfig + "; collectors: " + String.join(", ",
              EffectiveConfig.enabled(config, catalogue).stream().map(CollectorDefinition::name).toList()));
      return 0;
    }
    Exporter exporter;
    try {
      exporter = Exporter.start(config, catalogue, () -> EffectiveConfig.resolve(cli, catalogue));
    } catch (IOException e) {
      err.println("vigil-exporter: cannot start: " + e.getMessage());
      return 2;
    }
    // SIGHUP arrives on the JVM's signal thread; the reload runs on its own thread, and a burst of signals while
    // one runs collapses into one more reload.
    ThreadPoolExecutor reloads = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1),
        r -> {
          Thread t = new Thread(r, "vigil-reload");
          t.setDaemon(true);
          return t;
        },
        new ThreadPoolExecutor.DiscardPolicy());
    SignalReload.install(() -> reloads.execute(exporter::reload));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      Logger.getLogger(Main.class.getName()).info("shutting down");
      exporter.close();
      stopped.countDown();
    }, "vigil-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  static String help(List<CollectorDefinition> catalogue) {
    StringBuilder b = new StringBuilder(4096);
    b.append("usage: vigil-exporter [check-config] [<flags>]\n\n")
        .append("Serves host metrics with node_exporter's names on every OS.\n\n")
        .append("Commands:\n")
        .append("  check-config                  validate the configuration and flags, then exit (1 if invalid)\n\n")
        .append("Flags:\n")
        .append("  -h, --help                    show this help\n")
        .append("      --version                 show version\n")
        .append("      --config.file=FILE        YAML configuration file (see vigil.example.yml)\n")
        .append("      --web.listen-address=ADDR address to listen on (default \"")
        .append(WebSettings.DEFAULT_LISTEN_ADDRESS).append("\")\n")
        .append("      --web.telemetry-path=PATH path of the metrics (default \"/metrics\")\n")
        .append("      --web.config.file=FILE    exporter-toolkit web config (TLS, basic auth)\n")
        .append("      --web.max-requests=N      concurrent scrapes before 503 (default 40, 0 = no limit)\n")
        .append("      --web.disable-exporter-metrics  drop JVM and process self metrics\n")
        .append("      --web.enable-lifecycle    serve POST /-/reload (reload also on SIGHUP)\n")
        .append("      --path.procfs=DIR         procfs mount point (default \"/proc\")\n")
        .append("      --path.sysfs=DIR          sysfs mount point (default \"/sys\")\n")
        .append("      --path.rootfs=DIR         host root; /proc, /sys, /etc/os-release read below it (default \"/\")\n")
        .append("      --path.udev.data=DIR      udev database (default \"/run/udev/data\")\n")
        .append("      --log.level=LEVEL         debug, info, warn or error (default \"info\")\n")
        .append("      --collector.disable-defaults  run only the collectors enabled explicitly\n")
        .append("      --collector.textfile.directory=DIR  directory (or glob) of *.prom files for the textfile "
            + "collector\n");
    for (CollectorDefinition d : catalogue) {
      String flag = "      --[no-]collector." + d.name();
      b.append(flag).append(" ".repeat(Math.max(1, 40 - flag.length())))
          .append(d.help()).append(" (default: ").append(d.enabledByDefault() ? "enabled" : "disabled")
          .append(")\n");
    }
    return b.toString();
  }
}
