package io.vigil.exporter.probe;

import io.vigil.exporter.config.ProbeConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * blackbox_exporter's {@code http} prober on plain sockets, so each phase can be timed:
 *
 * <ul>
 *   <li>{@code resolve}: the system resolver's lookup of the URL's host;
 *   <li>{@code connect}: TCP connection establishment;
 *   <li>{@code tls}: the TLS handshake (https only);
 *   <li>{@code processing}: from the request written to the first byte of the response (server think time);
 *   <li>{@code transfer}: from that first byte to the end of the body (or {@code max_body_bytes}).
 * </ul>
 *
 * Phases are summed over redirects, as blackbox_exporter does. The request is HTTP/1.1 with {@code Connection: close};
 * the body is read with {@code Content-Length}, chunked encoding or until the server closes. Success: a status in
 * {@code valid_status_codes} (2xx by default) and every body regex check passed. Every socket operation is bounded by
 * the deadline.
 *
 * <p>Thread safety: stateless; safe for concurrent probes.
 */
final class HttpProbe {

  /** Go's zero {@code time.Time} in Unix seconds: blackbox's last-chain expiry when no chain was verified. */
  static final double GO_ZERO_TIME = -62135596800.0;

  private static final int MAX_REDIRECTS = 10;
  private static final int MAX_HEADER_BYTES = 64 * 1024;

  private HttpProbe() {}

  static ProbeResult run(ProbeConfig.Module module, String target, long deadlineNanos) {
    long start = System.nanoTime();
    ProbeConfig.HttpOptions opts = module.http();
    Map<String, Double> phases = new HashMap<>(ProbeResult.zeroPhases());
    OptionalDouble dns = OptionalDouble.empty();
    OptionalInt protocol = OptionalInt.empty();
    OptionalDouble hash = OptionalDouble.empty();
    URI uri;
    try {
      uri = new URI(target);
    } catch (java.net.URISyntaxException e) {
      return ProbeResult.failed(0, true);
    }
    int redirects = 0;
    Response response = null;
    while (true) {
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!opts.allowedSchemes().contains(scheme) || uri.getHost() == null) {
        break; // a redirect to a scheme the module does not allow ends the probe unsuccessfully
      }
      boolean https = scheme.equals("https");
      Resolver.Resolved resolved;
      try {
        resolved = Resolver.resolve(uri.getHost(), module.preferIpv6());
      } catch (IOException e) {
        if (dns.isEmpty()) {
          dns = OptionalDouble.of(TcpProbe.seconds(start));
        }
        break;
      }
      add(phases, "resolve", resolved.seconds());
      if (dns.isEmpty()) {
        dns = OptionalDouble.of(resolved.seconds());
        protocol = OptionalInt.of(resolved.protocol());
        hash = OptionalDouble.of(resolved.hash());
      }
      try {
        response = exchange(uri, https, resolved, opts, deadlineNanos, phases);
      } catch (IOException | GeneralSecurityException | RuntimeException e) {
        // refused, reset, timed out, bad certificate, or a response that is not HTTP: the probe failed
        response = null;
        break;
      }
      if (opts.followRedirects() && isRedirect(response.status) && response.location != null
          && redirects < MAX_REDIRECTS) {
        try {
          uri = uri.resolve(new URI(response.location));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
          break;
        }
        redirects++;
        response = null;
        continue;
      }
      break;
    }
    if (response == null) {
      ProbeResult.Http http = new ProbeResult.Http(0, 0, 0, redirects, false, 0, phases, Optional.empty());
      return new ProbeResult(false, TcpProbe.seconds(start), dns, protocol, hash, false, Optional.of(http));
    }
    boolean statusOk = opts.validStatusCodes().isEmpty()
        ? response.status >= 200 && response.status < 300
        : opts.validStatusCodes().contains(response.status);
    boolean regexFailed = false;
    if (statusOk) {
      String body = new String(response.body, StandardCharsets.UTF_8);
      for (Pattern p : opts.failIfBodyNotMatches()) {
        regexFailed |= !p.matcher(body).find();
      }
      for (Pattern p : opts.failIfBodyMatches()) {
        regexFailed |= p.matcher(body).find();
      }
    }
    ProbeResult.Http http = new ProbeResult.Http(response.status, response.contentLength, response.body.length,
        redirects, response.tls.isPresent(), response.version, phases, response.tls);
    return new ProbeResult(statusOk && !regexFailed, TcpProbe.seconds(start), dns, protocol, hash, regexFailed,
        Optional.of(http));
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static void add(Map<String, Double> phases, String phase, double seconds) {
    phases.merge(phase, seconds, Double::sum);
  }

