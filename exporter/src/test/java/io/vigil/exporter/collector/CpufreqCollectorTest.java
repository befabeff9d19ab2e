package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpufreqCollectorTest {

  private static String scrape(Path sys) throws Exception {
    return MetricsText.of(new CpufreqCollector(new SysFs(sys)).collect());
  }

  @Test
  void reportsTheCanonicalIntelPstateDesktopWithoutTheRootOnlyCurrentFrequency() throws Exception {
    assertThat(scrape(Fixtures.root().resolve("sys")))
        .isEqualTo(
            """
            # HELP node_cpu_frequency_max_hertz Maximum cpu thread frequency in hertz.
            # TYPE node_cpu_frequency_max_hertz gauge
            node_cpu_frequency_max_hertz{cpu="0"} 3.8E9
            node_cpu_frequency_max_hertz{cpu="1"} 3.8E9
            node_cpu_frequency_max_hertz{cpu="2"} 3.8E9
            node_cpu_frequency_max_hertz{cpu="3"} 3.8E9
            # HELP node_cpu_frequency_min_hertz Minimum cpu thread frequency in hertz.
            # TYPE node_cpu_frequency_min_hertz gauge
            node_cpu_frequency_min_hertz{cpu="0"} 8.0E8
            node_cpu_frequency_min_hertz{cpu="1"} 8.0E8
            node_cpu_frequency_min_hertz{cpu="2"} 8.0E8
            node_cpu_frequency_min_hertz{cpu="3"} 8.0E8
            # HELP node_cpu_scaling_frequency_hertz Current scaled CPU thread frequency in hertz.
            # TYPE node_cpu_scaling_frequency_hertz gauge
            node_cpu_scaling_frequency_hertz{cpu="0"} 3.600123E9
            node_cpu_scaling_frequency_hertz{cpu="1"} 7.99987E8
            node_cpu_scaling_frequency_hertz{cpu="2"} 3.59184E9
            node_cpu_scaling_frequency_hertz{cpu="3"} 8.00092E8
            # HELP node_cpu_scaling_frequency_max_hertz Maximum scaled CPU thread frequency in hertz.
            # TYPE node_cpu_scaling_frequency_max_hertz gauge
            node_cpu_scaling_frequency_max_hertz{cpu="0"} 3.8E9
            node_cpu_scaling_frequency_max_hertz{cpu="1"} 3.8E9
            node_cpu_scaling_frequency_max_hertz{cpu="2"} 3.8E9
            node_cpu_scaling_frequency_max_hertz{cpu="3"} 3.8E9
            # HELP node_cpu_scaling_frequency_min_hertz Minimum scaled CPU thread frequency in hertz.
            # TYPE node_cpu_scaling_frequency_min_hertz gauge
            node_cpu_scaling_frequency_min_hertz{cpu="0"} 8.0E8
            node_cpu_scaling_frequency_min_hertz{cpu="1"} 8.0E8
            node_cpu_scaling_frequency_min_hertz{cpu="2"} 8.0E8
            node_cpu_scaling_frequency_min_hertz{cpu="3"} 8.0E8
            """);
  }

  @Test
  void reportsTheCurrentFrequencyWhereReadableAndSkipsAnOfflineCpu() throws Exception {
    assertThat(scrape(Fixtures.caseDir(CpufreqCollectorTest.class, "acpiCpufreqXeon").resolve("sys")))
        .isEqualTo(
            """
            # HELP node_cpu_frequency_hertz Current cpu thread frequency in hertz.
            # TYPE node_cpu_frequency_hertz gauge
            node_cpu_frequency_hertz{cpu="0"} 2.095781E9
            node_cpu_frequency_hertz{cpu="1"} 1.199902E9
            # HELP node_cpu_frequency_max_hertz Maximum cpu thread frequency in hertz.
            # TYPE node_cpu_frequency_max_hertz gauge
            node_cpu_frequency_max_hertz{cpu="0"} 2.101E9
            node_cpu_frequency_max_hertz{cpu="1"} 2.101E9
            # HELP node_cpu_frequency_min_hertz Minimum cpu thread frequency in hertz.
            # TYPE node_cpu_frequency_min_hertz gauge
            node_cpu_frequency_min_hertz{cpu="0"} 1.2E9
            node_cpu_frequency_min_hertz{cpu="1"} 1.2E9
            # HELP node_cpu_scaling_frequency_hertz Current scaled CPU thread frequency in hertz.
            # TYPE node_cpu_scaling_frequency_hertz gauge
            node_cpu_scaling_frequency_hertz{cpu="0"} 2.095781E9
            node_cpu_scaling_frequency_hertz{cpu="1"} 1.2E9
            # HELP node_cpu_scaling_frequency_max_hertz Maximum scaled CPU thread frequency in hertz.
            # TYPE node_cpu_scaling_frequency_max_hertz gauge
            node_cpu_scaling_frequency_max_hertz{cpu="0"} 2.101E9
            node_cpu_scaling_frequency_max_hertz{cpu="1"} 2.101E9
            # HELP node_cpu_scaling_frequency_min_hertz Minimum scaled CPU thread frequency in hertz.
            # TYPE node_cpu_scaling_frequency_min_hertz gauge
            node_cpu_scaling_frequency_min_hertz{cpu="0"} 1.2E9
            node_cpu_scaling_frequency_min_hertz{cpu="1"} 1.2E9
            """);
  }

  @Test
  void treatsOnlyNumberedCpuDirectoriesAsCpus(@TempDir Path sys) throws Exception {
    for (String cpu : new String[] {"cpu10", "cpu2"}) {
      Path policy = Files.createDirectories(sys.resolve("devices/system/cpu").resolve(cpu).resolve("cpufreq"));
      Files.writeString(policy.resolve("scaling_max_freq"), "3000000\n");
      Files.writeString(policy.resolve("scaling_driver"), "intel_cpufreq\n");
      Files.writeString(policy.resolve("scaling_governor"), "schedutil\n");
      Files.writeString(policy.resolve("scaling_available_governors"), "schedutil performance\n");
    }
    Files.createDirectories(sys.resolve("devices/system/cpu/cpufreq/policy2"));
    Files.createDirectories(sys.resolve("devices/system/cpu/cpuidle/cpufreq"));
    assertThat(scrape(sys)).endsWith(
        "node_cpu_scaling_frequency_max_hertz{cpu=\"10\"} 3.0E9\n"
            + "node_cpu_scaling_frequency_max_hertz{cpu=\"2\"} 3.0E9\n");
  }

  @Test
  void reportsNothingOnAVirtualMachineWithoutCpufreq(@TempDir Path sys) throws Exception {
    Files.createDirectories(sys.resolve("devices/system/cpu/cpu0"));
    assertThat(new CpufreqCollector(new SysFs(sys)).collect()).isEmpty();
    assertThat(new CpufreqCollector(new SysFs(sys.resolve("absent"))).collect()).isEmpty();
  }

  @Test
  void failsOnAFrequencyThatIsNotANumber(@TempDir Path tmp) throws Exception {
    Fixtures.copyTree(Fixtures.root().resolve("sys/devices/system/cpu"), tmp.resolve("devices/system/cpu"));
    Files.writeString(tmp.resolve("devices/system/cpu/cpu2/cpufreq/scaling_min_freq"), "");
    assertThatThrownBy(new CpufreqCollector(new SysFs(tmp))::collect)
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("cpu2/cpufreq/scaling_min_freq");
  }

  @Test
  void failsWhenAPolicyHasNoGovernor(@TempDir Path tmp) throws Exception {
    Fixtures.copyTree(Fixtures.root().resolve("sys/devices/system/cpu"), tmp.resolve("devices/system/cpu"));
    Files.delete(tmp.resolve("devices/system/cpu/cpu1/cpufreq/scaling_governor"));
    assertThatThrownBy(new CpufreqCollector(new SysFs(tmp))::collect).isInstanceOf(NoSuchFileException.class);
  }
}
