package io.vigil.bench.harness;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * A minimal HTTP/1.1 keep-alive client that scrapes like Prometheus 2.42 (REFERENCE.md §2: OpenMetrics Accept, gzip,
 * the scrape-timeout header). Hand-written rather than {@code java.net.http} so the client's own cost per scrape is
 * small and the same for both servers: one reused socket, one reused body buffer, no decompression in timed loops.
 *
 * <p>Thread safety: one thread per instance.
 */
final class HttpScraper implements AutoCloseable {

  static final String ACCEPT =
      "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
          + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

  /** Result of one scrape: status, wire bytes of the body, and its content encoding (null when identity). */
  record Response(int status, int bodyBytes, String contentEncoding, String contentType) {}

  private final String host;
  private final int port;
  private final byte[] request;
  private final int timeoutMillis;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private byte[] body = new byte[64 * 1024];

  /**
   * @param gzip whether to send {@code Accept-Encoding: gzip}
   * @param scrapeTimeoutSeconds the value of {@code X-Prometheus-Scrape-Timeout-Seconds}
   */
  HttpScraper(String host, int port, String path, boolean gzip, int scrapeTimeoutSeconds) {
    this(host, port, path, ACCEPT, gzip, scrapeTimeoutSeconds);
  }

  /** As Prometheus scrapes, but with another {@code Accept} header (the family check asks both for text 0.0.4). */
  HttpScraper(String host, int port, String path, String accept, boolean gzip, int scrapeTimeoutSeconds) {
    this.host = host;
    this.port = port;
    this.timeoutMillis = scrapeTimeoutSeconds * 1000 + 5000;
    this.request =
        ("GET " + path + " HTTP/1.1\r\n"
                + "Host: " + host + ":" + port + "\r\n"
                + "User-Agent: Prometheus/2.42.0+ds\r\n"
                + "Accept: " + accept + "\r\n"
                + (gzip ? "Accept-Encoding: gzip\r\n" : "")
                + "X-Prometheus-Scrape-Timeout-Seconds: " + scrapeTimeoutSeconds + "\r\n"
                + "\r\n")
            .getBytes(StandardCharsets.US_ASCII);
  }

  /** One scrape on the kept-alive connection (opened on first use and after the server closed it). */
  Response scrape() throws IOException {
    if (socket == null) {
      connect();
    }
    try {
      return exchange();
    } catch (IOException e) {
      // The server may close an idle keep-alive connection between two scrapes: retry once on a fresh one.
      close();
      connect();
      return exchange();
    }
  }

  /** The body of the last response, decoded (gunzipped when needed) to text. */
  String lastBodyText(Response r) throws IOException {
    if ("gzip".equalsIgnoreCase(r.contentEncoding())) {
      try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(body, 0, r.bodyBytes()))) {
        return new String(gz.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return new String(body, 0, r.bodyBytes(), StandardCharsets.UTF_8);
  }

  private void connect() throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.setSoTimeout(timeoutMillis);
    s.connect(new InetSocketAddress(host, port), timeoutMillis);
    socket = s;
    in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
    out = s.getOutputStream();
  }

  private Response exchange() throws IOException {
    out.write(request);
    out.flush();
    String status = line();
    if (status == null || !status.startsWith("HTTP/1.")) {
      throw new IOException("bad status line: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    String encoding = null;
    String type = null;
    for (String h = line(); h != null && !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> close = value.equalsIgnoreCase("close");
        case "content-encoding" -> encoding = value;
        case "content-type" -> type = value;
        default -> { }
      }
    }
    int n;
    if (chunked) {
      n = readChunked();
    } else if (length >= 0) {
      n = readFixed((int) length);
    } else {
      n = readToEnd();
      close = true;
    }
    if (close) {
      close();
    }
    return new Response(code, n, encoding, type);
  }

  private int readFixed(int length) throws IOException {
    ensure(length);
    int off = 0;
    while (off < length) {
      int r = in.read(body, off, length - off);
      if (r < 0) {
        throw new IOException("connection closed after " + off + " of " + length + " body bytes");
      }
      off += r;
    }
    return length;
  }

  private int readChunked() throws IOException {
    int total = 0;
    while (true) {
      String sizeLine = line();
      if (sizeLine == null) {
        throw new IOException("connection closed in chunked body");
      }
      int semi = sizeLine.indexOf(';');
      int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
      if (size == 0) {
        for (String t = line(); t != null && !t.isEmpty(); t = line()) {
          // trailers: none expected
        }
        return total;
      }
      ensure(total + size);
      int off = 0;
      while (off < size) {
        int r = in.read(body, total + off, size - off);
        if (r < 0) {
          throw new IOException("connection closed in chunk");
        }
        off += r;
      }
      total += size;
      line(); // CRLF after the chunk
    }
  }

  private int readToEnd() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    byte[] bytes = all.toByteArray();
    ensure(bytes.length);
    System.arraycopy(bytes, 0, body, 0, bytes.length);
    return bytes.length;
  }

  private void ensure(int capacity) {
    if (body.length < capacity) {
      body = Arrays.copyOf(body, Math.max(capacity, body.length * 2));
    }
  }

  /** One header line without CRLF; null at end of stream. */
  private String line() throws IOException {
    StringBuilder b = new StringBuilder(64);
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        int len = b.length();
        if (len > 0 && b.charAt(len - 1) == '\r') {
          b.setLength(len - 1);
        }
        return b.toString();
      }
      b.append((char) c);
    }
    return b.length() == 0 ? null : b.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
    }
  }
}
