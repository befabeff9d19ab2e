package io.vigil.exporter.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Local probe targets on loopback: an HTTP server ({@code /} 200 "hello vigil", {@code /missing} 404,
 * {@code /redirect} 302 to {@code /}, {@code /chunked} a chunked 200), the same over HTTPS with a self-signed
 * certificate for {@code localhost} and 127.0.0.1 (made with the JDK's keytool), a TCP listener, and a closed port.
 */
public final class ProbeTargetsFixture implements AutoCloseable {

  private final HttpServer http;
  private final HttpsServer https;
  private final ServerSocket tcp;
  private final int closedPort;
  private final Path keystore;

  private ProbeTargetsFixture(HttpServer http, HttpsServer https, ServerSocket tcp, int closedPort, Path keystore) {
    this.http = http;
    this.https = https;
    this.tcp = tcp;
    this.closedPort = closedPort;
    this.keystore = keystore;
  }

  public static ProbeTargetsFixture start() throws Exception {
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    HttpServer http = HttpServer.create(new InetSocketAddress(lo, 0), 16);
    routes(http);
    http.start();
    Path keystore = Files.createTempFile("probe-target", ".p12");
    Files.delete(keystore);
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process kt = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keyalg", "RSA", "-keysize", "2048",
        "-alias", "probe", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30",
        "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit", "-storetype", "PKCS12")
        .redirectErrorStream(true).start();
    String ktOut = new String(kt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!kt.waitFor(30, TimeUnit.SECONDS) || kt.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + ktOut);
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    HttpsServer https = HttpsServer.create(new InetSocketAddress(lo, 0), 16);
    https.setHttpsConfigurator(new HttpsConfigurator(ssl));
    routes(https);
    https.start();
    ServerSocket tcp = new ServerSocket(0, 16, lo);
    Thread acceptor = new Thread(() -> {
      while (!tcp.isClosed()) {
        try (Socket s = tcp.accept()) {
          s.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException closed) {
          return;
        }
      }
    }, "probe-tcp-target");
    acceptor.setDaemon(true);
    acceptor.start();
    int closed = NodeExporterProcess.freePort();
    return new ProbeTargetsFixture(http, https, tcp, closed, keystore);
  }

  private static void routes(HttpServer server) {
    server.createContext("/", ex -> {
      try (ex) {
        switch (ex.getRequestURI().getPath()) {
          case "/" -> send(ex, 200, "hello vigil\n");
          case "/redirect" -> {
            ex.getResponseHeaders().set("Location", "/");
            ex.sendResponseHeaders(302, -1);
          }
          case "/chunked" -> {
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write("part one, ".getBytes(StandardCharsets.UTF_8));
            ex.getResponseBody().flush();
            ex.getResponseBody().write("part two\n".getBytes(StandardCharsets.UTF_8));
          }
          default -> send(ex, 404, "no such page\n");
        }
      }
    });
  }

  private static void send(HttpExchange ex, int status, String body) throws java.io.IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  public String httpUrl(String path) {
    return "http://127.0.0.1:" + http.getAddress().getPort() + path;
  }

  public String httpsUrl(String path) {
    return "https://127.0.0.1:" + https.getAddress().getPort() + path;
  }

  public String tcpTarget() {
    return "127.0.0.1:" + tcp.getLocalPort();
  }

  public int closedPort() {
    return closedPort;
  }

  @Override
  public void close() throws Exception {
    http.stop(0);
    https.stop(0);
    tcp.close();
    Files.deleteIfExists(keystore);
  }
}
