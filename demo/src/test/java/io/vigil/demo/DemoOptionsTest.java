package io.vigil.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

  @Test
  void defaultsToAllInterfacesPort8080WithTrafficOn() {
    assertThat(DemoOptions.parse(List.of(), Map.of())).isEqualTo(new DemoOptions(null, 8080, true, 5));
  }

  @Test
  void readsTheEnvironment() {
    Map<String, String> env = Map.of("VIGIL_DEMO_LISTEN_ADDRESS", "127.0.0.1:9000", "VIGIL_DEMO_TRAFFIC", "false",
        "VIGIL_DEMO_TRAFFIC_RATE", "2.5");

    assertThat(DemoOptions.parse(List.of(), env)).isEqualTo(new DemoOptions("127.0.0.1", 9000, false, 2.5));
  }

  @Test
  void flagsWinOverTheEnvironment() {
    Map<String, String> env = Map.of("VIGIL_DEMO_TRAFFIC", "false", "VIGIL_DEMO_TRAFFIC_RATE", "2");

    assertThat(DemoOptions.parse(List.of("--web.listen-address=:0", "--traffic.enabled=true", "--traffic.rate=40"),
        env)).isEqualTo(new DemoOptions(null, 0, true, 40));
    assertThat(DemoOptions.parse(List.of("--no-traffic"), Map.of()).trafficEnabled()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--web.listen-address=8080", "--web.listen-address=:http", "--web.listen-address=:70000",
      "--traffic.enabled=yes", "--traffic.rate=0", "--traffic.rate=-1", "--traffic.rate=fast", "--port=8080"})
  void rejectsBadFlagsNamingThem(String flag) {
    String value = flag.substring(flag.indexOf('=') + 1);

    assertThatThrownBy(() -> DemoOptions.parse(List.of(flag), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(flag.startsWith("--port") ? flag : value);
  }
}
