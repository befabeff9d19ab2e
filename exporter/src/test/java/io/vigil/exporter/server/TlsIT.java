package io.vigil.exporter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.Exporter;
import io.vigil.exporter.testing.RawHttp;
import io.vigil.exporter.testing.TestCollectors;
import io.vigil.exporter.testing.TestExporters;
import io.vigil.exporter.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS from the web config file: certificates made in the test by a test CA, handshakes from real JSSE clients. */
class TlsIT {

  @TempDir Path dir;
  private final List<Exporter> started = new ArrayList<>();
  private TestPki.Issued ca;
  private TestPki.Issued server;

  @BeforeEach
  void pki() throws Exception {
    ca = TestPki.ca("Vigil Test CA");
    server = TestPki.server(ca, TestPki.rsa());
    Files.writeString(dir.resolve("server.crt"), server.certPem());
    Files.writeString(dir.resolve("server.key"), TestPki.pkcs1Pem(server.keys().getPrivate()));
    Files.writeString(dir.resolve("ca.crt"), ca.certPem());
  }

  @AfterEach
  void stop() {
    started.forEach(Exporter::close);
  }

  private Exporter start(String webConfig) throws Exception {
    Path file = dir.resolve("web-config.yml");
    Files.writeString(file, webConfig);
    Exporter e = TestExporters.withWebConfig(file, TestCollectors.fixed("a", 7));
    started.add(e);
    return e;
  }

  private static final String TLS = "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n";
  private static final String MTLS = TLS + "  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: ca.crt\n";

