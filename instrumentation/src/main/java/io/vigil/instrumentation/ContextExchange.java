package io.vigil.instrumentation;

import io.javalin.http.Context;
import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Enumeration;

/**
 * client_java's scrape exchange over a Javalin {@link Context}, so that exporter-common's
 * {@code PrometheusScrapeHandler} serves the registry from a Javalin route with its content negotiation (text,
 * OpenMetrics, protobuf), gzip and {@code name[]} filtering. The body goes straight to the servlet output stream,
 * past Javalin's result and compression. One instance per request; not thread-safe.
 */
final class ContextExchange implements PrometheusHttpExchange, PrometheusHttpRequest, PrometheusHttpResponse {

  private final Context ctx;

  ContextExchange(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public PrometheusHttpRequest getRequest() {
    return this;
  }

  @Override
  public PrometheusHttpResponse getResponse() {
    return this;
  }

  @Override
  public String getQueryString() {
    return ctx.queryString();
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    return ctx.req().getHeaders(name);
  }

  @Override
  public String getMethod() {
    return ctx.req().getMethod();
  }

  @Override
  public String getRequestPath() {
    return ctx.req().getRequestURI();
  }

  @Override
  public void setHeader(String name, String value) {
    ctx.res().setHeader(name, value);
  }

  @Override
  public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength) throws IOException {
    ctx.status(statusCode);
    if (contentLength > 0) {
      ctx.res().setContentLength(contentLength);
    }
    return ctx.res().getOutputStream();
  }

  @Override
  public void handleException(IOException e) throws IOException {
    throw e;
  }

  @Override
  public void handleException(RuntimeException e) {
    throw e;
  }

  @Override
  public void close() {
    // Nothing to release: the servlet container completes the response when the handler returns.
  }
}
