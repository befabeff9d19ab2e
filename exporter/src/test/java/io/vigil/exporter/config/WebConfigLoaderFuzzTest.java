package io.vigil.exporter.config;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.exporter.server.FuzzTargets;

/** Long fuzzing ({@code -Pfuzz}) of the web config loader: see {@link FuzzTargets#webConfigFile}. */
class WebConfigLoaderFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void webConfigRejectsAnyTextOnlyWithConfigException(FuzzedDataProvider data) {
    FuzzTargets.webConfigFile(data);
  }
}
