package io.vigil.exporter.config;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.exporter.server.FuzzTargets;

/** Long fuzzing ({@code -Pfuzz}) of the main config loader: see {@link FuzzTargets#configFile}. */
class ConfigLoaderFuzzTest {

  @DictionaryEntries({"web:", "listen_address: ", "telemetry_path: ", "max_requests: ", "config_file: ",
      "enable_lifecycle: ", "paths:", "procfs: ", "rootfs: ", "udev_data: ", "scrape:", "collector_timeout: ",
      "timeout_margin: ", "collectors:", "enable_defaults: ", "enabled: ", "timeout: ", "device_exclude: ",
      "mount_points_include: ", "fs_types_exclude: ", "stat_timeout: ", "cpu:", "filesystem:", "netdev:", "\\\\0",
      "\\\\x00", "\\\\u0000", "!!binary", "&a ", "*a", "<<: ", "{", "}", "[", "]", "\\x0a  ", "\\x0a    ", "500ms",
      "1.5h", "true", "0x1F", "~", "(", "\\\\"})
  @FuzzTest(maxDuration = "5m")
  void loaderRejectsAnyTextOnlyWithConfigException(FuzzedDataProvider data) {
    FuzzTargets.configFile(data);
  }
}
