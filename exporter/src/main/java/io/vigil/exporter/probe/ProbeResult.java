package io.vigil.exporter.probe;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What one probe measured, in blackbox_exporter's terms. Absent values are not exported (a name that did not
 * resolve has no {@code probe_ip_protocol}).
 *
 * @param success the probe succeeded
 * @param durationSeconds the whole probe
 * @param dnsLookupSeconds the first name resolution
 * @param ipProtocol 4 or 6, once resolved
 * @param ipAddrHash FNV-1a (32 bit) of the address bytes, once resolved (blackbox's {@code probe_ip_addr_hash})
 * @param failedDueToRegex a body regex check failed
 * @param http HTTP details for the HTTP prober
 */
public record ProbeResult(
    boolean success,
    double durationSeconds,
    OptionalDouble dnsLookupSeconds,
    OptionalInt ipProtocol,
    OptionalDouble ipAddrHash,
    boolean failedDueToRegex,
    Optional<Http> http) {

  /**
   * HTTP details.
   *
   * @param statusCode status of the last response, 0 when none arrived
   * @param contentLength its Content-Length, -1 when not given, 0 when no response
   * @param bodyBytes body bytes read
   * @param redirects redirects followed
   * @param ssl the last request used TLS
   * @param version HTTP version of the response (1.1, 1), 0 when none
   * @param phases seconds by phase: resolve, connect, tls, processing, transfer (summed over redirects)
   * @param tls certificate facts of the last TLS connection
   */
  public record Http(
      int statusCode,
      long contentLength,
      long bodyBytes,
      int redirects,
      boolean ssl,
      double version,
      Map<String, Double> phases,
      Optional<Tls> tls) {
    public Http {
      phases = Map.copyOf(phases);
    }
  }

  /**
   * TLS facts.
   *
   * @param earliestCertExpiry earliest {@code notAfter} of the certificates the server sent, epoch seconds
   * @param lastChainExpiry earliest expiry of the verified chain; Go's zero time (-62135596800) when not verified,
   *     as blackbox_exporter reports it
   * @param version e.g. {@code TLS 1.3}
   * @param fingerprintSha256 of the leaf certificate, lower-case hex
   * @param subject leaf subject (RFC 2253)
   * @param issuer leaf issuer (RFC 2253)
   * @param subjectAlternative leaf DNS names, comma-separated
   */
  public record Tls(
      double earliestCertExpiry,
      double lastChainExpiry,
      String version,
      String fingerprintSha256,
      String subject,
      String issuer,
      String subjectAlternative) {}

  /** HTTP details when no response arrived. */
  static final Http NO_RESPONSE = new Http(0, 0, 0, 0, false, 0, zeroPhases(), Optional.empty());

  static Map<String, Double> zeroPhases() {
    return Map.of("resolve", 0.0, "connect", 0.0, "tls", 0.0, "processing", 0.0, "transfer", 0.0);
  }

  /** A probe that failed before measuring anything (deadline passed, invalid target). */
  public static ProbeResult failed(double durationSeconds, boolean http) {
    return new ProbeResult(false, durationSeconds, OptionalDouble.empty(), OptionalInt.empty(),
        OptionalDouble.empty(), false, http ? Optional.of(NO_RESPONSE) : Optional.empty());
  }
}
