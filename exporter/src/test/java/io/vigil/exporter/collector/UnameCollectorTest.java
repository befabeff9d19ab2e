package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.source.Uname;
import io.vigil.exporter.testing.MetricsText;
import org.junit.jupiter.api.Test;

class UnameCollectorTest {

  @Test
  void labelsOneConstantSeriesWithTheUnameFields() throws Exception {
    UnameCollector collector =
        new UnameCollector(
            () -> new Uname("Linux", "web-01", "6.12.12+bpo-amd64", "#1 SMP PREEMPT_DYNAMIC Debian 6.12.12-1~bpo12+1",
                "x86_64", "(none)"));
    assertThat(MetricsText.of(collector.collect()))
        .isEqualTo(
            """
            # HELP node_uname_info Labeled system information as provided by the uname system call.
            # TYPE node_uname_info gauge
            node_uname_info{domainname="(none)",machine="x86_64",nodename="web-01",release="6.12.12+bpo-amd64",\
            sysname="Linux",version="#1 SMP PREEMPT_DYNAMIC Debian 6.12.12-1~bpo12+1"} 1.0
            """);
  }
}
