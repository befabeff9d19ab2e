package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.NetClassDevice;
import io.vigil.exporter.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class RtnetlinkLinksTest {

  @Test
  void parsesLinksIntoTheTextTheSysfsFilesHold() throws Exception {
    Datagram d = new Datagram();
    d.link(1, 7, RtnetlinkLinks.IFF_UP | RtnetlinkLinks.IFF_DORMANT,
        attr(RtnetlinkLinks.IFLA_IFNAME, cString("eth9")),
        attr(RtnetlinkLinks.IFLA_ADDRESS, new byte[] {0x18, 0x66, (byte) 0xda, 0x5a, 0x21, 0x0e}),
        attr(RtnetlinkLinks.IFLA_BROADCAST, new byte[] {-1, -1, -1, -1, -1, -1}),
        attr(RtnetlinkLinks.IFLA_MTU, u32(1500)),
        attr(RtnetlinkLinks.IFLA_TXQLEN, u32(1000)),
        attr(RtnetlinkLinks.IFLA_OPERSTATE, new byte[] {6}),
        attr(RtnetlinkLinks.IFLA_LINKMODE, new byte[] {0}),
        attr(RtnetlinkLinks.IFLA_GROUP, u32(0)),
        attr(RtnetlinkLinks.IFLA_CARRIER, new byte[] {1}),
        attr(RtnetlinkLinks.IFLA_CARRIER_CHANGES, u32(4)),
        attr(RtnetlinkLinks.IFLA_CARRIER_UP_COUNT, u32(2)),
        attr(RtnetlinkLinks.IFLA_CARRIER_DOWN_COUNT, u32(2)));
    d.link(65534, 12, 0,
        attr(RtnetlinkLinks.IFLA_IFNAME, cString("tun0")),
        attr(RtnetlinkLinks.IFLA_LINK, u32(3)),
        attr(RtnetlinkLinks.IFLA_IFALIAS, cString("uplink")),
        attr(RtnetlinkLinks.IFLA_OPERSTATE, new byte[] {2}),
        attr(RtnetlinkLinks.IFLA_CARRIER, new byte[] {0}),
        attr(99, u32(5))); // an attribute netclass does not read
    d.done();

    RtnetlinkLinks.Part part = RtnetlinkLinks.parse(d.bytes(), d.bytes().length);

    assertThat(part.done()).isTrue();
    assertThat(part.links()).containsOnlyKeys("eth9", "tun0");
    assertThat(part.links().get("eth9").up()).isTrue();
    assertThat(part.links().get("tun0").up()).isFalse();
    assertThat(part.links().get("eth9").attributes()).containsOnly(
        Map.entry("type", "1"), Map.entry("ifindex", "7"), Map.entry("iflink", "7"),
        Map.entry("address", "18:66:da:5a:21:0e"), Map.entry("broadcast", "ff:ff:ff:ff:ff:ff"),
        Map.entry("ifalias", ""), Map.entry("mtu", "1500"), Map.entry("tx_queue_len", "1000"),
        Map.entry("operstate", "up"), Map.entry("link_mode", "0"), Map.entry("netdev_group", "0"),
        Map.entry("carrier", "1"), Map.entry("carrier_changes", "4"), Map.entry("carrier_up_count", "2"),
        Map.entry("carrier_down_count", "2"), Map.entry("dormant", "1"));
    // Down: no carrier and no dormant (the files answer EINVAL); no address: empty, as the file reads; IFLA_LINK is
    // the iflink.
    assertThat(part.links().get("tun0").attributes()).containsOnly(
        Map.entry("type", "65534"), Map.entry("ifindex", "12"), Map.entry("iflink", "3"), Map.entry("address", ""),
        Map.entry("broadcast", ""), Map.entry("ifalias", "uplink"), Map.entry("operstate", "down"));
  }

  @Test
  void aDatagramWithoutDoneIsAPartOfTheDump() throws Exception {
    Datagram d = new Datagram();
    d.link(1, 2, 0, attr(RtnetlinkLinks.IFLA_IFNAME, cString("lo")));
    assertThat(RtnetlinkLinks.parse(d.bytes(), d.bytes().length).done()).isFalse();
  }

  @Test
  void refusalsAndTruncatedMessagesAreErrors() {
    Datagram error = new Datagram();
    error.message(RtnetlinkLinks.NLMSG_ERROR, u32(-1)); // -EPERM
    assertThatThrownBy(() -> RtnetlinkLinks.parse(error.bytes(), error.bytes().length))
        .isInstanceOf(IOException.class).hasMessageContaining("errno 1");

    Datagram d = new Datagram();
    d.link(1, 2, 0, attr(RtnetlinkLinks.IFLA_IFNAME, cString("lo")));
    assertThatThrownBy(() -> RtnetlinkLinks.parse(d.bytes(), d.bytes().length - 4))
        .isInstanceOf(IOException.class).hasMessageContaining("runs past").hasMessageContaining("offset 0");
  }

  @Test
  void outsideTheHostsOwnSysfsEveryAttributeComesFromItsFile() throws Exception {
    List<NetClassDevice> files = new NetClassReader(Fixtures.sysFs()).read();
    assertThat(NetClassReader.forHost(Fixtures.sysFs()).read()).isEqualTo(files);
    NetClassReader failing = new NetClassReader(Fixtures.sysFs(), Optional.of(() -> {
      throw new IOException("netlink refused");
    }));
    assertThat(failing.read()).isEqualTo(files);
    assertThat(failing.read()).isEqualTo(files); // and keeps reading files
  }

  @Test
  void aNameAssignTypeTheKernelRefusedIsAskedAgainOnlyForAnotherDevice(@TempDir Path tmp) throws Exception {
    Fixtures.copyTree(Fixtures.root().resolve("sys"), tmp);
    Path file = tmp.resolve("class/net/lo/name_assign_type");
    Files.delete(file); // as unreadable as NET_NAME_UNKNOWN makes it
    java.util.concurrent.atomic.AtomicInteger ifindex = new java.util.concurrent.atomic.AtomicInteger(1);
    NetClassReader reader = new NetClassReader(new SysFs(tmp), Optional.of(() -> Map.of("lo",
        new RtnetlinkLinks.Link(true, Map.of("ifindex", Integer.toString(ifindex.get()))))));

    assertThat(lo(reader).attribute("name_assign_type")).isEmpty();
    Files.writeString(file, "2\n");
    assertThat(lo(reader).attribute("name_assign_type")).as("same device: not asked again").isEmpty();
    ifindex.set(9); // deleted and created again: another device under the same name
    assertThat(lo(reader).attribute("name_assign_type")).contains("2");
  }

  private static NetClassDevice lo(NetClassReader reader) throws IOException {
    return reader.read().stream().filter(d -> d.device().equals("lo")).findFirst().orElseThrow();
  }

  @Test
  @EnabledOnOs(value = OS.LINUX, disabledReason = "rtnetlink and /sys/class/net are Linux's")
  void theLiveDumpGivesWhatTheFilesOfThisHostSay() throws Exception {
    SysFs sys = new SysFs(Path.of("/sys"));
    List<NetClassDevice> files = new NetClassReader(sys).read();
    NetClassReader live = NetClassReader.forHost(sys);
    List<NetClassDevice> dumped = live.read();
    if (!dumped.equals(files)) { // a counter moved between the two reads: read both again once
      files = new NetClassReader(sys).read();
      dumped = live.read();
    }
    assertThat(files).isNotEmpty();
    assertThat(dumped).isEqualTo(files);
    assertThat(live.read()).as("again, with what the first read remembered").isEqualTo(files);
    assertThat(RtnetlinkSocket.dump()).containsKeys(files.stream().map(NetClassDevice::device).toArray(String[]::new));
  }

  /** Builds a netlink datagram in the host's byte order, as the kernel sends it. */
  private static final class Datagram {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void link(int type, int index, int flags, byte[]... attributes) {
      ByteBuffer info = order(ByteBuffer.allocate(16));
      info.put((byte) 0).put((byte) 0).putShort((short) type).putInt(index).putInt(flags).putInt(0);
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes(info.array());
      for (byte[] a : attributes) {
        body.writeBytes(a);
      }
      message(RtnetlinkLinks.RTM_NEWLINK, body.toByteArray());
    }

    void done() {
      message(RtnetlinkLinks.NLMSG_DONE, u32(0));
    }

    void message(int type, byte[] payload) {
      ByteBuffer header = order(ByteBuffer.allocate(16));
      header.putInt(16 + payload.length).putShort((short) type)
          .putShort((short) (RtnetlinkLinks.NLM_F_MULTI)).putInt(1).putInt(0);
      out.writeBytes(header.array());
      out.writeBytes(payload);
      out.writeBytes(new byte[padding(16 + payload.length)]);
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }

  private static byte[] attr(int type, byte[] value) {
    ByteBuffer b = order(ByteBuffer.allocate(4 + value.length + padding(4 + value.length)));
    b.putShort((short) (4 + value.length)).putShort((short) type).put(value);
    return b.array();
  }

  private static byte[] u32(int v) {
    return order(ByteBuffer.allocate(4)).putInt(v).array();
  }

  private static byte[] cString(String s) {
    byte[] raw = s.getBytes(StandardCharsets.UTF_8);
    byte[] z = new byte[raw.length + 1];
    System.arraycopy(raw, 0, z, 0, raw.length);
    return z;
  }

  private static int padding(int length) {
    return ((length + 3) & ~3) - length;
  }

  private static ByteBuffer order(ByteBuffer b) {
    return b.order(ByteOrder.nativeOrder());
  }
}
