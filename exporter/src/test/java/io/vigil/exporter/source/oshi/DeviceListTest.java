package io.vigil.exporter.source.oshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DeviceListTest {

  private final AtomicLong clock = new AtomicLong();
  private final AtomicInteger enumerations = new AtomicInteger();
  private final List<String> updated = new ArrayList<>();
  private final Set<String> gone = new HashSet<>();
  private List<String> present = List.of("sda", "sdb");

  private final DeviceList<String> list =
      new DeviceList<>(
          () -> {
            enumerations.incrementAndGet();
            return present;
          },
          d -> {
            updated.add(d);
            return !gone.contains(d);
          },
          clock::get,
          60);

  @Test
  void firstReadEnumeratesWithoutUpdating() {
    assertThat(list.read(Function.identity())).containsExactly("sda", "sdb");
    assertThat(enumerations).hasValue(1);
    assertThat(updated).isEmpty();
  }

  @Test
  void laterReadsUpdateEachDeviceUntilTheRefreshInterval() {
    list.read(Function.identity());
    clock.set(59);
    assertThat(list.read(Function.identity())).containsExactly("sda", "sdb");
    assertThat(updated).containsExactly("sda", "sdb");
    assertThat(enumerations).hasValue(1);

    present = List.of("sda", "sdc");
    clock.set(60);
    assertThat(list.read(Function.identity())).containsExactly("sda", "sdc");
    assertThat(enumerations).hasValue(2);
  }

  @Test
  void aDeviceThatFailsToUpdateIsLeftOutInsteadOfReportingStaleCounters() {
    list.read(Function.identity());
    gone.add("sdb");
    clock.set(1);
    assertThat(list.read(String::toUpperCase)).containsExactly("SDA");
  }
}
