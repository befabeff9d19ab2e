package io.vigil.exporter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private final ConfigLoader loader = new ConfigLoader(Set.of("cpu", "filesystem", "netdev", "diskstats", "loadavg"));

  private VigilConfig parse(String yaml) throws ConfigException {
    return loader.parse("vigil.yml", yaml, Optional.empty());
  }

  private void assertRejected(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class).hasMessage(message);
  }

  @Test
  void emptyFileGivesTheDefaults() throws Exception {
    VigilConfig c = parse("");
    assertThat(c.web()).isEqualTo(WebSettings.DEFAULT);
    assertThat(c.scrape()).isEqualTo(ScrapeSettings.DEFAULT);
    assertThat(c.collectors().enableDefaults()).isTrue();
  }

  @Test
  void readsEverySection() throws Exception {
    VigilConfig c = parse("""
        web:
          listen_address: "127.0.0.1:9999"
          max_requests: 5
          disable_exporter_metrics: true
        scrape:
          timeout_margin: 250ms
          collector_timeout: 3s
        paths:
          rootfs: /host
        collectors:
          enable_defaults: false
          cpu:
            enabled: true
            timeout: 1.5s
            info: true
          filesystem:
            mount_points_exclude: "^/boot"
            stat_timeout: 2s
          netdev:
            device_include: "^eth"
        """);
    assertThat(c.web().listenAddress()).isEqualTo("127.0.0.1:9999");
    assertThat(c.web().maxRequests()).isEqualTo(5);
    assertThat(c.web().disableExporterMetrics()).isTrue();
    assertThat(c.scrape()).isEqualTo(new ScrapeSettings(Duration.ofMillis(250), Duration.ofSeconds(3)));
    assertThat(c.paths().procfs()).isEqualTo(Path.of("/host/proc"));
    assertThat(c.paths().rootfsPath("/etc/os-release")).isEqualTo(Path.of("/host/etc/os-release"));
    assertThat(c.collectors().enableDefaults()).isFalse();
    assertThat(c.collectors().settings("cpu")).isEqualTo(
        new CollectorSettings(Optional.of(true), Optional.of(Duration.ofMillis(1500))));
    assertThat(c.collectors().cpuInfo()).isTrue();
    assertThat(c.collectors().filesystem().mountPoints().keeps("/boot/efi")).isFalse();
    assertThat(c.collectors().filesystem().mountPoints().keeps("/run")).isTrue();
    assertThat(c.collectors().filesystem().fsTypes().keeps("tmpfs")).isTrue();
    assertThat(c.collectors().filesystem().fsTypes().keeps("proc")).isFalse();
    assertThat(c.collectors().netdevDevices().keeps("eth0")).isTrue();
    assertThat(c.collectors().netdevDevices().keeps("lo")).isFalse();
    assertThat(c.collectors().netdevDevices().keeps("wlan0")).isFalse();
  }

  @Test
  void invalidYamlNamesLineAndColumn() {
    assertRejected("web:\n  listen_address: \"127.0.0.1:1\n  max_requests: 3\n",
        "vigil.yml:4:1: invalid YAML: found unexpected end of stream (while scanning a quoted scalar)");
  }

  @Test
  void badIndentationNamesLineAndColumn() {
    assertRejected("web:\n  listen_address: \":1\"\n max_requests: 3\n",
        "vigil.yml:3:2: invalid YAML: expected <block end>, but found '<block mapping start>' "
            + "(while parsing a block mapping)");
  }

  @Test
  void unknownTopLevelKeyIsRejected() {
    assertRejected("web: {}\nscrap: {}\n",
        "vigil.yml:2:1: unknown key scrap; expected one of: collectors, commands, paths, probes, process_groups, "
            + "scrape, web");
  }

  @Test
  void unknownNestedKeyIsRejectedWithItsPath() {
    assertRejected("web:\n  listen_adress: \":1\"\n",
        "vigil.yml:2:3: unknown key web.listen_adress; expected one of: config_file, disable_exporter_metrics, "
            + "enable_lifecycle, listen_address, max_requests, request_timeout, response_timeout, telemetry_path, "
            + "unauthenticated_health");
  }

  @Test
  void unknownCollectorIsRejected() {
    assertRejected("collectors:\n  cpuu:\n    enabled: true\n",
        "vigil.yml:2:3: unknown key collectors.cpuu; expected one of: cpu, diskstats, enable_defaults, "
            + "filesystem, loadavg, netdev");
  }

  @Test
  void optionOfAnotherCollectorIsRejected() {
    assertRejected("collectors:\n  loadavg:\n    info: true\n",
        "vigil.yml:3:5: unknown key collectors.loadavg.info; expected one of: enabled, timeout");
  }

  @Test
  void wrongTypeIsRejectedWithTheExpectedForm() {
    assertRejected("web:\n  max_requests: lots\n",
        "vigil.yml:2:17: web.max_requests: expected an integer from 0 to 10000, got string \"lots\"");
  }

  @Test
  void booleanWrittenAsStringIsRejected() {
    assertRejected("collectors:\n  cpu:\n    enabled: \"maybe\"\n",
        "vigil.yml:3:14: collectors.cpu.enabled: expected true or false, got string \"maybe\"");
  }

  @Test
  void outOfRangeValueIsRejected() {
    assertRejected("web:\n  max_requests: 20000\n",
        "vigil.yml:2:17: web.max_requests: expected an integer from 0 to 10000, got 20000");
  }

  @Test
  void malformedDurationIsRejected() {
    assertRejected("scrape:\n  collector_timeout: 10 seconds\n",
        "vigil.yml:2:22: scrape.collector_timeout: expected a duration like 500ms, 2s or 1m from 10ms to 5m, "
            + "got string \"10 seconds\"");
  }

  @Test
  void badRegexIsRejectedWithThePatternProblem() {
    assertRejected("collectors:\n  netdev:\n    device_exclude: \"^(eth\"\n",
        "vigil.yml:3:21: collectors.netdev.device_exclude: expected a valid regular expression, got \"^(eth\": "
            + "Unclosed group near index 5");
  }

  @Test
  void mappingWhereAScalarBelongsIsRejected() {
    assertRejected("web:\n  listen_address:\n    port: 1\n",
        "vigil.yml:3:5: web.listen_address: expected a string, got a mapping");
  }

  @Test
  void duplicateKeysAreRejected() {
    assertRejected("web:\n  max_requests: 1\n  max_requests: 2\n",
        "vigil.yml:3:3: duplicate key web.max_requests (first given at line 2)");
  }

  @Test
  void globalTagsAreRejected() {
    assertThatThrownBy(() -> parse("web: !!javax.script.ScriptEngineManager [x]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("vigil.yml:1:6: invalid YAML");
  }

  private VigilConfig sysctl(String yaml) throws ConfigException {
    return new ConfigLoader(Set.of("sysctl")).parse("vigil.yml", yaml, Optional.empty());
  }

  private void assertSysctlRejected(String yaml, String message) {
    assertThatThrownBy(() -> sysctl(yaml)).isInstanceOf(ConfigException.class).hasMessage(message);
  }

  @Test
  void readsTheSysctlIncludeListInFlowAndBlockStyle() throws Exception {
    String flow = "collectors:\n  sysctl:\n    include: [vm.swappiness, \"net.ipv4.ip_local_port_range:low,high\"]\n";
    assertThat(sysctl(flow).collectors().sysctlInclude())
        .containsExactly("vm.swappiness", "net.ipv4.ip_local_port_range:low,high");
    assertThat(sysctl("collectors:\n  sysctl:\n    include:\n      - kernel.printk\n").collectors().sysctlInclude())
        .containsExactly("kernel.printk");
    assertThat(sysctl("").collectors().sysctlInclude()).isEmpty();
  }

  @Test
  void sysctlIncludeThatIsNotAListIsRejected() {
    assertSysctlRejected("collectors:\n  sysctl:\n    include: vm.swappiness\n",
        "vigil.yml:3:14: collectors.sysctl.include: expected a list of strings, got string \"vm.swappiness\"");
  }

  @Test
  void sysctlIncludeWithANumberOrAnEmptyPartIsRejectedAtItsItem() {
    assertSysctlRejected("collectors:\n  sysctl:\n    include: [vm.swappiness, 12]\n",
        "vigil.yml:3:30: collectors.sysctl.include: expected a list of strings, got integer \"12\" in it");
    assertSysctlRejected("collectors:\n  sysctl:\n    include: [vm.swappiness, \"fs.file-nr:a,\"]\n",
        "vigil.yml:3:30: collectors.sysctl.include: expected a sysctl name like vm.swappiness, optionally with value"
            + " names like net.ipv4.ip_local_port_range:low,high, got \"fs.file-nr:a,\"");
    assertSysctlRejected("collectors:\n  sysctl:\n    include: [vm.swappiness, \"vm.swappiness:a\"]\n",
        "vigil.yml:3:30: collectors.sysctl.include: vm.swappiness is listed twice");
    assertSysctlRejected("collectors:\n  sysctl:\n    include: [\"../../etc/shadow\"]\n",
        "vigil.yml:3:15: collectors.sysctl.include: expected a sysctl name like vm.swappiness, optionally with value"
            + " names like net.ipv4.ip_local_port_range:low,high, got \"../../etc/shadow\"");
  }

  @Test
  void missingFileIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yml");
    assertThatThrownBy(() -> loader.load(missing)).hasMessage(missing + ": no such file");
  }

  @Test
  void loadsTheShippedExampleFile() throws Exception {
    Path example = Path.of("vigil.example.yml");
    assertThat(example).exists();
    VigilConfig c = new ConfigLoader(io.vigil.exporter.collector.CollectorCatalogue.names()).load(example);
    assertThat(c.web().listenAddress()).isEqualTo(WebSettings.DEFAULT_LISTEN_ADDRESS);
  }

  @Test
  void writesFileNameIntoErrors(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("v.yml");
    Files.writeString(f, "web:\n  telemetry_path: metrics\n");
    assertThatThrownBy(() -> loader.load(f))
        .hasMessage(f + ":2:19: web.telemetry_path: expected a path like /metrics, got \"metrics\"");
  }

  /** Found by review of the fuzz targets: a NUL in a path made {@code Path.of} throw a runtime exception. */
  @Test
  void pathWithANulCharacterIsAConfigError() {
    assertRejected("paths:\n  procfs: \"/pr\\0oc\"\n",
        "vigil.yml:2:11: paths.procfs: expected a file system path, got a string with a NUL character");
  }

  /** Found by fuzzing (WebConfigLoaderFuzzTest): SnakeYAML threw IllegalArgumentException for this tag. */
  @Test
  void malformedTagEscapeIsInvalidYaml() {
    assertRejected("!%2", "vigil.yml: invalid YAML: Tag must not contain leading or trailing spaces.");
  }
}
