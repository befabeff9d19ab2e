package io.vigil.exporter.textfile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.exporter.server.FuzzTargets;

/**
 * Long fuzzing ({@code -Pfuzz}) of the textfile parser and what follows it on the scrape path: see
 * {@link FuzzTargets#textfile(byte[])}. The short run of every build fuzzes it among the other targets
 * ({@code ExporterInputsFuzzTest}); the seed corpus is {@code TextFormatParserFuzzTestInputs/}.
 */
class TextFormatParserFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void parsedTextEncodesOrIsRefusedNamingTheFile(byte[] input) {
    FuzzTargets.textfile(input);
  }
}
