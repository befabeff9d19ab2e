package io.vigil.exporter.server.tls;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.exporter.server.FuzzTargets;

/** Long fuzzing ({@code -Pfuzz}) of PEM and DER reading: see {@link FuzzTargets#pem}. */
class PemFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void pemReadersFailOnlyWithConfigException(FuzzedDataProvider data) {
    FuzzTargets.pem(data);
  }
}
