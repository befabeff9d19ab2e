package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.NetRpcNfsd.Io;
import io.vigil.exporter.source.procfs.NetRpcNfsd.ReplyCache;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetRpcNfsdTest {

  private static final Path FILE = Path.of("/proc/net/rpc/nfsd");

  private static NetRpcNfsd fixture(String kase) throws Exception {
    return NetRpcNfsd.read(new ProcFs(Fixtures.root().resolve("NfsdCollectorTest").resolve(kase).resolve("proc")));
  }

  @Test
  void parsesADebian12Server() throws Exception {
    NetRpcNfsd nfsd = fixture("debian12-server");
    assertThat(nfsd.replyCache()).contains(new ReplyCache(0, 412334, 9912334));
    assertThat(nfsd.io()).contains(new Io(412334123008L, 81233412096L));
    assertThat(nfsd.threads()).contains(16L);
    assertThat(nfsd.v2()).isEmpty();
    assertThat(nfsd.v3()).hasSize(22);
    assertThat(nfsd.v4Operations()).hasSize(76).element(38).isEqualTo(2123344L);
  }

  @Test
  void parsesAnOlderServerWithNfsv2And72Operations() throws Exception {
    NetRpcNfsd nfsd = fixture("ubuntu18.04-server");
    assertThat(nfsd.v2()).hasSize(18);
    assertThat(nfsd.v4Operations()).hasSize(72);
  }

  @Test
  void ignoresTheThreadHistogramDecimalsAndUnknownLines() throws Exception {
    NetRpcNfsd nfsd = NetRpcNfsd.parse(FILE, "th 8 0 0.000 1.250\nwdeleg_getattr 16\n");
    assertThat(nfsd.threads()).contains(8L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rc 1 2", "fh 0 0 0", "io 1", "th 8", "ra 32 0 0", "net 1 2 3", "rpc 1 2 3 4",
      "proc3 22 1 2 3", "proc4 2 1", "proc4ops 10 0 0 0 0 0 0 0 0 0 0", "io 1 two"})
  void rejectsMalformedLines(String line) {
    assertThatThrownBy(() -> NetRpcNfsd.parse(FILE, "rc 0 6 18622\n" + line + "\n"))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/net/rpc/nfsd:2: ");
  }
}
