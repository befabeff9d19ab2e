package io.vigil.exporter.probe;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns probe results into blackbox_exporter's families (same names, help, types and labels). On {@code /probe} the
 * results carry no labels; on {@code /metrics} each carries {@code probe} and {@code target}.
 *
 * <p>Thread safety: stateless.
 */
public final class ProbeFamilies {

  private static final String[] PHASES = {"connect", "processing", "resolve", "tls", "transfer"};

  private ProbeFamilies() {}

  /** One result and the labels its series carry. */
  public record Labelled(Labels labels, ProbeResult result) {}

  public static List<MetricSnapshot> render(List<Labelled> results) {
    Map<String, GaugeSnapshot.Builder> families = new LinkedHashMap<>();
    for (Labelled l : results) {
      ProbeResult r = l.result();
      Labels base = l.labels();
      r.dnsLookupSeconds().ifPresent(v -> point(families, "probe_dns_lookup_time_seconds",
          "Returns the time taken for probe dns lookup in seconds", base, v));
      point(families, "probe_duration_seconds", "Returns how long the probe took to complete in seconds", base,
          r.durationSeconds());
      point(families, "probe_failed_due_to_regex", "Indicates if probe failed due to regex", base,
          r.failedDueToRegex() ? 1 : 0);
      r.http().ifPresent(h -> {
        point(families, "probe_http_content_length", "Length of http content response", base, h.contentLength());
        for (String phase : PHASES) {
          point(families, "probe_http_duration_seconds", "Duration of http request by phase, summed over all redirects",
              base.add("phase", phase), h.phases().getOrDefault(phase, 0.0));
        }
        point(families, "probe_http_redirects", "The number of redirects", base, h.redirects());
        point(families, "probe_http_ssl", "Indicates if SSL was used for the final redirect", base, h.ssl() ? 1 : 0);
        point(families, "probe_http_status_code", "Response HTTP status code", base, h.statusCode());
        point(families, "probe_http_uncompressed_body_length", "Length of uncompressed response body", base,
            h.bodyBytes());
        point(families, "probe_http_version", "Returns the version of HTTP of the probe response", base, h.version());
      });
      r.ipAddrHash().ifPresent(v -> point(families, "probe_ip_addr_hash",
          "Specifies the hash of IP address. It's useful to detect if the IP address changes.", base, v));
      r.ipProtocol().ifPresent(v -> point(families, "probe_ip_protocol",
          "Specifies whether probe ip protocol is IP4 or IP6", base, v));
      r.http().flatMap(ProbeResult.Http::tls).ifPresent(t -> {
        point(families, "probe_ssl_earliest_cert_expiry", "Returns last SSL chain expiry in unixtime", base,
            t.earliestCertExpiry());
        point(families, "probe_ssl_last_chain_expiry_timestamp_seconds",
            "Returns last SSL chain expiry in timestamp", base, t.lastChainExpiry());
        point(families, "probe_ssl_last_chain_info", "Contains SSL leaf certificate information",
            base.merge(Labels.of("fingerprint_sha256", t.fingerprintSha256(), "issuer", t.issuer(), "subject",
                t.subject(), "subjectalternative", t.subjectAlternative())), 1);
      });
      point(families, "probe_success", "Displays whether or not the probe was a success", base,
          r.success() ? 1 : 0);
      r.http().flatMap(ProbeResult.Http::tls).ifPresent(t -> point(families, "probe_tls_version_info",
          "Returns the TLS version used or NaN when unknown", base.add("version", t.version()), 1));
    }
    List<MetricSnapshot> out = new ArrayList<>(families.size());
    families.values().forEach(b -> out.add(b.build()));
    return out;
  }

  private static void point(
      Map<String, GaugeSnapshot.Builder> families, String name, String help, Labels labels, double value) {
    families
        .computeIfAbsent(name, n -> GaugeSnapshot.builder().name(n).help(help))
        .dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(value).build());
  }
}
