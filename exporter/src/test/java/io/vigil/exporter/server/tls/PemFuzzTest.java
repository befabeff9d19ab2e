package io.vigil.exporter.server.tls;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.exporter.server.FuzzTargets;

/** Long fuzzing ({@code -Pfuzz}) of PEM and DER reading: see {@link FuzzTargets#pem}. */
class PemFuzzTest {

  @DictionaryEntries({"-----BEGIN ", "-----END ", "PRIVATE KEY-----", "CERTIFICATE-----", "Proc-Type: ",
      "EC PRIVATE KEY", "RSA PRIVATE KEY", "MII", "MIG", "\\x0a"})
  @FuzzTest(maxDuration = "5m")
  void pemReadersFailOnlyWithConfigException(FuzzedDataProvider data) {
    FuzzTargets.pem(data);
  }
}
