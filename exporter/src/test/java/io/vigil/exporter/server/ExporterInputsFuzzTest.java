package io.vigil.exporter.server;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The short fuzzing run of every build (the {@code fuzz-smoke} execution): all {@link FuzzTargets} in one fuzzer,
 * the last byte of an input choosing the target (0 config file, 1 web config, 2 /metrics query, 3 PEM, 4 textfile
 * {@code *.prom} file), because Jazzer fuzzes one test per JVM and each JVM costs ~15 s to set up. Saved inputs and
 * crashes live in {@code ExporterInputsFuzzTestInputs} and replay first on every run. The per-target classes fuzz
 * longer under {@code -Pfuzz}.
 */
class ExporterInputsFuzzTest {

  @DictionaryEntries({"web:", "listen_address: ", "telemetry_path: ", "max_requests: ", "config_file: ",
      "enable_lifecycle: ", "paths:", "procfs: ", "rootfs: ", "udev_data: ", "scrape:", "collector_timeout: ",
      "timeout_margin: ", "collectors:", "enable_defaults: ", "enabled: ", "timeout: ", "device_exclude: ",
      "mount_points_include: ", "fs_types_exclude: ", "stat_timeout: ", "cpu:", "filesystem:", "netdev:", "\\\\0",
      "\\\\x00", "\\\\u0000", "!!binary", "&a ", "*a", "<<: ", "{", "}", "[", "]", "\\x0a  ", "\\x0a    ", "500ms",
      "1.5h", "true", "0x1F", "~", "(", "\\\\"})
  @DictionaryEntries({"tls_server_config:", "cert_file: ", "key_file: ", "cert: |\\x0a  ", "key: |\\x0a  ",
      "-----BEGIN CERTIFICATE-----\\x0a", "-----BEGIN PRIVATE KEY-----\\x0a", "-----BEGIN EC PRIVATE KEY-----\\x0a",
      "-----BEGIN RSA PRIVATE KEY-----\\x0a", "-----END ", "client_auth_type: ", "RequireAndVerifyClientCert",
      "RequireAnyClientCert", "client_ca: ", "client_ca_file: ", "client_allowed_sans: ", "min_version: ", "TLS13",
      "max_version: ", "cipher_suites: ", "TLS_AES_128_GCM_SHA256", "curve_preferences: ", "X25519",
      "prefer_server_cipher_suites: ", "http_server_config:", "http2: ", "headers:", "X-Frame-Options: ",
      "basic_auth_users:", "$2y$10$", "rate_limit:", "interval: ", "burst: ", "\\\\0", "\\x0a  ", "\\x0a    "})
  @DictionaryEntries({"collect[]=", "exclude[]=", "name[]=", "collect%5B%5D=", "&", "%", "%zz", "cpu",
      "meminfo", "1e309", "NaN", "-0", "Infinity", "0x1p3", "1_000", " "})
  @DictionaryEntries({"# HELP ", "# TYPE ", " counter", " gauge", " histogram", " summary", " untyped", "_bucket",
      "_sum", "_count", "le=", "+Inf", "quantile=", "{a=", "\\\\n", "\\x0a", " 1 1700000000000"})
  @FuzzTest(maxDuration = "8s")
  void everyParsedInputFailsOnlyTheDocumentedWay(FuzzedDataProvider data) {
    switch (data.consumeInt(0, 4)) {
      case 0 -> FuzzTargets.configFile(data);
      case 1 -> FuzzTargets.webConfigFile(data);
      case 2 -> FuzzTargets.metricsRequest(data);
      case 3 -> FuzzTargets.pem(data);
      default -> FuzzTargets.textfile(data);
    }
  }
}
