package io.vigil.exporter.server.tls;

import io.vigil.exporter.config.ConfigException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * PEM certificates and private keys, in the forms Go's {@code tls.X509KeyPair} reads (and so node_exporter):
 * {@code CERTIFICATE} blocks, and unencrypted {@code PRIVATE KEY} (PKCS#8: RSA, EC, Ed25519, Ed448),
 * {@code RSA PRIVATE KEY} (PKCS#1) or {@code EC PRIVATE KEY} (SEC1) keys. Text outside the blocks is ignored, as
 * in Go. Every failure is a {@link ConfigException} naming the source.
 *
 * <p>Thread safety: stateless.
 */
public final class Pem {

  private static final String RSA_OID = "1.2.840.113549.1.1.1";
  private static final String EC_OID = "1.2.840.10045.2.1";
  private static final Map<String, String> KEY_ALGORITHMS =
      Map.of(
          RSA_OID, "RSA",
          "1.2.840.113549.1.1.10", "RSASSA-PSS",
          EC_OID, "EC",
          "1.3.101.112", "Ed25519",
          "1.3.101.113", "Ed448");

  private Pem() {}

  /** One PEM block: its label ({@code CERTIFICATE}), its header lines' presence, and its decoded bytes. */
  record Block(String label, boolean hasHeaders, byte[] der) {}

  /** The blocks of a PEM text, in order. */
  static List<Block> blocks(String source, String text) throws ConfigException {
    List<Block> out = new ArrayList<>();
    String[] lines = text.split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (!line.startsWith("-----BEGIN ") || !line.endsWith("-----") || line.length() < 16) {
        continue;
      }
      String label = line.substring(11, line.length() - 5);
      String end = "-----END " + label + "-----";
      StringBuilder body = new StringBuilder();
      boolean headers = false;
      int j = i + 1;
      for (; j < lines.length; j++) {
        String l = lines[j].strip();
        if (l.equals(end)) {
          break;
        }
        if (l.indexOf(':') >= 0) {
          headers = true;
          continue;
        }
        body.append(l);
      }
      if (j == lines.length) {
        throw new ConfigException(source + ": PEM block " + label + " has no END line");
      }
      byte[] der;
      try {
        der = Base64.getDecoder().decode(body.toString());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(source + ": PEM block " + label + " is not valid base64: " + e.getMessage());
      }
      out.add(new Block(label, headers, der));
      i = j;
    }
    return out;
  }

  /** Every {@code CERTIFICATE} block, in order; at least one. */
  public static List<X509Certificate> certificates(String source, String text) throws ConfigException {
    List<X509Certificate> certs = new ArrayList<>();
    CertificateFactory factory;
    try {
      factory = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("no X.509 support in this Java runtime", e);
    }
    for (Block b : blocks(source, text)) {
      if (!b.label().equals("CERTIFICATE")) {
        continue;
      }
      try {
        certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(b.der())));
      } catch (CertificateException | RuntimeException e) {
        // The JDK's parser reports some malformed encodings as runtime exceptions.
        throw new ConfigException(source + ": certificate " + (certs.size() + 1) + " cannot be parsed: "
            + describe(e));
      }
    }
    if (certs.isEmpty()) {
      throw new ConfigException(source + ": no PEM CERTIFICATE block found");
    }
    return List.copyOf(certs);
  }

  /** The one private key block (the first, as Go takes it). */
  public static PrivateKey privateKey(String source, String text) throws ConfigException {
    for (Block b : blocks(source, text)) {
      switch (b.label()) {
        case "PRIVATE KEY" -> {
          return pkcs8(source, b.der());
        }
        case "RSA PRIVATE KEY" -> {
          encryptedCheck(source, b);
          return decode(source, "RSA", pkcs8Of(RSA_OID, Der.encode(Der.NULL), b.der()));
        }
        case "EC PRIVATE KEY" -> {
          encryptedCheck(source, b);
          return decode(source, "EC", ecToPkcs8(source, b.der()));
        }
        case "ENCRYPTED PRIVATE KEY" ->
            throw new ConfigException(source + ": the private key is encrypted; node_exporter and Vigil read "
                + "unencrypted keys only (openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.plain)");
        default -> {
          // certificates or parameters (EC PARAMETERS) next to the key: not the key
        }
      }
    }
    throw new ConfigException(source + ": no PEM private key block found (expected PRIVATE KEY, RSA PRIVATE KEY "
        + "or EC PRIVATE KEY)");
  }

  private static void encryptedCheck(String source, Block b) throws ConfigException {
    if (b.hasHeaders()) {
      throw new ConfigException(source + ": the private key is encrypted (Proc-Type header); node_exporter and Vigil "
          + "read unencrypted keys only");
    }
  }

  private static PrivateKey pkcs8(String source, byte[] der) throws ConfigException {
    String oid;
    try {
      Der.Reader info = new Der.Reader(der).expect(Der.SEQUENCE, "PrivateKeyInfo").children();
      info.expect(Der.INTEGER, "version");
      Der.Reader alg = info.expect(Der.SEQUENCE, "AlgorithmIdentifier").children();
      oid = Der.oid(alg.expect(Der.OID, "algorithm").content());
    } catch (Der.DerException e) {
      throw new ConfigException(source + ": malformed PKCS#8 private key: " + e.getMessage());
    }
    String algorithm = KEY_ALGORITHMS.get(oid);
    if (algorithm == null) {
      throw new ConfigException(source + ": unsupported private key algorithm " + oid
          + " (expected RSA, EC, Ed25519 or Ed448)");
    }
    return decode(source, algorithm, der);
  }

  /** SEC1 {@code ECPrivateKey} (with its curve in {@code [0]}) wrapped as PKCS#8. */
  private static byte[] ecToPkcs8(String source, byte[] sec1) throws ConfigException {
    try {
      Der.Reader key = new Der.Reader(sec1).expect(Der.SEQUENCE, "ECPrivateKey").children();
      key.expect(Der.INTEGER, "version");
      key.expect(Der.OCTET_STRING, "privateKey");
      while (key.hasMore()) {
        Der.Value v = key.next();
        if (v.tag() == Der.CONTEXT_0) {
          Der.Value curve = v.children().expect(Der.OID, "named curve");
          return pkcs8Of(EC_OID, Der.reencode(curve), sec1);
        }
      }
    } catch (Der.DerException e) {
      throw new ConfigException(source + ": malformed EC PRIVATE KEY: " + e.getMessage());
    }
    throw new ConfigException(source + ": EC PRIVATE KEY names no curve (parameters [0] missing)");
  }

  private static byte[] pkcs8Of(String algorithmOid, byte[] parameters, byte[] privateKey) {
    return Der.encode(Der.SEQUENCE,
        Der.encode(Der.INTEGER, new byte[] {0}),
        Der.encode(Der.SEQUENCE, Der.encode(Der.OID, Der.oidContent(algorithmOid)), parameters),
        Der.encode(Der.OCTET_STRING, privateKey));
  }

  private static PrivateKey decode(String source, String algorithm, byte[] pkcs8) throws ConfigException {
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new ConfigException(source + ": " + algorithm + " private key cannot be read: " + describe(e));
    }
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Reads a text file or names why not. */
  static String read(java.nio.file.Path file, String what) throws ConfigException {
    try {
      // Latin-1 never fails to decode: a binary (DER) file then fails as "no PEM block" with a clear message.
      return new String(java.nio.file.Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ConfigException(file + ": " + what + ": no such file");
    } catch (java.io.IOException | RuntimeException e) {
      throw new ConfigException(file + ": " + what + ": cannot read: " + describe(e));
    }
  }
}
