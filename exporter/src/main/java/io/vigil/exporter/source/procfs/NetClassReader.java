package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.NetClassDevice;
import io.vigil.exporter.source.SourceReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Interface attributes on Linux: the directories of {@code /sys/class/net} (symlinks into {@code /sys/devices} on a
 * real host) and, in each, the attribute files listed in {@link NetClassDevice#ATTRIBUTES}. Regular files beside the
 * devices ({@code bonding_masters}) are not devices and are skipped. An attribute the kernel refuses to read
 * (EINVAL for {@code speed}, {@code duplex}, {@code carrier} while a link is down) is absent, as in procfs.
 *
 * <p>On the live host (sysfs at {@code /sys}, the exporter's own network namespace), 16 of the 22 attributes come
 * from one rtnetlink dump instead of one file each ({@link RtnetlinkLinks}), with the same values; only the other 6
 * are read from files. Under another sysfs root (a fixture tree, {@code --path.rootfs} in a container) the dump would
 * describe a different set of interfaces, so every attribute is read from the files there. If the dump fails
 * (netlink refused by a sandbox, no JNA), the reader logs it once and reads files from then on.
 *
 * <p>Thread safety: safe for concurrent use.
 */
public final class NetClassReader implements SourceReader<List<NetClassDevice>> {

  private static final Logger LOG = Logger.getLogger(NetClassReader.class.getName());

  /** Where the rtnetlink dump comes from (a seam for tests). */
  @FunctionalInterface
  interface LinkDump {
    Map<String, RtnetlinkLinks.Link> dump() throws IOException;
  }

  private final SysFs sys;
  private final Optional<LinkDump> netlink;
  private final AtomicBoolean netlinkFailed = new AtomicBoolean();
  /**
   * Devices ({@code name:ifindex}) whose {@code name_assign_type} answered EINVAL (NET_NAME_UNKNOWN: loopback, most
   * virtual devices). The kernel sets it once at registration and again only on a rename, which changes the name, so
   * such a device is not asked again (a failed read costs an exception on every scrape).
   */
  private final Set<String> unknownNameAssignType = ConcurrentHashMap.newKeySet();

  /** Files only: for any sysfs root. */
  public NetClassReader(SysFs sys) {
    this(sys, Optional.empty());
  }

  NetClassReader(SysFs sys, Optional<LinkDump> netlink) {
    this.sys = sys;
    this.netlink = netlink;
  }

  /** Netlink for what it carries when {@code sys} is the host's own {@code /sys}, files otherwise. */
  public static NetClassReader forHost(SysFs sys) {
    boolean live = sys.root().toAbsolutePath().normalize().equals(Path.of("/sys"));
    return new NetClassReader(sys, live ? Optional.of(RtnetlinkSocket::dump) : Optional.empty());
  }

  private static final String NAME_ASSIGN_TYPE = "name_assign_type";

  /** More devices than a host has: past it the memo starts over (never unbounded under interface churn). */
  private static final int MAX_REMEMBERED = 4096;

  private void remember(String device) {
    if (unknownNameAssignType.size() >= MAX_REMEMBERED) {
      unknownNameAssignType.clear();
    }
    unknownNameAssignType.add(device);
  }

  @Override
  public List<NetClassDevice> read() throws IOException {
    Map<String, RtnetlinkLinks.Link> dumped = dump();
    List<NetClassDevice> devices = new ArrayList<>();
    for (Path dir : deviceDirectories()) {
      readDevice(dir, dumped.get(dir.getFileName().toString())).ifPresent(devices::add);
    }
    return List.copyOf(devices);
  }

  private Map<String, RtnetlinkLinks.Link> dump() {
    if (netlink.isEmpty() || netlinkFailed.get()) {
      return Map.of();
    }
    try {
      return netlink.get().dump();
    } catch (IOException | RuntimeException e) {
      if (netlinkFailed.compareAndSet(false, true)) {
        LOG.info(() -> "netclass: reading interface attributes from sysfs files only, rtnetlink failed: " + e);
      }
      return Map.of();
    }
  }

  /** Device directories sorted by name, so output order does not depend on the directory order. */
  private List<Path> deviceDirectories() throws IOException {
    List<Path> dirs = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(sys.path("class", "net"))) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry)) {
          dirs.add(entry);
        }
      }
    }
    dirs.sort(null);
    return dirs;
  }

  /** @param dumped the device from rtnetlink, or null to read every attribute from its file */
  private Optional<NetClassDevice> readDevice(Path dir, RtnetlinkLinks.Link dumped) {
    // /sys/class/net/<dev> is a symlink into /sys/devices: resolved once here, each of the ~22 opens below skips the
    // link walk (~15 % of an attribute read). Read through the link as before if it cannot be resolved.
    Path base;
    try {
      base = dir.toRealPath();
    } catch (IOException e) {
      base = dir;
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String name : NetClassDevice.ATTRIBUTES) {
      if (dumped != null && RtnetlinkLinks.PROVIDED.contains(name)) {
        String value = dumped.attributes().get(name);
        if (value != null) {
          attributes.put(name, value);
        }
      } else if (dumped != null && !dumped.up() && RtnetlinkLinks.ONLY_WHILE_UP.contains(name)) {
        continue; // the file answers EINVAL while the device is down: absent, without the failed read
      } else if (dumped != null && name.equals(NAME_ASSIGN_TYPE)) {
        String device = dir.getFileName() + ":" + dumped.attributes().get("ifindex");
        if (!unknownNameAssignType.contains(device)) {
          Optional<String> value = SysFs.readAttribute(base.resolve(name));
          value.ifPresentOrElse(v -> attributes.put(name, v), () -> remember(device));
        }
      } else {
        SysFs.readAttribute(base.resolve(name)).ifPresent(value -> attributes.put(name, value));
      }
    }
    if (attributes.isEmpty()) {
      return Optional.empty(); // the device went away while we listed it (a container stopped): skip it
    }
    return Optional.of(new NetClassDevice(dir.getFileName().toString(), attributes));
  }
}
