package io.vigil.exporter.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.config.ClientAuth;
import io.vigil.exporter.config.ConfigException;
import io.vigil.exporter.config.TlsVersion;
import io.vigil.exporter.config.WebConfig;
import io.vigil.exporter.testing.ExternalBinary;
import io.vigil.exporter.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTest {

  @Test
  void readsPkcs8RsaEcAndEd25519Keys() throws Exception {
    for (KeyPair k : List.of(TestPki.rsa(), TestPki.ec(), KeyPairGenerator.getInstance("Ed25519").generateKeyPair())) {
      PrivateKey read = Pem.privateKey("k.pem", TestPki.pem("PRIVATE KEY", k.getPrivate().getEncoded()));
      assertThat(read.getEncoded()).isEqualTo(k.getPrivate().getEncoded());
    }
  }

  @Test
  void readsPkcs1RsaKeys() throws Exception {
    KeyPair k = TestPki.rsa();
    PrivateKey read = Pem.privateKey("k.pem", TestPki.pkcs1Pem(k.getPrivate()));
    assertThat(read.getAlgorithm()).isEqualTo("RSA");
    assertThat(read.getEncoded()).isEqualTo(k.getPrivate().getEncoded());
  }

  @Test
  void readsSec1EcKeysWithTheirCurve() throws Exception {
    KeyPair k = TestPki.ec();
    PrivateKey read = Pem.privateKey("k.pem", TestPki.sec1Pem(k.getPrivate()));
    assertThat(read.getAlgorithm()).isEqualTo("EC");
    assertThat(((java.security.interfaces.ECPrivateKey) read).getS())
        .isEqualTo(((java.security.interfaces.ECPrivateKey) k.getPrivate()).getS());
  }

  @Test
  void skipsTextAndOtherBlocksAroundTheKeyAsGoDoes() throws Exception {
    KeyPair k = TestPki.ec();
    String text = "Bag Attributes\n    friendlyName: x\n" + TestPki.pem("EC PARAMETERS", new byte[] {6, 1, 1})
        + TestPki.pem("PRIVATE KEY", k.getPrivate().getEncoded());
    assertThat(Pem.privateKey("k.pem", text).getEncoded()).isEqualTo(k.getPrivate().getEncoded());
  }

  @Test
  void readsACertificateChainInOrder() throws Exception {
    TestPki.Issued ca = TestPki.ca("Test CA");
    TestPki.Issued server = TestPki.server(ca, TestPki.ec());
    assertThat(Pem.certificates("c.pem", server.certPem() + ca.certPem()))
        .containsExactly(server.cert(), ca.cert());
  }

  @Test
  void refusesEncryptedKeysWithAHint() {
    assertThatThrownBy(() -> Pem.privateKey("k.pem", TestPki.pem("ENCRYPTED PRIVATE KEY", new byte[] {0x30, 0})))
        .hasMessageStartingWith("k.pem: the private key is encrypted; node_exporter and Vigil read unencrypted keys");
    String legacy = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n"
        + "-----END RSA PRIVATE KEY-----\n";
    assertThatThrownBy(() -> Pem.privateKey("k.pem", legacy)).hasMessageContaining("encrypted (Proc-Type header)");
  }

  @Test
  void namesTheSourceForEveryMalformedInput() {
    assertThatThrownBy(() -> Pem.privateKey("k.pem", "")).hasMessage("k.pem: no PEM private key block found "
        + "(expected PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
    assertThatThrownBy(() -> Pem.certificates("c.pem", "hello")).hasMessage("c.pem: no PEM CERTIFICATE block found");
    assertThatThrownBy(() -> Pem.certificates("c.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n"))
        .hasMessage("c.pem: PEM block CERTIFICATE has no END line");
    assertThatThrownBy(() -> Pem.certificates("c.pem", TestPki.pem("CERTIFICATE", new byte[] {0x30, 0x03, 1})))
        .hasMessageStartingWith("c.pem: certificate 1 cannot be parsed: ");
    assertThatThrownBy(() -> Pem.privateKey("k.pem", "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----"))
        .hasMessageStartingWith("k.pem: PEM block PRIVATE KEY is not valid base64");
    assertThatThrownBy(() -> Pem.privateKey("k.pem", TestPki.pem("PRIVATE KEY", new byte[] {0x30, (byte) 0x85, 1})))
        .hasMessage("k.pem: malformed PKCS#8 private key: unsupported DER length encoding");
    assertThatThrownBy(() -> Pem.privateKey("k.pem", TestPki.pem("EC PRIVATE KEY", new byte[] {0x30, 0x05, 2, 1, 1,
        4, 0}))).hasMessage("k.pem: EC PRIVATE KEY names no curve (parameters [0] missing)");
    assertThatThrownBy(() -> Pem.privateKey("k.pem", TestPki.pem("RSA PRIVATE KEY", new byte[] {0x30, 0})))
        .hasMessageStartingWith("k.pem: RSA private key cannot be read: ");
  }

  @Test
  void keyOfAnotherCertificateIsRefused(@TempDir Path dir) throws Exception {
    TestPki.Issued ca = TestPki.ca("Test CA");
    TestPki.Issued server = TestPki.server(ca, TestPki.rsa());
    Files.writeString(dir.resolve("s.crt"), server.certPem());
    Files.writeString(dir.resolve("other.key"), TestPki.pem("PRIVATE KEY", TestPki.rsa().getPrivate().getEncoded()));
    WebConfig.Tls t = tls(dir.resolve("s.crt"), dir.resolve("other.key"));
    assertThatThrownBy(() -> TlsMaterial.load(t, 1)).isInstanceOf(ConfigException.class)
        .hasMessage(dir.resolve("other.key") + ": private key does not match the certificate in " + dir.resolve("s.crt"));
    Files.writeString(dir.resolve("ec.key"), TestPki.pem("PRIVATE KEY", TestPki.ec().getPrivate().getEncoded()));
    assertThatThrownBy(() -> TlsMaterial.load(tls(dir.resolve("s.crt"), dir.resolve("ec.key")), 1))
        .hasMessageStartingWith(dir.resolve("ec.key") + ": private key does not match the certificate");
  }

  @Test
  void missingFilesAreNamedWithTheirRole(@TempDir Path dir) {
    assertThatThrownBy(() -> TlsMaterial.load(tls(dir.resolve("nope.crt"), dir.resolve("nope.key")), 1))
        .hasMessage(dir.resolve("nope.crt") + ": cert_file: no such file");
  }

  /** Keys as openssl writes them (traditional RSA, SEC1 EC with parameters, Ed25519): the forms users have. */
  @Test
  void readsKeysWrittenByOpenssl(@TempDir Path dir) throws Exception {
    Path openssl = ExternalBinary.require("openssl", "openssl");
    run(dir, openssl.toString(), "genrsa", "-traditional", "-out", "rsa.key", "2048");
    run(dir, openssl.toString(), "ecparam", "-name", "prime256v1", "-genkey", "-out", "ec.key");
    run(dir, openssl.toString(), "genpkey", "-algorithm", "ed25519", "-out", "ed.key");
    run(dir, openssl.toString(), "req", "-x509", "-key", "ec.key", "-subj", "/CN=localhost", "-days", "1",
        "-out", "ec.crt");
    assertThat(Files.readString(dir.resolve("rsa.key"))).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(Files.readString(dir.resolve("ec.key"))).contains("-----BEGIN EC PARAMETERS-----")
        .contains("-----BEGIN EC PRIVATE KEY-----");
    assertThat(Pem.privateKey("rsa.key", Files.readString(dir.resolve("rsa.key"))).getAlgorithm()).isEqualTo("RSA");
    assertThat(Pem.privateKey("ed.key", Files.readString(dir.resolve("ed.key"))).getAlgorithm())
        .isIn("EdDSA", "Ed25519");
    TlsMaterial m = TlsMaterial.load(tls(dir.resolve("ec.crt"), dir.resolve("ec.key")), 7);
    assertThat(m.keyManager().getPrivateKey("vigil-7").getAlgorithm()).isEqualTo("EC");
  }

  private static void run(Path dir, String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
  }

  static WebConfig.Tls tls(Path cert, Path key) {
    return new WebConfig.Tls(Optional.of(cert), Optional.empty(), Optional.of(key), Optional.empty(),
        ClientAuth.NoClientCert, Optional.empty(), Optional.empty(), List.of(), TlsVersion.TLS12, TlsVersion.TLS13,
        List.of(), List.of(), true);
  }
}