  /** One response, body capped. */
  private record Response(
      int status, double version, long contentLength, byte[] body, String location, Optional<ProbeResult.Tls> tls) {}

  private static Response exchange(
      URI uri,
      boolean https,
      Resolver.Resolved resolved,
      ProbeConfig.HttpOptions opts,
      long deadlineNanos,
      Map<String, Double> phases)
      throws IOException, GeneralSecurityException {
    int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
    Socket plain = new Socket();
    try (plain) {
      long t = System.nanoTime();
      plain.connect(new InetSocketAddress(resolved.address(), port), TcpProbe.remainingMillis(deadlineNanos));
      add(phases, "connect", TcpProbe.seconds(t));
      plain.setSoTimeout(TcpProbe.remainingMillis(deadlineNanos));
      Socket socket = plain;
      Optional<ProbeResult.Tls> tls = Optional.empty();
      if (https) {
        SSLSocket ssl = (SSLSocket) factory(opts.tlsVerify()).createSocket(plain, uri.getHost(), port, true);
        socket = ssl;
        if (opts.tlsVerify()) {
          SSLParameters params = ssl.getSSLParameters();
          params.setEndpointIdentificationAlgorithm("HTTPS");
          ssl.setSSLParameters(params);
        }
        t = System.nanoTime();
        ssl.startHandshake();
        add(phases, "tls", TcpProbe.seconds(t));
        tls = Optional.of(tlsFacts(ssl.getSession(), opts.tlsVerify()));
      }
      try (Socket s = socket) {
        OutputStream out = s.getOutputStream();
        out.write(request(uri, port, https, opts).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        long wrote = System.nanoTime();
        InputStream in = new java.io.BufferedInputStream(s.getInputStream(), 8192);
        int first = in.read();
        if (first < 0) {
          throw new IOException("connection closed before a response");
        }
        long firstByte = System.nanoTime();
        add(phases, "processing", (firstByte - wrote) / 1e9);
        List<String> head = readHead(first, in);
        String[] statusLine = head.get(0).split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
          throw new IOException("not an HTTP response: " + head.get(0));
        }
        int status = Integer.parseInt(statusLine[1]);
        double version = Double.parseDouble(statusLine[0].substring(5));
        Map<String, String> headers = new HashMap<>();
        for (String h : head.subList(1, head.size())) {
          int colon = h.indexOf(':');
          if (colon > 0) {
            headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
          }
        }
        long contentLength = -1;
        if (headers.containsKey("content-length")) {
          contentLength = Long.parseLong(headers.get("content-length"));
        }
        byte[] body = new byte[0];
        boolean noBody = opts.method().equals("HEAD") || status == 204 || status == 304 || status / 100 == 1;
        if (!noBody) {
          body = readBody(in, headers, contentLength, opts.maxBodyBytes());
        }
        add(phases, "transfer", TcpProbe.seconds(firstByte));
        return new Response(status, version, contentLength, body, headers.get("location"), tls);
      }
    }
  }

