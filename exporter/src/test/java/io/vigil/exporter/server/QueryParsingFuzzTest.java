package io.vigil.exporter.server;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Long fuzzing ({@code -Pfuzz}) of {@code /metrics} query and header parsing: see {@link FuzzTargets#metricsRequest}. */
class QueryParsingFuzzTest {

  @DictionaryEntries({"collect[]=", "exclude[]=", "name[]=", "collect%5B%5D=", "&", "%", "%zz", "cpu",
      "meminfo", "1e309", "NaN", "-0", "Infinity", "0x1p3", "1_000", " "})
  @FuzzTest(maxDuration = "5m")
  void queryAndTimeoutHeaderFailOnlyAsBadRequest(FuzzedDataProvider data) {
    FuzzTargets.metricsRequest(data);
  }
}
