package io.vigil.exporter.server;

import io.vigil.exporter.config.WebSettings;

/**
 * JDK {@code HttpServer} settings that exist only as system properties, read once when its classes load: TCP_NODELAY
 * (keep-alive scrapes otherwise pay ~45 ms of Nagle delay each), the request/response time limits that stop a slow or
 * stalled client from holding a worker, the limits on request header count and size (request line included; larger
 * requests are refused before they are buffered), and the cap on open connections (more are closed on accept).
 * Explicit {@code -D} settings win.
 */
final class ServerTuning {

  /** Request headers per request. */
  static final int MAX_REQUEST_HEADERS = 100;
  /** Bytes of request line and headers per request (Prometheus sends ~400). */
  static final int MAX_REQUEST_HEADER_BYTES = 32 * 1024;
  /** Open connections at once; node_exporter has no cap, Prometheus needs one per scraping server. */
  static final int MAX_CONNECTIONS = 512;

  private ServerTuning() {}

  static void apply(WebSettings web) {
    setIfAbsent("sun.net.httpserver.nodelay", "true");
    setIfAbsent("sun.net.httpserver.maxReqTime", Long.toString(Math.max(1, web.requestTimeout().toSeconds())));
    setIfAbsent("sun.net.httpserver.maxRspTime", Long.toString(Math.max(1, web.responseTimeout().toSeconds())));
    setIfAbsent("sun.net.httpserver.maxReqHeaders", Integer.toString(MAX_REQUEST_HEADERS));
    setIfAbsent("sun.net.httpserver.maxReqHeaderSize", Integer.toString(MAX_REQUEST_HEADER_BYTES));
    setIfAbsent("sun.net.httpserver.idleInterval", "90");
    setIfAbsent("jdk.httpserver.maxConnections", Integer.toString(MAX_CONNECTIONS));
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