  private static String request(URI uri, int port, boolean https, ProbeConfig.HttpOptions opts) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    boolean defaultPort = port == (https ? 443 : 80);
    String host = uri.getHost() + (defaultPort ? "" : ":" + port);
    StringBuilder b = new StringBuilder(256);
    b.append(opts.method()).append(' ').append(path).append(" HTTP/1.1\r\n");
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    headers.put("Host", host);
    headers.put("User-Agent", "Vigil-Probe/1.0");
    headers.put("Accept", "*/*");
    opts.headers().forEach((k, v) -> {
      headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(k));
      headers.put(k, v);
    });
    headers.put("Connection", "close");
    headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
    return b.append("\r\n").toString();
  }

  private static List<String> readHead(int first, InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int total = 0;
    int c = first;
    while (true) {
      if (c < 0) {
        throw new IOException("connection closed in the response head");
      }
      if (++total > MAX_HEADER_BYTES) {
        throw new IOException("response head larger than " + MAX_HEADER_BYTES + " bytes");
      }
      if (c == '\n') {
        String s = line.toString(StandardCharsets.ISO_8859_1);
        if (s.endsWith("\r")) {
          s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
          if (lines.isEmpty()) {
            throw new IOException("empty status line");
          }
          return lines;
        }
        lines.add(s);
        line.reset();
      } else {
        line.write(c);
      }
      c = in.read();
    }
  }

  private static byte[] readBody(InputStream in, Map<String, String> headers, long contentLength, int max)
      throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(max, 16 * 1024));
    if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
      while (body.size() < max) {
        String sizeLine = readLine(in);
        int semi = sizeLine.indexOf(';');
        int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
        if (size == 0) {
          break;
        }
        copy(in, body, size, max);
        readLine(in); // CRLF after the chunk
      }
      return body.toByteArray();
    }
    long limit = contentLength >= 0 ? contentLength : Long.MAX_VALUE;
    copy(in, body, limit, max);
    return body.toByteArray();
  }

  private static void copy(InputStream in, ByteArrayOutputStream out, long count, int max) throws IOException {
    byte[] buf = new byte[8192];
    long left = count;
    while (left > 0 && out.size() < max) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, Math.min(left, max - out.size())));
      if (n < 0) {
        return;
      }
      out.write(buf, 0, n);
      left -= n;
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (b.length() > 1024) {
        throw new IOException("chunk line too long");
      }
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  private static ProbeResult.Tls tlsFacts(SSLSession session, boolean verified)
      throws GeneralSecurityException, IOException {
    Certificate[] chain = session.getPeerCertificates();
    double earliest = Double.MAX_VALUE;
    for (Certificate c : chain) {
      if (c instanceof X509Certificate x) {
        earliest = Math.min(earliest, x.getNotAfter().getTime() / 1000.0);
      }
    }
    X509Certificate leaf = (X509Certificate) chain[0];
    String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded()));
    List<String> dnsNames = new ArrayList<>();
    try {
      if (leaf.getSubjectAlternativeNames() != null) {
        for (List<?> san : leaf.getSubjectAlternativeNames()) {
          if (Integer.valueOf(2).equals(san.get(0))) {
            dnsNames.add(String.valueOf(san.get(1)));
          }
        }
      }
    } catch (CertificateParsingException ignored) {
      // a certificate with unparsable SANs is still reported, with none
    }
    String protocol = session.getProtocol().replace("TLSv", "TLS ");
    return new ProbeResult.Tls(
        earliest,
        verified ? earliest : GO_ZERO_TIME,
        protocol,
        fingerprint,
        leaf.getSubjectX500Principal().getName(),
        leaf.getIssuerX500Principal().getName(),
        String.join(",", dnsNames));
  }

  private static SSLSocketFactory factory(boolean verify) throws GeneralSecurityException {
    if (verify) {
      return (SSLSocketFactory) SSLSocketFactory.getDefault();
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new TrustEverything()}, null);
    return context.getSocketFactory();
  }

  /** {@code tls_verify: false}: any certificate is accepted (blackbox's {@code insecure_skip_verify}). */
  private static final class TrustEverything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      // not a server
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      // deliberately trusting: the module asked not to verify
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
