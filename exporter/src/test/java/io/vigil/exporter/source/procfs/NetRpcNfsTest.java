package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.NetRpcNfs.Network;
import io.vigil.exporter.source.procfs.NetRpcNfs.Rpc;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetRpcNfsTest {

  private static final Path FILE = Path.of("/proc/net/rpc/nfs");

  @Test
  void parsesTheCanonicalNfs4Client() throws Exception {
    NetRpcNfs nfs = NetRpcNfs.read(Fixtures.procFs());
    assertThat(nfs.network()).contains(new Network(0, 0, 0, 0));
    assertThat(nfs.rpc()).contains(new Rpc(321333, 4, 321333));
    assertThat(nfs.v2()).isEmpty();
    assertThat(nfs.v3()).hasSize(22).containsOnly(0L);
    assertThat(nfs.v4()).hasSize(69).startsWith(1L, 18234L, 214553L);
  }

  @Test
  void keepsAnOldKernelsShorterNfsv4Line() throws Exception {
    NetRpcNfs nfs = NetRpcNfs.parse(FILE, "rpc 5 0 5\nproc4 48 " + String.join(" ", Collections.nCopies(48, "1")));
    assertThat(nfs.v4()).hasSize(48);
    assertThat(nfs.network()).isEmpty();
  }

  @Test
  void ignoresLinesANewerKernelMightAdd() throws Exception {
    assertThat(NetRpcNfs.parse(FILE, "rpc 5 0 5\nxprt_stats 1 2 3\n").rpc()).isEqualTo(Optional.of(new Rpc(5, 0, 5)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"net 0 0 0", "rpc 1 2", "rpc 1 2 x", "rpc", "proc2 18 0 0", "proc3 3 1 2 3",
      "proc4 2 1", "rpc -1 0 0"})
  void rejectsMalformedLines(String line) {
    assertThatThrownBy(() -> NetRpcNfs.parse(FILE, "net 0 0 0 0\n" + line + "\n"))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/net/rpc/nfs:2: ");
  }
}
