package io.vigil.exporter.config;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.exporter.server.FuzzTargets;

/** Long fuzzing ({@code -Pfuzz}) of the main config loader: see {@link FuzzTargets#configFile}. */
class ConfigLoaderFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void loaderRejectsAnyTextOnlyWithConfigException(FuzzedDataProvider data) {
    FuzzTargets.configFile(data);
  }
}
