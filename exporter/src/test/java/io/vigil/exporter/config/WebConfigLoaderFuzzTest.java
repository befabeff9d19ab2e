package io.vigil.exporter.config;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.exporter.server.FuzzTargets;

/** Long fuzzing ({@code -Pfuzz}) of the web config loader: see {@link FuzzTargets#webConfigFile}. */
class WebConfigLoaderFuzzTest {

  @DictionaryEntries({"tls_server_config:", "cert_file: ", "key_file: ", "cert: |\\x0a  ", "key: |\\x0a  ",
      "-----BEGIN CERTIFICATE-----\\x0a", "-----BEGIN PRIVATE KEY-----\\x0a", "-----BEGIN EC PRIVATE KEY-----\\x0a",
      "-----BEGIN RSA PRIVATE KEY-----\\x0a", "-----END ", "client_auth_type: ", "RequireAndVerifyClientCert",
      "RequireAnyClientCert", "client_ca: ", "client_ca_file: ", "client_allowed_sans: ", "min_version: ", "TLS13",
      "max_version: ", "cipher_suites: ", "TLS_AES_128_GCM_SHA256", "curve_preferences: ", "X25519",
      "prefer_server_cipher_suites: ", "http_server_config:", "http2: ", "headers:", "X-Frame-Options: ",
      "basic_auth_users:", "$2y$10$", "rate_limit:", "interval: ", "burst: ", "\\\\0", "\\x0a  ", "\\x0a    "})
  @FuzzTest(maxDuration = "5m")
  void webConfigRejectsAnyTextOnlyWithConfigException(FuzzedDataProvider data) {
    FuzzTargets.webConfigFile(data);
  }
}
