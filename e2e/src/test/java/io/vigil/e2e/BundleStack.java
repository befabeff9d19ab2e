package io.vigil.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The shipped bundle running for real on loopback: the Vigil exporter, the demo shop (traffic generator on, as in
 * the compose stack), Prometheus with the shipped prometheus.yml and rules, Alertmanager with the shipped
 * alertmanager.yml (rendered by the shipped render script), and a webhook receiver standing in for the notification
 * endpoints. Only targets, ports and the target labels naming them are rewritten, and Prometheus gets the feature
 * flags the compose file gives it; everything else (intervals, rule files, routes, inhibitions, timings) is what
 * users run. Two test-only rule files are added (see {@link #ALWAYS_FIRING_RULES} and {@link #SHORT_FOR_ALERTS}).
 * When Debian's node_exporter is installed it runs beside the exporter as a second host target, so the rules and
 * dashboards are checked against the original too. The demo gets a known workload ({@link DemoWorkload}): two
 * rounds before Prometheus starts, one more and an error injection in the background once Prometheus has scraped
 * it ({@link #workload}). Started once per test JVM.
 */
final class BundleStack implements AutoCloseable {

  /** Job names of prometheus.yml whose targets do not exist here, with the reason; they are left out. */
  static final Map<String, String> JOBS_LEFT_OUT = Map.of(
      "grafana", "no Grafana server on the build machines (REFERENCE.md §1.1); dashboards are checked by query");

  /** Scrape job of the demo shop in prometheus.yml. */
  static final String DEMO_JOB = "shop";

  /**
   * Shipped alerts that are also loaded here, test-only, as copies with {@code for: 0s} and the label
   * {@code e2e="short_for"}: the same expressions, labels and annotations, but firing at the first evaluation that
   * sees the condition instead of after 10 or 15 minutes. The shipped originals run beside them unchanged.
   */
  static final List<String> SHORT_FOR_ALERTS = List.of("ServiceErrorRatioHigh", "ServiceErrorBudgetBurn");

  /** Added to the shipped rules only here: an alert that always fires, to follow it to the webhook. */
  static final String ALWAYS_FIRING_RULES = """
      groups:
        - name: vigil-e2e
          rules:
            - alert: VigilE2eAlwaysFiring
              expr: node_load1{job="vigil"} >= 0
              labels:
                severity: warning
              annotations:
                summary: End-to-end test alert.
                description: 'Always fires for {{ $labels.instance }}.'
      """;

  final Path dir;
  final int exporterPort;
  final int prometheusPort;
  final int alertmanagerPort;
  final int demoPort;
  /** node_exporter's port, or -1 when it is not installed. */
  final int nodeExporterPort;
  final WebhookReceiver webhook;
  final PrometheusApi prometheus;
  final Instant started = Instant.now();
  /** The demo workload's measured round and error injection, sent once Prometheus has scraped the warm-up. */
  CompletableFuture<Void> workload;
  private final List<ManagedProcess> processes = new ArrayList<>();
  private TlsTarget tlsTarget;

  private BundleStack(Path dir) {
    this.dir = dir;
    this.exporterPort = Http.freePort();
    this.prometheusPort = Http.freePort();
    this.alertmanagerPort = Http.freePort();
    this.demoPort = Http.freePort();
    this.nodeExporterPort = Files.isExecutable(Path.of(Binaries.NODE_EXPORTER.path())) ? Http.freePort() : -1;
    this.webhook = new WebhookReceiver();
    this.prometheus = new PrometheusApi("http://127.0.0.1:" + prometheusPort);
  }

  static BundleStack start() {
    Path prometheusBin = Binaries.PROMETHEUS.require();
    Path alertmanagerBin = Binaries.ALERTMANAGER.require();
    Path sh = Binaries.SH.require();
    BundleStack stack;
    try {
      stack = new BundleStack(Files.createTempDirectory("vigil-e2e-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      stack.startAll(prometheusBin, alertmanagerBin, sh);
      return stack;
    } catch (RuntimeException | Error e) {
      stack.close();
      throw e;
    }
  }

  String exporterInstance() {
    return "127.0.0.1:" + exporterPort;
  }

  String nodeExporterInstance() {
    return "127.0.0.1:" + nodeExporterPort;
  }

  /** The host exporters Prometheus scrapes: Vigil's, and node_exporter's when installed. */
  List<String> hostInstances() {
    return nodeExporterPort < 0 ? List.of(exporterInstance()) : List.of(exporterInstance(), nodeExporterInstance());
  }

  String demoInstance() {
    return "127.0.0.1:" + demoPort;
  }

  String alertmanagerUrl() {
    return "http://127.0.0.1:" + alertmanagerPort;
  }

  private void startAll(Path prometheusBin, Path alertmanagerBin, Path sh) {
    tlsTarget = TlsTarget.start(dir);
    ManagedProcess exporter = add(ManagedProcess.start("vigil-exporter", exporterCommand(), Map.of(), dir));
    ManagedProcess demo = add(ManagedProcess.start("vigil-demo", demoCommand(), Map.of(), dir));
    ManagedProcess nodeExporter = nodeExporterPort < 0 ? null : add(ManagedProcess.start("node-exporter", List.of(
        Binaries.NODE_EXPORTER.path(), "--web.listen-address=" + nodeExporterInstance(),
        // Debian enables the systemd collector; without systemd it fails every scrape (REFERENCE.md §1.4).
        "--no-collector.systemd"), Map.of(), dir));
    ManagedProcess alertmanager = add(ManagedProcess.start("alertmanager", List.of(sh.toString(),
        Repo.path("prometheus", "render-alertmanager.sh").toString(),
        "--storage.path=" + dir.resolve("alertmanager-data"),
        "--web.listen-address=127.0.0.1:" + alertmanagerPort,
        "--cluster.listen-address="), alertmanagerEnv(alertmanagerBin), dir));
    Path prometheusYml = writePrometheusTree();
    // The warm-up must be complete before Prometheus' first scrape of the demo (see DemoWorkload).
    demo.awaitHttpOk("http://" + demoInstance() + "/health", Duration.ofSeconds(30));
    DemoWorkload demoWorkload = new DemoWorkload("http://" + demoInstance());
    demoWorkload.warmUp();
    List<String> prometheusCommand = new ArrayList<>(List.of(prometheusBin.toString(),
        "--config.file=" + prometheusYml,
        "--storage.tsdb.path=" + dir.resolve("prometheus-data"),
        "--storage.tsdb.retention.time=1d",
        "--web.listen-address=127.0.0.1:" + prometheusPort,
        "--web.enable-lifecycle",
        // Default 1m: the first alert would reach Alertmanager only a minute after start (REFERENCE.md §1.4).
        "--rules.alert.resend-delay=1s"));
    prometheusCommand.addAll(composePrometheusFeatureFlags());
    ManagedProcess prom = add(ManagedProcess.start("prometheus", prometheusCommand, Map.of(), dir));
    exporter.awaitHttpOk("http://" + exporterInstance() + "/-/healthy", Duration.ofSeconds(30));
    if (nodeExporter != null) {
      nodeExporter.awaitHttpOk("http://" + nodeExporterInstance() + "/metrics", Duration.ofSeconds(30));
    }
    alertmanager.awaitHttpOk(alertmanagerUrl() + "/-/ready", Duration.ofSeconds(30));
    prom.awaitHttpOk("http://127.0.0.1:" + prometheusPort + "/-/ready", Duration.ofSeconds(30));
    ExecutorService background = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "e2e-demo-workload");
      t.setDaemon(true);
      return t;
    });
    workload = CompletableFuture.runAsync(() -> demoWorkload.measure(prometheus, Duration.ofSeconds(60)), background);
    background.shutdown();
  }

  /** The {@code --enable-feature} flags the compose file gives Prometheus (exemplar storage), so both agree. */
  @SuppressWarnings("unchecked")
  static List<String> composePrometheusFeatureFlags() {
    Map<String, Map<String, Object>> services =
        (Map<String, Map<String, Object>>) Repo.yaml(Repo.path("docker-compose.yml")).get("services");
    return ((List<String>) services.get("prometheus").get("command")).stream()
        .filter(a -> a.startsWith("--enable-feature=")).toList();
  }

  private ManagedProcess add(ManagedProcess p) {
    processes.add(p);
    return p;
  }

  /** Process logs, for failure messages. */
  String logs() {
    StringBuilder b = new StringBuilder();
    processes.forEach(p -> b.append(p.logTail()).append('\n'));
    return b.toString();
  }

  // --- exporter ---------------------------------------------------------------------------------------------

  /**
   * The shaded jar when it is newer than the compiled classes (after {@code mvn package} or {@code verify}),
   * otherwise the classes on this module's test class path ({@code mvn test} builds no jar).
   */
  private List<String> exporterCommand() {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-Xmx64m", "-Dsun.net.httpserver.nodelay=true"));
    Path jar = Path.of(System.getProperty("vigil.exporter.jar", Repo.path("exporter", "target", "vigil-exporter.jar")
        .toString()));
    Path classes = Path.of(System.getProperty("vigil.exporter.classes", Repo.path("exporter", "target", "classes")
        .toString()));
    if (Files.isRegularFile(jar) && lastModified(jar) >= newestFileIn(classes)) {
      cmd.addAll(List.of("-jar", jar.toString()));
      System.out.println("e2e: exporter from " + jar);
    } else {
      String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      cmd.addAll(List.of("-cp", cp, "io.vigil.exporter.Main"));
      System.out.println("e2e: exporter from the test class path (" + jar.getFileName() + " missing or older than "
          + classes + ")");
    }
    cmd.add("--web.listen-address=" + exporterInstance());
    cmd.add("--config.file=" + writeExporterConfig());
    return cmd;
  }

  /**
   * The exporter's services, so every Services panel has data: a process group (the exporter's own JVM), HTTP, TCP
   * and HTTPS probes (Prometheus' health endpoint, Alertmanager's port, a local self-signed HTTPS server), a textfile
   * and a command.
   */
  private Path writeExporterConfig() {
    Path textfiles = dir.resolve("textfile");
    try {
      Files.createDirectories(textfiles);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(textfiles.resolve("e2e.prom"), """
        # HELP e2e_textfile_written_timestamp_seconds When the e2e test wrote this file.
        # TYPE e2e_textfile_written_timestamp_seconds gauge
        e2e_textfile_written_timestamp_seconds %d
        """.formatted(Instant.now().getEpochSecond()));
    return write(dir.resolve("vigil-exporter.yml"), """
        collectors:
          textfile:
            directories: ["%s"]
          processes:
            enabled: true
        process_groups:
          groups:
            - name: vigil-exporter
              cmdline: ['io\\.vigil\\.exporter\\.Main|vigil-exporter\\.jar']
        probes:
          modules:
            http_2xx: {prober: http, timeout: 5s, preferred_ip_protocol: ip4}
            https_self_signed: {prober: http, timeout: 5s, preferred_ip_protocol: ip4, http: {tls_verify: false}}
            tcp_connect: {prober: tcp, timeout: 5s, preferred_ip_protocol: ip4}
          targets:
            - {name: prometheus, module: http_2xx, target: "http://127.0.0.1:%d/-/healthy"}
            - {name: alertmanager, module: tcp_connect, target: "127.0.0.1:%d"}
            - {name: tls-target, module: https_self_signed, target: "%s"}
        commands:
          - name: e2e
            command: [echo, "42"]
            interval: 15s
            metric: {name: e2e_command_value, help: "The number the e2e command prints."}
        """.formatted(textfiles, prometheusPort, alertmanagerPort, tlsTarget.url()));
  }

  // --- demo -------------------------------------------------------------------------------------------------

  /** The demo's shaded jar when up to date, otherwise its classes on this module's test class path. */
  private List<String> demoCommand() {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-Xmx96m", "-XX:TieredStopAtLevel=1"));
    Path jar = Path.of(System.getProperty("vigil.demo.jar", Repo.path("demo", "target", "vigil-demo.jar")
        .toString()));
    Path classes = Path.of(System.getProperty("vigil.demo.classes", Repo.path("demo", "target", "classes")
        .toString()));
    if (Files.isRegularFile(jar) && lastModified(jar) >= newestFileIn(classes)) {
      cmd.addAll(List.of("-jar", jar.toString()));
      System.out.println("e2e: demo from " + jar);
    } else {
      String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      cmd.addAll(List.of("-cp", cp, "io.vigil.demo.Main"));
      System.out.println("e2e: demo from the test class path (" + jar.getFileName() + " missing or older than "
          + classes + ")");
    }
    // Traffic generator on at its default rate, as in the compose stack.
    cmd.addAll(List.of("--web.listen-address=" + demoInstance(), "--traffic.enabled=true"));
    return cmd;
  }

  private static long lastModified(Path p) {
    return p.toFile().lastModified();
  }

  private static long newestFileIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(BundleStack::lastModified).max().orElse(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- Alertmanager -----------------------------------------------------------------------------------------

  /** The shipped alertmanager.yml with its local webhook receivers pointed at the test's receiver. */
  private Map<String, String> alertmanagerEnv(Path alertmanagerBin) {
    String shipped = Repo.read(Repo.path("prometheus", "alertmanager.yml"));
    String shippedWebhookBase = "http://localhost:9095/";
    if (!shipped.contains(shippedWebhookBase)) {
      throw new IllegalStateException("alertmanager.yml no longer uses " + shippedWebhookBase + "; update the test");
    }
    Path template = write(dir.resolve("alertmanager.yml"),
        shipped.replace(shippedWebhookBase, "http://127.0.0.1:" + webhook.port() + "/"));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("ALERTMANAGER_TEMPLATE", template.toString());
    env.put("ALERTMANAGER_CONFIG", dir.resolve("alertmanager.rendered.yml").toString());
    env.put("ALERTMANAGER_BIN", alertmanagerBin.toString());
    // Nothing listens there: a critical alert's e-mail fails fast instead of reaching a real relay.
    env.put("SMTP_HOST", "127.0.0.1");
    env.put("SMTP_PORT", Integer.toString(Http.freePort()));
    env.put("SMTP_FROM", "vigil-e2e@localhost");
    env.put("SMTP_USERNAME", "");
    env.put("ALERT_EMAIL_TO", "oncall@localhost");
    return env;
  }

  // --- Prometheus -------------------------------------------------------------------------------------------

  /**
   * Copies prometheus/ and rules/ into the temp dir keeping their relative layout, rewriting in prometheus.yml only
   * the static targets (Prometheus, Alertmanager; jobs without a local target are left out, see
   * {@link #JOBS_LEFT_OUT}) and replacing the file-SD target files with one listing the test's exporter.
   */
  @SuppressWarnings("unchecked")
  private Path writePrometheusTree() {
    Path promDir = dir.resolve("prometheus");
    Path rulesDir = dir.resolve("rules");
    try {
      Files.createDirectories(promDir.resolve("targets"));
      Files.createDirectories(rulesDir);
      for (Path rules : Repo.files("rules", ".rules.yml")) {
        Files.copy(rules, rulesDir.resolve(rules.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(rulesDir.resolve("e2e-always-firing.rules.yml"), ALWAYS_FIRING_RULES);
    write(rulesDir.resolve("e2e-short-for.rules.yml"), shortForRules());
    write(promDir.resolve("targets").resolve("vigil.yml"),
        "- targets: ['" + String.join("', '", hostInstances()) + "']\n");

    Map<String, String> targets = Map.of(
        "localhost:9090", "127.0.0.1:" + prometheusPort,
        "alertmanager:9093", "127.0.0.1:" + alertmanagerPort,
        "demo:8080", demoInstance(),
        // The demo's host label names the compose host's exporter; here that is the test's exporter.
        "host.docker.internal:9910", exporterInstance());
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    Map<String, Object> config = yaml.load(Repo.read(Repo.path("prometheus", "prometheus.yml")));
    Map<String, Object> alerting = (Map<String, Object>) config.get("alerting");
    for (Map<String, Object> am : (List<Map<String, Object>>) alerting.get("alertmanagers")) {
      rewriteStaticTargets(am, targets);
    }
    List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
    List<String> leftOut = new ArrayList<>();
    jobs.removeIf(job -> {
      if (rewriteStaticTargets(job, targets)) {
        return false;
      }
      leftOut.add((String) job.get("job_name"));
      return true;
    });
    if (!leftOut.stream().sorted().toList().equals(JOBS_LEFT_OUT.keySet().stream().sorted().toList())) {
      throw new IllegalStateException("jobs without a local target: " + leftOut + "; expected "
          + JOBS_LEFT_OUT.keySet() + ". A new job needs a target here or an entry in JOBS_LEFT_OUT.");
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return write(promDir.resolve("prometheus.yml"), new Yaml(options).dump(config));
  }

  /**
   * Maps every static target, and every target label whose value is a target address, through {@code targets};
   * false when a target has no local equivalent.
   */
  @SuppressWarnings("unchecked")
  private static boolean rewriteStaticTargets(Map<String, Object> section, Map<String, String> targets) {
    List<Map<String, Object>> statics = (List<Map<String, Object>>) section.get("static_configs");
    if (statics == null) {
      return true;
    }
    for (Map<String, Object> s : statics) {
      Map<String, Object> labels = (Map<String, Object>) s.get("labels");
      if (labels != null) {
        labels.replaceAll((name, value) -> targets.getOrDefault(String.valueOf(value), String.valueOf(value)));
      }
      List<String> rewritten = new ArrayList<>();
      for (String t : (List<String>) s.get("targets")) {
        String local = targets.get(t);
        if (local == null) {
          return false;
        }
        rewritten.add(local);
      }
      s.put("targets", rewritten);
    }
    return true;
  }

  /** Test-only copies of {@link #SHORT_FOR_ALERTS} from the shipped rules, with {@code for: 0s}. */
  @SuppressWarnings("unchecked")
  private static String shortForRules() {
    List<Map<String, Object>> copies = new ArrayList<>();
    for (Rules.Rule r : Rules.all()) {
      if (r.isAlert() && SHORT_FOR_ALERTS.contains(r.name())) {
        Map<String, Object> copy = new LinkedHashMap<>(r.rule());
        copy.put("for", "0s");
        Map<String, Object> labels = new LinkedHashMap<>((Map<String, Object>) copy.get("labels"));
        labels.put("e2e", "short_for");
        copy.put("labels", labels);
        copies.add(copy);
      }
    }
    if (copies.size() < SHORT_FOR_ALERTS.size()) {
      throw new IllegalStateException("shipped rules lack some of " + SHORT_FOR_ALERTS + ": update the test");
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return "# Test-only: shipped alerts with for: 0s (BundleStack.SHORT_FOR_ALERTS).\n" + new Yaml(options).dump(
        Map.of("groups", List.of(Map.of("name", "vigil-e2e-short-for", "rules", copies))));
  }

  private static Path write(Path p, String text) {
    try {
      return Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (workload != null) {
      workload.cancel(true);
    }
    // Prometheus first so it does not see its targets vanish; then the rest, then the temp dir.
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
    webhook.close();
    if (tlsTarget != null) {
      tlsTarget.close();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
