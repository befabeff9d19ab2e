package io.vigil.exporter.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NetClassDeviceTest {

  @ParameterizedTest
  @CsvSource({
    "1000, 1000",
    "-1, -1",
    "0x1003, 4099",
    "0X9, 9",
    "0x0, 0",
    "0, 0",
    "010, 8",
    "+5, 5",
    "' 1500 ', 1500",
    "9223372036854775807, 9223372036854775807"
  })
  void readsIntegersTheWaySysfsPrintsThem(String raw, long expected) {
    assertThat(NetClassDevice.parseInteger(raw)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "up", "0x", "0xfg", "1.5", "--1", "-+1", "9223372036854775808", "08"})
  void leavesNonNumbersAbsent(String raw) {
    assertThat(NetClassDevice.parseInteger(raw)).isEmpty();
  }

  @Test
  void givesRawTextAndIntegersByAttributeName() {
    NetClassDevice eth0 = new NetClassDevice("eth0", Map.of("flags", "0x1003", "operstate", "up"));

    assertThat(eth0.integer("flags")).contains(4099L);
    assertThat(eth0.attribute("operstate")).contains("up");
    assertThat(eth0.integer("operstate")).isEmpty();
    assertThat(eth0.attribute("speed")).isEqualTo(Optional.empty());
  }
}
