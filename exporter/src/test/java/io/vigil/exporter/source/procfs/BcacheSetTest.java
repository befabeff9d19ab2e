package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BcacheSetTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "71, 71",
    "4.0k, 4096",
    // one fractional digit in tenths of 1024, as prometheus/procfs reads bch_hprint
    "9.8k, 10016",
    "98.5M, 103272448",
    "1.6G, 1702887424",
    "211G, 226559524864",
    // a unit letter bcache does not print multiplies by 0 upstream
    "3x, 0",
  })
  void convertsBcacheSizesAsUpstreamDoes(String text, long expected) {
    assertThat(BcacheSet.dehumanize(text)).isEqualTo(expected);
  }

  @Test
  void keepsTheSignOfControllerTerms() {
    assertThat(BcacheSet.dehumanizeSigned("-65.1k")).isEqualTo(-66660);
    assertThat(BcacheSet.dehumanizeSigned("12.4k")).isEqualTo(12688);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "k", "lots", "1.x", "0x10"})
  void rejectsWhatIsNotANumber(String text) {
    assertThatThrownBy(() -> BcacheSet.dehumanize(text)).isInstanceOf(NumberFormatException.class);
  }

  @Test
  void readsTheSetWithItsDevices() throws Exception {
    List<BcacheSet> sets =
        BcacheSet.readAll(new SysFs(Fixtures.root().resolve("BcacheCollectorTest/writeback/sys")), true);
    assertThat(sets).hasSize(1);
    BcacheSet set = sets.get(0);
    assertThat(set.value("internal/btree_read_average_duration_us")).contains(1437L);
    assertThat(set.backingDevices()).extracting(BcacheSet.BackingDevice::name).containsExactly("bdev0", "bdev1");
    assertThat(set.backingDevices().get(1).writebackRateDebug()).containsEntry("rate", 4096L)
        .containsEntry("integral", 0L);
    assertThat(set.caches().get(0).unusedPercent()).contains(27L);
  }
}
