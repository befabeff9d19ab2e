package io.vigil.exporter.server;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The short fuzzing run of every build (the {@code fuzz-smoke} execution): all {@link FuzzTargets} in one fuzzer,
 * the first byte choosing the target, because Jazzer fuzzes one test per JVM and each JVM costs ~15 s to set up.
 * Saved inputs and crashes live in {@code ExporterInputsFuzzTestInputs} and replay first on every run. The
 * per-target classes fuzz longer under {@code -Pfuzz}.
 */
class ExporterInputsFuzzTest {

  @FuzzTest(maxDuration = "8s")
  void everyParsedInputFailsOnlyTheDocumentedWay(FuzzedDataProvider data) {
    switch (data.consumeInt(0, 3)) {
      case 0 -> FuzzTargets.configFile(data);
      case 1 -> FuzzTargets.webConfigFile(data);
      case 2 -> FuzzTargets.metricsRequest(data);
      default -> FuzzTargets.pem(data);
    }
  }
}
