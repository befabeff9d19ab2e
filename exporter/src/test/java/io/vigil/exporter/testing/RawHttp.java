package io.vigil.exporter.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * HTTP/1.1 over a plain or TLS socket, written by hand: exact control over what is sent (bad requests, pipelining,
 * client certificates, TLS versions) and no client library threads left behind.
 */
public final class RawHttp {

  private RawHttp() {}

  /** A response: status code, headers (lower-case names), body. */
  public record Response(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  public static Socket connect(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    s.setSoTimeout(10_000);
    return s;
  }

  /** A TLS socket whose handshake has completed. */
  public static SSLSocket connectTls(SSLContext ctx, int port) throws IOException {
    SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    s.setSoTimeout(10_000);
    s.startHandshake();
    return s;
  }

  /** GET over a new plain connection. */
  public static Response get(int port, String path, String... headers) throws IOException {
    try (Socket s = connect(port)) {
      return exchange(s, "GET", path, headers);
    }
  }

  /** GET over a new TLS connection. */
  public static Response getTls(SSLContext ctx, int port, String path, String... headers) throws IOException {
    try (SSLSocket s = connectTls(ctx, port)) {
      return exchange(s, "GET", path, headers);
    }
  }

  /** Sends one request on {@code s} and reads its response. */
  public static Response exchange(Socket s, String method, String path, String... headers) throws IOException {
    StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (int i = 0; i < headers.length; i += 2) {
      req.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    if (method.equals("POST") || method.equals("PUT")) {
      req.append("Content-Length: 0\r\n");
    }
    req.append("\r\n");
    s.getOutputStream().write(req.toString().getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return read(s.getInputStream(), method.equals("HEAD"));
  }

  /** Reads one response (status line, headers, a Content-Length or chunked body). */
  public static Response read(InputStream in, boolean head) throws IOException {
    String statusLine = line(in);
    if (statusLine == null) {
      throw new IOException("connection closed before a response");
    }
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("not an HTTP response: " + statusLine);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
      int colon = l.indexOf(':');
      headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
    }
    byte[] body = new byte[0];
    if (!head) {
      if (headers.containsKey("content-length")) {
        int n = Integer.parseInt(headers.get("content-length"));
        body = in.readNBytes(n);
      } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int n = Integer.parseInt(line(in).trim(), 16); n > 0; n = Integer.parseInt(line(in).trim(), 16)) {
          out.write(in.readNBytes(n));
          line(in);
        }
        line(in);
        body = out.toByteArray();
      }
    }
    return new Response(Integer.parseInt(parts[1]), headers, new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        int len = b.length();
        return len > 0 && b.charAt(len - 1) == '\r' ? b.substring(0, len - 1) : b.toString();
      }
      b.append((char) c);
    }
    return b.length() == 0 ? null : b.toString();
  }

  /** {@code Authorization: Basic ...} for a user and password. */
  public static String basic(String user, String password) {
    return "Basic " + java.util.Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
