package io.vigil.e2e;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS server on loopback with a self-signed certificate for 127.0.0.1 (made with the JDK's keytool, valid 30
 * days), answering 200 "ok" on every path: the e2e stack's probe target for the TLS and certificate panels.
 */
final class TlsTarget implements AutoCloseable {

  private final HttpsServer server;

  private TlsTarget(HttpsServer server) {
    this.server = server;
  }

  static TlsTarget start(Path dir) {
    try {
      Path keystore = dir.resolve("tls-target.p12");
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      Process kt = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keyalg", "RSA", "-keysize", "2048",
          "-alias", "target", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30",
          "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit", "-storetype", "PKCS12")
          .redirectErrorStream(true).start();
      String out = new String(kt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!kt.waitFor(60, TimeUnit.SECONDS) || kt.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + out);
      }
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        ks.load(in, "changeit".toCharArray());
      }
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, "changeit".toCharArray());
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(kmf.getKeyManagers(), null, null);
      HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
      server.setHttpsConfigurator(new HttpsConfigurator(ssl));
      server.createContext("/", ex -> {
        try (ex) {
          byte[] body = "ok\n".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
        }
      });
      server.start();
      return new TlsTarget(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
