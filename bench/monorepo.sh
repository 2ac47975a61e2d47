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
if [ ! -x target/bench-venv/bin/ruff ]; then
  python3 -m venv target/bench-venv
  if [ -d /opt/pypi/simple ]; then export PIP_INDEX_URL=file:///opt/pypi/simple; fi
  target/bench-venv/bin/pip -q install ruff==0.16.9
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -cp target/classes:target/test-classes dev.lintgate.pytest.SyntheticMonorepo "$work/repo" "$count" >/dev/null
jar=$PWD/target/lintgate.jar
ruff=$PWD/target/bench-venv/bin/ruff

measure() {  # name, command...: median wall seconds and largest RSS over the runs, run inside the repository
  local name=$1; shift
  (cd "$work/repo" && "$@" >/dev/null 2>&1) || true
  local times=() rss=0
  for _ in $(seq "$runs"); do
    (cd "$work/repo" && /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>/dev/null) || true
    read -r t m <"$work/time"
    times+=("$t"); [ "$m" -gt "$rss" ] && rss=$m
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-9s median %6.2f s  (runs: %s)  max RSS %5d MB  output lines: %s\n' "$name" "$median" "${times[*]}" \
    $((rss / 1024)) "$(wc -l <"$work/out")"
}

files=$(find "$work/repo" -type f | wc -l)
echo "synthetic monorepo: $count test modules, $files files; $(nproc) cores; $(java -version 2>&1 | head -1)"
measure LG2 java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -jar "$jar" check . --select LG2 \
  --format concise --exit-zero --quiet
# what users run: the launcher, with its class-data archive (made by the warm-up run)
measure launcher env XDG_CACHE_HOME="$work/cache" "$PWD/bin/lintgate" check . --select LG2 --format concise --exit-zero --quiet
measure ruff "$ruff" check . --no-cache --isolated --exit-zero --output-format concise
