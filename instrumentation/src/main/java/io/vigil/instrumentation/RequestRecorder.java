package io.vigil.instrumentation;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Times every request that reaches Javalin's servlet context, as a Jetty handler placed in front of the servlet.
 *
 * <p>Why at the Jetty level and not in Javalin before/after handlers: Jetty calls the request's callback exactly
 * once, after the last byte of the response was written, also for async handlers, timeouts and exceptions; so the
 * active-requests gauge cannot drift, the duration includes writing the response, and Jetty counts the body bytes.
 * Only the matched route template is Javalin's to know: an after-handler ({@link #captureRoute}, which Javalin runs
 * even when a handler threw) leaves it on the request's {@link Exchange}.
 *
 * <p>Every recording step is guarded: a failure increments {@code vigil_instrumentation_failures_total} and the
 * request goes on untouched. Thread-safe: per-request state lives in the {@link Exchange}.
 */
final class RequestRecorder extends Handler.Wrapper {

  static final String EXCHANGE_ATTRIBUTE = RequestRecorder.class.getName() + ".exchange";
  private static final String TRACEPARENT = "traceparent";

  private final HttpServerMetrics metrics;

  RequestRecorder(HttpServerMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Exchange exchange = begin(request, response);
    if (exchange == null) {
      return super.handle(request, response, callback);
    }
    boolean handled;
    try {
      handled = super.handle(request, response, new RecordingCallback(callback, exchange, request, response));
    } catch (Throwable t) {
      // Jetty answers a throwing handler with a 500 through its own callback, never ours.
      exchange.finish(request, response, 500);
      throw t;
    }
    if (!handled) {
      exchange.abandon();
    }
    return handled;
  }

  /** Javalin after-handler: remembers the matched route template on the request's exchange. */
  static void captureRoute(Context ctx) {
    Object attribute = ctx.req().getAttribute(EXCHANGE_ATTRIBUTE);
    if (attribute instanceof Exchange exchange) {
      try {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        exchange.route = endpoint == null ? null : endpoint.path;
      } catch (RuntimeException e) {
        exchange.metrics.failed();
      }
    }
  }

  private Exchange begin(Request request, Response response) {
    try {
      String method = metrics.method(request.getMethod());
      TraceParent trace = TraceParent.parse(request.getHeaders().get(TRACEPARENT)).orElse(null);
      if (trace == null && metrics.createTraceIds()) {
        trace = TraceParent.random();
        response.getHeaders().put(TRACEPARENT, trace.toHeader());
      }
      Exchange exchange = new Exchange(metrics, method, request.getHeadersNanoTime(), trace);
      request.setAttribute(EXCHANGE_ATTRIBUTE, exchange);
      if (trace != null) {
        request.setAttribute(TraceParent.REQUEST_ATTRIBUTE, trace);
      }
      metrics.started(method);
      return exchange;
    } catch (RuntimeException e) {
      metrics.failed();
      return null;
    }
  }

  /** One request in flight. {@link #route} is written by the Javalin thread, read when Jetty completes. */
  static final class Exchange {
    private final HttpServerMetrics metrics;
    private final String method;
    private final long startNanos;
    private final TraceParent trace;
    private final AtomicBoolean done = new AtomicBoolean();
    volatile String route;

    Exchange(HttpServerMetrics metrics, String method, long startNanos, TraceParent trace) {
      this.metrics = metrics;
      this.method = method;
      this.startNanos = startNanos;
      this.trace = trace;
    }

    /** Records the request once, whichever of callback or exception gets here first. */
    void finish(Request request, Response response, int statusOverride) {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      try {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        int status = statusOverride > 0 ? statusOverride : response.getStatus();
        String template = route;
        if (!metrics.excluded(template)) {
          long requestBytes = request.getLength();
          if (requestBytes < 0) {
            requestBytes = Request.getContentBytesRead(request);
          }
          metrics.record(method, metrics.route(template, status), HttpServerMetrics.status(status), seconds,
              requestBytes, Response.getContentBytesWritten(response), trace);
        }
      } catch (RuntimeException e) {
        metrics.failed();
      } finally {
        finished();
      }
    }

    /** A request the servlet context did not handle (outside its context path): not recorded. */
    void abandon() {
      if (done.compareAndSet(false, true)) {
        finished();
      }
    }

    private void finished() {
      try {
        metrics.finished(method);
      } catch (RuntimeException e) {
        metrics.failed();
      }
    }
  }

  /** Records the exchange, then completes Jetty's callback; keeps the wrapped callback's invocation type. */
  private static final class RecordingCallback implements Callback {
    private final Callback delegate;
    private final Exchange exchange;
    private final Request request;
    private final Response response;

    RecordingCallback(Callback delegate, Exchange exchange, Request request, Response response) {
      this.delegate = delegate;
      this.exchange = exchange;
      this.request = request;
      this.response = response;
    }

    @Override
    public void succeeded() {
      exchange.finish(request, response, 0);
      delegate.succeeded();
    }

    @Override
    public void failed(Throwable cause) {
      // Jetty answers a failed, uncommitted response with a 500; a committed one keeps its status.
      exchange.finish(request, response, response.isCommitted() ? 0 : 500);
      delegate.failed(cause);
    }

    @Override
    public InvocationType getInvocationType() {
      return delegate.getInvocationType();
    }
  }
}
