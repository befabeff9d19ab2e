package io.vigil.exporter.source.oshi;

import io.vigil.exporter.source.HostSources;
import java.time.Duration;
import java.util.function.LongSupplier;
import oshi.SystemInfo;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.software.os.OperatingSystem;
import oshi.util.PlatformEnum;

/**
 * Fills the cross-platform records through OSHI 7.5 (JNA) on macOS, Windows and the BSDs; on Linux it only runs in
 * the cross-check tests.
 *
 * <p>One {@link SystemInfo} and one set of HAL/OS objects serve the process lifetime (creating them costs 0.2-0.35 s
 * and OSHI's one-off probes); every read asks OSHI again. OSHI itself memoizes CPU ticks and memory for 300 ms
 * ({@code oshi.util.memoizer.expiration}), far below any scrape interval. Disks and network interfaces are refreshed
 * with {@code updateAttributes()} and re-enumerated every {@link #DEVICE_REFRESH}. Per-platform differences are in
 * {@link OshiPlatform}; see each reader's Javadoc for what stays absent.
 *
 * <p>Thread safety: the returned readers are safe for concurrent use.
 */
public final class OshiSources {

  /** How long a list of disks or network interfaces is reused before OSHI enumerates them again. */
  static final Duration DEVICE_REFRESH = Duration.ofSeconds(60);

  private OshiSources() {}

  public static HostSources create() {
    return create(new SystemInfo(), PlatformEnum.getCurrentPlatform(), System::nanoTime);
  }

  static HostSources create(SystemInfo si, PlatformEnum current, LongSupplier nanoClock) {
    HardwareAbstractionLayer hal = si.getHardware();
    OperatingSystem os = si.getOperatingSystem();
    OshiPlatform platform = OshiPlatform.of(current);

    OshiCpu cpu = new OshiCpu(hal.getProcessor(), os, platform, OshiCpu.secondsPerTick(platform));
    OshiMemory memory = new OshiMemory(hal.getMemory());
    long refresh = DEVICE_REFRESH.toNanos();
    OshiDisks disks = new OshiDisks(
        new DeviceList<>(hal::getDiskStores, HWDiskStore::updateAttributes, nanoClock, refresh), platform);
    OshiNetwork network = new OshiNetwork(
        new DeviceList<>(() -> hal.getNetworkIFs(true), NetworkIF::updateAttributes, nanoClock, refresh), platform);
    OshiIdentity identity = new OshiIdentity(os, platform);

    return new HostSources(
        "oshi",
        cpu::stat,
        memory::meminfo,
        cpu::loadavg,
        new OshiFileStores(os.getFileSystem()),
        disks,
        network::netdev,
        network::netclass,
        identity::uname,
        identity::osRelease);
  }
}
