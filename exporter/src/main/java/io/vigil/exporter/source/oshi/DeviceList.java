package io.vigil.exporter.source.oshi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * OSHI devices (disks, network interfaces) kept between reads so each read only refreshes their counters with
 * {@code updateAttributes()}, re-enumerated every {@code refreshNanos} to notice devices that came or went.
 * Enumeration is the expensive part on Windows (WMI, {@code NetworkInterface.getNetworkInterfaces()}); OSHI's
 * enumeration reads fresh counters itself, so a read never returns old values.
 *
 * <p>A device whose update fails (unplugged, or its counters are gone) is left out of that read rather than
 * reported with stale counters; it disappears for good at the next enumeration.
 *
 * <p>Thread safety: {@link #read} is synchronized, so concurrent collectors sharing the list do not update the same
 * OSHI objects at once.
 *
 * @param <T> the OSHI device type
 */
final class DeviceList<T> {

  private final Supplier<List<T>> enumerate;
  private final Predicate<T> update;
  private final LongSupplier nanoClock;
  private final long refreshNanos;

  private List<T> devices; // guarded by this
  private long enumeratedAt; // guarded by this

  /**
   * @param enumerate lists the devices with fresh counters ({@code hal.getDiskStores()})
   * @param update refreshes one device's counters, false when it is gone ({@code HWDiskStore::updateAttributes})
   * @param nanoClock {@code System::nanoTime}, or a test clock
   * @param refreshNanos how long an enumeration is kept
   */
  DeviceList(Supplier<List<T>> enumerate, Predicate<T> update, LongSupplier nanoClock, long refreshNanos) {
    this.enumerate = enumerate;
    this.update = update;
    this.nanoClock = nanoClock;
    this.refreshNanos = refreshNanos;
  }

  /**
   * The current devices, each with counters read during this call, turned into records by {@code snapshot} while the
   * list is locked (so another reader's update cannot tear one device's figures).
   */
  synchronized <R> List<R> read(Function<T, R> snapshot) {
    long now = nanoClock.getAsLong();
    List<T> current;
    if (devices == null || now - enumeratedAt >= refreshNanos) {
      devices = List.copyOf(enumerate.get());
      enumeratedAt = now;
      current = devices;
    } else {
      current = new ArrayList<>(devices.size());
      for (T device : devices) {
        if (update.test(device)) {
          current.add(device);
        }
      }
    }
    List<R> records = new ArrayList<>(current.size());
    for (T device : current) {
      records.add(snapshot.apply(device));
    }
    return records;
  }
}
