#!/usr/bin/env bash
# Speed benchmark (prints numbers; not a test): every LG2 rule (pytest configuration, markers, collection) on a
# synthetic monorepo of 10,000 test modules in 100 services (SyntheticMonorepo), against `ruff check` with its
# default rules on the same tree, both as whole processes, same run.
#   bench/monorepo.sh [RUNS] [TEST_FILES]     (default 5 runs, 10000 test modules; the median is reported)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
count=${2:-10000}
[ -f target/lintgate.jar ] && [ -d target/test-classes ] || mvn -B -q package -DskipTests
. bench/common.sh
ensure_ruff
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -cp target/classes:target/test-classes dev.lintgate.pytest.SyntheticMonorepo "$work/repo" "$count" >/dev/null
ruff=$PWD/target/bench-venv/bin/ruff
in_dir=$work/repo   # every command runs inside the repository
files=$(find "$work/repo" -type f | wc -l)
echo "synthetic monorepo: $count test modules, $files files; $(nproc) cores; $(java -version 2>&1 | head -1)"
# the launcher's JVM flags, without its class-data archive
measure LG2 env LINTGATE_NO_CDS=1 "$PWD/bin/lintgate" check . --select LG2 --format concise --exit-zero --quiet
# what users run: the launcher, with its class-data archive (made by the warm-up run)
measure launcher env XDG_CACHE_HOME="$work/cache" "$PWD/bin/lintgate" check . --select LG2 --format concise --exit-zero --quiet
measure ruff "$ruff" check . --no-cache --isolated --exit-zero --output-format concise
measured_report