  @Test
  void servesMetricsOverTlsWithTheConfiguredCertificate() throws Exception {
    Exporter e = start(TLS);
    try (SSLSocket s = RawHttp.connectTls(TestPki.clientContext(ca, null), e.port())) {
      assertThat(s.getSession().getPeerCertificates()[0]).isEqualTo(server.cert());
      assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.3");
      RawHttp.Response r = RawHttp.exchange(s, "GET", "/metrics");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).contains("test_a_value 7.0");
    }
  }

  @Test
  void plainHttpOnTheTlsPortGetsNoAnswer() throws Exception {
    Exporter e = start(TLS);
    try (Socket s = RawHttp.connect(e.port())) {
      s.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
      byte[] answer = readSome(s.getInputStream());
      assertThat(new String(answer)).doesNotContain("test_a_value").doesNotStartWith("HTTP/1.1 200");
    }
  }

  @Test
  void mutualTlsRefusesClientsWithoutACertificateOfTheClientCa() throws Exception {
    Exporter e = start(MTLS);
    assertThatThrownBy(() -> RawHttp.getTls(TestPki.clientContext(ca, null), e.port(), "/metrics"))
        .as("no client certificate").isInstanceOf(IOException.class);
    TestPki.Issued otherCa = TestPki.ca("Other CA");
    TestPki.Issued stranger = TestPki.client(otherCa, "stranger", List.of("prometheus.example"));
    assertThatThrownBy(() -> RawHttp.getTls(TestPki.clientContext(ca, stranger), e.port(), "/metrics"))
        .as("certificate of another CA").isInstanceOf(IOException.class);
    TestPki.Issued client = TestPki.client(ca, "prometheus", List.of("prometheus.example"));
    RawHttp.Response ok = RawHttp.getTls(TestPki.clientContext(ca, client), e.port(), "/metrics");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body()).contains("test_a_value 7.0");
  }

  @Test
  void allowedSansNarrowWhichClientCertificatesAreAccepted() throws Exception {
    Exporter e = start(MTLS + "  client_allowed_sans: [prometheus.example]\n");
    TestPki.Issued wrongSan = TestPki.client(ca, "other", List.of("other.example"));
    assertThatThrownBy(() -> RawHttp.getTls(TestPki.clientContext(ca, wrongSan), e.port(), "/metrics"))
        .isInstanceOf(IOException.class);
    TestPki.Issued rightSan = TestPki.client(ca, "prometheus", List.of("prometheus.example"));
    assertThat(RawHttp.getTls(TestPki.clientContext(ca, rightSan), e.port(), "/metrics").status()).isEqualTo(200);
  }

  @Test
  void optionalClientCertificatesAreVerifiedWhenGiven() throws Exception {
    Exporter e = start(TLS + "  client_auth_type: VerifyClientCertIfGiven\n  client_ca_file: ca.crt\n");
    assertThat(RawHttp.getTls(TestPki.clientContext(ca, null), e.port(), "/metrics").status()).isEqualTo(200);
    TestPki.Issued stranger = TestPki.client(TestPki.ca("Other CA"), "x", List.of("x"));
    assertThatThrownBy(() -> RawHttp.getTls(TestPki.clientContext(ca, stranger), e.port(), "/metrics"))
        .isInstanceOf(IOException.class);
  }

  /**
   * A hand-written ClientHello, so the client's own policy (the JDK client has TLS 1.1 disabled too) cannot decide
   * the outcome: the server must answer TLS 1.1 with a protocol_version alert and TLS 1.2 with a ServerHello.
   */
  @Test
  void tls11IsRefusedWhenMinVersionIsTls12() throws Exception {
    Exporter e = start(TLS + "  min_version: TLS12\n");
    // The JDK server ends a refused handshake by closing the connection, with or without the alert on the wire.
    assertThat(serverAnswer(e.port(), 0x0302)).isIn("alert 70", "closed");
    assertThat(serverAnswer(e.port(), 0x0303)).as("the same hello as TLS 1.2").isEqualTo("ServerHello 0303");
  }

  @Test
  void tls12IsRefusedWhenMinVersionIsTls13() throws Exception {
    Exporter e = start(TLS + "  min_version: TLS13\n");
    assertThat(serverAnswer(e.port(), 0x0303)).isIn("alert 70", "closed");
    SSLContext client = TestPki.clientContext(ca, null);
    try (SSLSocket s = RawHttp.connectTls(client, e.port())) {
      assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.3");
    }
  }

  @Test
  void cipherSuitesLimitTls12Handshakes() throws Exception {
    TestPki.Issued ecServer = TestPki.server(ca, TestPki.ec());
    Files.writeString(dir.resolve("server.crt"), ecServer.certPem());
    Files.writeString(dir.resolve("server.key"), TestPki.sec1Pem(ecServer.keys().getPrivate()));
    Exporter e = start(TLS + "  max_version: TLS12\n  cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256]\n");
    SSLContext client = TestPki.clientContext(ca, null);
    try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", e.port())) {
      s.setEnabledCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"});
      assertThatThrownBy(s::startHandshake).isInstanceOf(IOException.class);
    }
    try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", e.port())) {
      s.startHandshake();
      assertThat(s.getSession().getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
      assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.2");
    }
  }

  @Test
  void newCertificateFilesAreUsedWithoutARestart() throws Exception {
    Exporter e = start(TLS);
    SSLContext client = TestPki.clientContext(ca, null);
    assertThat(peer(client, e.port())).isEqualTo(server.cert());
    TestPki.Issued renewed = TestPki.server(ca, TestPki.ec());
    Files.writeString(dir.resolve("server.key"), renewed.keyPem());
    Files.writeString(dir.resolve("server.crt"), renewed.certPem());
    assertThat(awaitPeer(client, e.port(), renewed.cert())).isEqualTo(renewed.cert());
    RawHttp.Response r = RawHttp.getTls(client, e.port(), "/metrics");
    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void brokenNewKeyKeepsTheRunningCertificate() throws Exception {
    Exporter e = start(TLS);
    SSLContext client = TestPki.clientContext(ca, null);
    TestPki.Issued renewed = TestPki.server(ca, TestPki.ec());
    // Only the certificate is replaced: the key on disk no longer matches it.
    Files.writeString(dir.resolve("server.crt"), renewed.certPem());
    long deadline = System.nanoTime() + 3_000_000_000L;
    while (System.nanoTime() < deadline) {
      assertThat(peer(client, e.port())).isEqualTo(server.cert());
      Thread.sleep(100);
    }
    Files.writeString(dir.resolve("server.key"), renewed.keyPem());
    assertThat(awaitPeer(client, e.port(), renewed.cert())).isEqualTo(renewed.cert());
  }

  private static Certificate peer(SSLContext client, int port) throws IOException {
    try (SSLSocket s = RawHttp.connectTls(client, port)) {
      return s.getSession().getPeerCertificates()[0];
    }
  }

  /** Connects until the server presents {@code wanted} (the change check runs at most once a second), for 10 s. */
  private static Certificate awaitPeer(SSLContext client, int port, Certificate wanted) throws Exception {
    Certificate seen = null;
    for (int i = 0; i < 100 && !wanted.equals(seen); i++) {
      Thread.sleep(100);
      seen = peer(client, port);
    }
    return seen;
  }

  /** Sends a ClientHello of {@code version} and describes the first record of the answer. */
  private static String serverAnswer(int port, int version) throws IOException {
    try (Socket s = RawHttp.connect(port)) {
      s.getOutputStream().write(clientHello(version));
      s.getOutputStream().flush();
      DataInputStream in = new DataInputStream(s.getInputStream());
      int type;
      try {
        type = in.readUnsignedByte();
      } catch (IOException eof) {
        return "closed";
      }
      in.readUnsignedShort(); // record version
      int length = in.readUnsignedShort();
      byte[] body = in.readNBytes(length);
      if (type == 0x15) {
        return "alert " + (body[1] & 0xFF);
      }
      if (type == 0x16 && body[0] == 2) {
        return "ServerHello " + String.format("%02x%02x", body[4], body[5]);
      }
      return "record " + type;
    }
  }

  private static byte[] clientHello(int version) {
    ByteArrayOutputStream hello = new ByteArrayOutputStream();
    hello.write(version >> 8);
    hello.write(version);
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    hello.writeBytes(random);
    hello.write(0); // session id
    int[] suites = {0xC02F, 0xC02B, 0xC013, 0xC009, 0x002F};
    u16(hello, suites.length * 2);
    for (int s : suites) {
      u16(hello, s);
    }
    hello.write(1); // compression methods
    hello.write(0);
    ByteArrayOutputStream ext = new ByteArrayOutputStream();
    extension(ext, 0x000a, new int[] {0x0004, 0x0017, 0x001d}); // supported_groups: list length, secp256r1, x25519
    extension(ext, 0x000b, new int[] {}, 1, 0); // ec_point_formats: uncompressed
    extension(ext, 0x000d, new int[] {0x0006, 0x0403, 0x0804, 0x0401}); // signature_algorithms
    u16(hello, ext.size());
    hello.writeBytes(ext.toByteArray());
    byte[] body = hello.toByteArray();
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    record.write(0x16);
    u16(record, 0x0301);
    u16(record, body.length + 4);
    record.write(1); // ClientHello
    record.write(0);
    u16(record, body.length);
    record.writeBytes(body);
    return record.toByteArray();
  }

  private static void extension(ByteArrayOutputStream out, int type, int[] shorts, int... bytes) {
    u16(out, type);
    u16(out, shorts.length * 2 + bytes.length);
    for (int s : shorts) {
      u16(out, s);
    }
    for (int b : bytes) {
      out.write(b);
    }
  }

  private static void u16(ByteArrayOutputStream out, int v) {
    out.write(v >> 8);
    out.write(v);
  }

  private static byte[] readSome(InputStream in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    try {
      for (int n = in.read(buf); n > 0 && out.size() < 65536; n = in.read(buf)) {
        out.write(buf, 0, n);
      }
    } catch (IOException closedOrTimedOut) {
      // the server ends the connection one way or another; what it sent before is what we check
    }
    return out.toByteArray();
  }
}
