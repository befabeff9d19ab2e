#!/usr/bin/env bash
# Vigil benchmarks, one command each (see docs/benchmarks.md):
#   bench/run.sh [--scrapes N] [--quick] [...]   Vigil and node_exporter side by side; markdown report on stdout
#   bench/run.sh jmh [JMH options]               JMH microbenchmarks (e.g. bench/run.sh jmh -prof gc Encode)
#   bench/run.sh scaling [--scrapes N]           scrape CPU and allocation on generated procfs/sysfs trees of growing
#                                                size (JMH variant: bench/run.sh jmh ScalingBenchmark)
# Add --no-build (first argument) to reuse the jars from the last build.
# Needs: JDK 17+, Maven, and for the side-by-side run Debian's prometheus-node-exporter.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
if [ "${1:-}" = "--no-build" ]; then build=0; shift; fi
mode=side-by-side
case "${1:-}" in
  jmh|scaling) mode=$1; shift ;;
esac

if [ "$build" = 1 ] || [ ! -f bench/target/vigil-bench.jar ] || [ ! -f exporter/target/vigil-exporter.jar ]; then
  echo "[bench] building exporter and bench jars (mvn -Pbench package, tests skipped)" >&2
  # Offline first (the usual case once dependencies are cached); online if something (JMH) is missing.
  mvn -q -B -o -Pbench -pl bench -am package -DskipTests >&2 \
    || mvn -q -B -Pbench -pl bench -am package -DskipTests >&2
fi

java=${JAVA:-java}
case "$mode" in
  side-by-side)
    exec "$java" -XX:+UseSerialGC -Xmx256m -cp bench/target/vigil-bench.jar io.vigil.bench.harness.SideBySide \
      --vigil exporter/bin/vigil-exporter "$@" ;;
  jmh)
    exec "$java" -jar bench/target/vigil-bench.jar "$@" ;;
  scaling)
    exec "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp bench/target/vigil-bench.jar io.vigil.bench.Scaling "$@" ;;
esac
