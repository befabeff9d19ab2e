package io.vigil.exporter.server;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Long fuzzing ({@code -Pfuzz}) of {@code /metrics} query and header parsing: see {@link FuzzTargets#metricsRequest}. */
class QueryParsingFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void queryAndTimeoutHeaderFailOnlyAsBadRequest(FuzzedDataProvider data) {
    FuzzTargets.metricsRequest(data);
  }
}
