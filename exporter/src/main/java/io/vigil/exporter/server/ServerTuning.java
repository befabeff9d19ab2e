package io.vigil.exporter.server;

import io.vigil.exporter.config.WebSettings;

/**
 * JDK {@code HttpServer} settings that exist only as system properties, read once when its classes load: TCP_NODELAY
 * (keep-alive scrapes otherwise pay ~45 ms of Nagle delay each), and the request/response time limits that stop a
 * slow or stalled client from holding a worker. Explicit {@code -D} settings win.
 */
final class ServerTuning {

  private ServerTuning() {}

  static void apply(WebSettings web) {
    setIfAbsent("sun.net.httpserver.nodelay", "true");
    setIfAbsent("sun.net.httpserver.maxReqTime", Long.toString(Math.max(1, web.requestTimeout().toSeconds())));
    setIfAbsent("sun.net.httpserver.maxRspTime", Long.toString(Math.max(1, web.responseTimeout().toSeconds())));
    setIfAbsent("sun.net.httpserver.maxReqHeaders", "100");
    setIfAbsent("sun.net.httpserver.idleInterval", "90");
    setIfAbsent("jdk.httpserver.maxConnections", "512");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
