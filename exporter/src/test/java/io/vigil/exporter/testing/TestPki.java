package io.vigil.exporter.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A small certificate authority for tests, in plain Java (no openssl, no JDK internals): RSA or EC keys, a CA
 * certificate, server and client certificates it signs (with the extensions Go and JSSE check: basic constraints,
 * key usage, extended key usage, subject alternative names), PEM in the forms node_exporter reads, and client SSL
 * contexts. Everything is generated fresh per test.
 */
public final class TestPki {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  private TestPki() {}

  /** A key pair and its certificate. */
  public record Issued(KeyPair keys, X509Certificate cert) {
    public String certPem() {
      return pem("CERTIFICATE", der(cert));
    }

    /** The private key as PKCS#8 ({@code PRIVATE KEY}). */
    public String keyPem() {
      return pem("PRIVATE KEY", keys.getPrivate().getEncoded());
    }
  }

  public static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048, RANDOM);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static KeyPair ec() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static Issued ca(String cn) {
    KeyPair keys = ec();
    return new Issued(keys, sign(cn, keys, cn, keys.getPrivate(), true, null, List.of(), List.of(), Instant.now()
        .minusSeconds(3600), Instant.now().plusSeconds(86_400)));
  }

  /** A server certificate for {@code localhost} and {@code 127.0.0.1}. */
  public static Issued server(Issued ca, KeyPair keys) {
    return new Issued(keys, sign("localhost", keys, subject(ca), ca.keys().getPrivate(), false, SERVER_AUTH,
        List.of("localhost"), List.of("127.0.0.1"), Instant.now().minusSeconds(3600),
        Instant.now().plusSeconds(86_400)));
  }

  public static Issued client(Issued ca, String cn, List<String> dnsSans) {
    KeyPair keys = ec();
    return new Issued(keys, sign(cn, keys, subject(ca), ca.keys().getPrivate(), false, CLIENT_AUTH, dnsSans,
        List.of(), Instant.now().minusSeconds(3600), Instant.now().plusSeconds(86_400)));
  }

  private static String subject(Issued ca) {
    return ca.cert().getSubjectX500Principal().getName().replaceFirst("^CN=", "");
  }

  // ---- X.509 in DER -------------------------------------------------------------------------------------

  private static X509Certificate sign(String cn, KeyPair subjectKeys, String issuerCn, PrivateKey issuerKey,
      boolean isCa, String eku, List<String> dns, List<String> ips, Instant notBefore, Instant notAfter) {
    try {
      boolean ecSigner = issuerKey.getAlgorithm().equals("EC");
      byte[] sigAlg = ecSigner
          ? seq(oid("1.2.840.10045.4.3.2"))
          : seq(oid("1.2.840.113549.1.1.11"), prim(0x05));
      List<byte[]> exts = new ArrayList<>();
      exts.add(extension("2.5.29.19", true, isCa ? seq(prim(0x01, (byte) 0xFF)) : seq()));
      exts.add(extension("2.5.29.15", true, isCa ? prim(0x03, (byte) 1, (byte) 0x06) : prim(0x03, (byte) 5,
          (byte) 0xA0)));
      if (eku != null) {
        exts.add(extension("2.5.29.37", false, seq(oid(eku))));
      }
      if (!dns.isEmpty() || !ips.isEmpty()) {
        List<byte[]> names = new ArrayList<>();
        for (String d : dns) {
          names.add(tlv(0x82, d.getBytes(StandardCharsets.US_ASCII)));
        }
        for (String ip : ips) {
          names.add(tlv(0x87, InetAddress.getByName(ip).getAddress()));
        }
        exts.add(extension("2.5.29.17", false, seq(names.toArray(new byte[0][]))));
      }
      byte[] tbs = seq(
          tlv(0xA0, prim(0x02, (byte) 2)),
          tlv(0x02, new BigInteger(63, RANDOM).add(BigInteger.ONE).toByteArray()),
          sigAlg,
          name(issuerCn),
          seq(time(notBefore), time(notAfter)),
          name(cn),
          subjectKeys.getPublic().getEncoded(),
          tlv(0xA3, seq(exts.toArray(new byte[0][]))));
      Signature s = Signature.getInstance(ecSigner ? "SHA256withECDSA" : "SHA256withRSA");
      s.initSign(issuerKey);
      s.update(tbs);
      byte[] sig = s.sign();
      byte[] bits = new byte[sig.length + 1];
      System.arraycopy(sig, 0, bits, 1, sig.length);
      byte[] cert = seq(tbs, sigAlg, tlv(0x03, bits));
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(cert));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] extension(String id, boolean critical, byte[] value) {
    return critical ? seq(oid(id), prim(0x01, (byte) 0xFF), tlv(0x04, value)) : seq(oid(id), tlv(0x04, value));
  }

  private static byte[] name(String cn) {
    return seq(tlv(0x31, seq(oid("2.5.4.3"), tlv(0x0C, cn.getBytes(StandardCharsets.UTF_8)))));
  }

  private static byte[] time(Instant t) {
    String s = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC).format(t);
    return tlv(0x17, s.getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] oid(String dotted) {
    String[] p = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    base128(out, Long.parseLong(p[0]) * 40 + Long.parseLong(p[1]));
    for (int i = 2; i < p.length; i++) {
      base128(out, Long.parseLong(p[i]));
    }
    return tlv(0x06, out.toByteArray());
  }

  private static void base128(ByteArrayOutputStream out, long v) {
    int groups = 1;
    for (long t = v >>> 7; t != 0; t >>>= 7) {
      groups++;
    }
    for (int g = groups - 1; g >= 0; g--) {
      int b = (int) ((v >>> (7 * g)) & 0x7F);
      out.write(g == 0 ? b : b | 0x80);
    }
  }

  static byte[] seq(byte[]... parts) {
    return tlv(0x30, parts);
  }

  /** A value from single bytes. */
  static byte[] prim(int tag, byte... content) {
    return tlv(tag, new byte[][] {content});
  }

  static byte[] tlv(int tag, byte[]... parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      body.writeBytes(p);
    }
    byte[] b = body.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    if (b.length < 0x80) {
      out.write(b.length);
    } else if (b.length < 0x100) {
      out.write(0x81);
      out.write(b.length);
    } else {
      out.write(0x82);
      out.write(b.length >> 8);
      out.write(b.length);
    }
    out.writeBytes(b);
    return out.toByteArray();
  }

  // ---- PEM ----------------------------------------------------------------------------------------------

  public static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }

  static byte[] der(X509Certificate c) {
    try {
      return c.getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An RSA key as PKCS#1 ({@code RSA PRIVATE KEY}, what {@code openssl genrsa -traditional} writes). */
  public static String pkcs1Pem(PrivateKey rsa) {
    return pem("RSA PRIVATE KEY", innerKey(rsa.getEncoded()));
  }

  /** An EC P-256 key as SEC1 with its curve ({@code EC PRIVATE KEY}, what {@code openssl ecparam -genkey} writes). */
  public static String sec1Pem(PrivateKey ec) {
    byte[] inner = innerKey(ec.getEncoded()); // SEQUENCE { 1, OCTET STRING d } as the JDK writes it
    byte[] content = contentOf(inner);
    byte[] withCurve = tlv(0x30, content, tlv(0xA0, oid("1.2.840.10045.3.1.7")));
    return pem("EC PRIVATE KEY", withCurve);
  }

  /** The OCTET STRING of a PKCS#8 PrivateKeyInfo: the algorithm's own key structure. */
  private static byte[] innerKey(byte[] pkcs8) {
    byte[] info = contentOf(pkcs8);
    int pos = 0;
    pos += totalLength(info, pos); // version
    pos += totalLength(info, pos); // algorithm
    return contentOf(java.util.Arrays.copyOfRange(info, pos, pos + totalLength(info, pos)));
  }

  private static byte[] contentOf(byte[] tlv) {
    int header = headerLength(tlv, 0);
    return java.util.Arrays.copyOfRange(tlv, header, totalLength(tlv, 0));
  }

  private static int headerLength(byte[] b, int pos) {
    int first = b[pos + 1] & 0xFF;
    return first < 0x80 ? 2 : 2 + (first & 0x7F);
  }

  private static int totalLength(byte[] b, int pos) {
    int first = b[pos + 1] & 0xFF;
    if (first < 0x80) {
      return 2 + first;
    }
    int n = first & 0x7F;
    int len = 0;
    for (int i = 0; i < n; i++) {
      len = (len << 8) | (b[pos + 2 + i] & 0xFF);
    }
    return 2 + n + len;
  }

  // ---- clients ------------------------------------------------------------------------------------------

  /**
   * An SSL context trusting {@code ca}, presenting {@code client} if given: always, whatever CAs the server names,
   * so tests see the server's verdict on the certificate rather than the client declining to send it.
   */
  public static SSLContext clientContext(Issued ca, Issued client) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", ca.cert());
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      KeyManagerFactory kmf = null;
      if (client != null) {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("client", client.keys().getPrivate(), new char[0], new X509Certificate[] {client.cert()});
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      javax.net.ssl.KeyManager[] km = null;
      if (kmf != null) {
        javax.net.ssl.X509ExtendedKeyManager inner = (javax.net.ssl.X509ExtendedKeyManager) kmf.getKeyManagers()[0];
        String alias = inner.getClientAliases(client.keys().getPrivate().getAlgorithm(), null)[0];
        km = new javax.net.ssl.KeyManager[] {new AlwaysPresent(inner, alias)};
      }
      ctx.init(km, tmf.getTrustManagers(), null);
      return ctx;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A client key manager that offers its one certificate to any server. */
  private static final class AlwaysPresent extends javax.net.ssl.X509ExtendedKeyManager {
    private final javax.net.ssl.X509ExtendedKeyManager inner;
    private final String alias;

    AlwaysPresent(javax.net.ssl.X509ExtendedKeyManager inner, String alias) {
      this.inner = inner;
      this.alias = alias;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, java.security.Principal[] issuers,
        javax.net.ssl.SSLEngine engine) {
      return alias;
    }

    @Override
    public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, java.net.Socket socket) {
      return alias;
    }

    @Override
    public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
      return new String[] {alias};
    }

    @Override
    public X509Certificate[] getCertificateChain(String a) {
      return inner.getCertificateChain(a);
    }

    @Override
    public PrivateKey getPrivateKey(String a) {
      return inner.getPrivateKey(a);
    }

    @Override
    public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, java.security.Principal[] issuers, java.net.Socket socket) {
      return null;
    }
  }
}
