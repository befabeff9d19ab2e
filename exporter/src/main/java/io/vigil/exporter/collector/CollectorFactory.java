package io.vigil.exporter.collector;

/** Builds a collector once at start-up from the shared context (sources and options). */
@FunctionalInterface
public interface CollectorFactory {
  Collector create(CollectorContext context) throws Exception;
}
