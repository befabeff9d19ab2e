package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetIpVsTest {

  private static final Path PATH = Path.of("/proc/net/ip_vs");

  @ParameterizedTest
  @CsvSource({
      "2620:0000:0000:0000:0000:0000:0000:0035, 2620::35",
      "0000:0000:0000:0000:0000:0000:0000:0001, ::1",
      "0000:0000:0000:0000:0000:0000:0000:0000, ::",
      "2001:0db8:0000:0001:0000:0000:0000:0001, 2001:db8:0:1::1",
      "2001:0db8:0000:0000:0001:0000:0000:0001, 2001:db8::1:0:0:1",
      "2001:0db8:0001:0002:0003:0004:0005:0006, 2001:db8:1:2:3:4:5:6",
      "2001:0000:0db8:0001:0002:0003:0004:0000, 2001:0:db8:1:2:3:4:0",
      "0000:0000:0000:0000:0000:ffff:c0a8:0001, 192.168.0.1",
      "fe80:0000:0000:0000:0000:0000:0000:0000, fe80::"
  })
  void printsIpv6AddressesAsGoDoes(String kernel, String go) throws Exception {
    NetIpVs parsed = NetIpVs.parse(PATH, "UDP  [" + kernel + "]:0035 rr\n  -> [" + kernel + "]:0035  Route 1 0 0\n");
    assertThat(parsed.backends()).singleElement().satisfies(b -> {
      assertThat(b.localAddress()).isEqualTo(go);
      assertThat(b.remoteAddress()).isEqualTo(go);
      assertThat(b.localPort()).isEqualTo(53);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "TCP  C0A80016:0050 wlc\n  -> C0A80217:0050 Masq many 248 2\n",
      "TCP  C0A80016:005 wlc\n",
      "TCP  G0A80016:0050 wlc\n",
      "UDP  [2620:0000:0000:0000:0000:0000:0000]:0035 rr\n"
  })
  void rejectsMalformedLines(String text) {
    assertThatThrownBy(() -> NetIpVs.parse(PATH, text)).isInstanceOf(MalformedFileException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "IP Virtual Server version 1.2.1 (size=4096)\n", "TCP  C0A80016:0050 wlc\n  -> C0A80217:0050 Masq 1\n"})
  void findsNoBackendsInEmptyOrShortInput(String text) throws Exception {
    assertThat(NetIpVs.parse(PATH, text).backends()).isEmpty();
  }
}
