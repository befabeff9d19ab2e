package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmstatCollectorTest {

  @Test
  void exposesTheDefaultFieldsAsUntyped() throws Exception {
    VmstatCollector collector = new VmstatCollector(Fixtures.procFs(), VmstatCollector.DEFAULT_FIELDS);
    assertThat(MetricsText.of(collector.collect()))
        .isEqualTo(
            """
            # HELP node_vmstat_oom_kill /proc/vmstat information field oom_kill.
            # TYPE node_vmstat_oom_kill untyped
            node_vmstat_oom_kill 1.0
            # HELP node_vmstat_pgfault /proc/vmstat information field pgfault.
            # TYPE node_vmstat_pgfault untyped
            node_vmstat_pgfault 1.87654321E8
            # HELP node_vmstat_pgmajfault /proc/vmstat information field pgmajfault.
            # TYPE node_vmstat_pgmajfault untyped
            node_vmstat_pgmajfault 23456.0
            # HELP node_vmstat_pgpgin /proc/vmstat information field pgpgin.
            # TYPE node_vmstat_pgpgin untyped
            node_vmstat_pgpgin 5723452.0
            # HELP node_vmstat_pgpgout /proc/vmstat information field pgpgout.
            # TYPE node_vmstat_pgpgout untyped
            node_vmstat_pgpgout 1.2876544E7
            # HELP node_vmstat_pswpin /proc/vmstat information field pswpin.
            # TYPE node_vmstat_pswpin untyped
            node_vmstat_pswpin 312.0
            # HELP node_vmstat_pswpout /proc/vmstat information field pswpout.
            # TYPE node_vmstat_pswpout untyped
            node_vmstat_pswpout 3842.0
            """);
  }

  @Test
  void matchesTheFieldPatternAnywhereUnlessAnchoredAsGoDoes() throws Exception {
    VmstatCollector collector = new VmstatCollector(Fixtures.procFs(), Pattern.compile("hint_faults"));
    assertThat(MetricsText.of(collector.collect()))
        .contains("node_vmstat_numa_hint_faults 0.0\n", "node_vmstat_numa_hint_faults_local 0.0\n")
        .doesNotContain("pgfault");
  }

  @Test
  void failsWhenVmstatIsMissing(@TempDir Path empty) {
    VmstatCollector collector = new VmstatCollector(new ProcFs(empty), VmstatCollector.DEFAULT_FIELDS);
    assertThatThrownBy(collector::collect).isInstanceOf(NoSuchFileException.class);
  }
}
