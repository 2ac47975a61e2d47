#!/usr/bin/env bash
# Latency benchmark (prints numbers; not a test): what a person waits for. A hello-world JVM started by bin/lintgate
# itself (same JVM flags from bin/jvm.options, same class-data archive handling), `lintgate --version`, a one-file
# project, 5 files of the largest tree in ../shared/ecosystem and of the synthetic 10,000-module monorepo (as
# pre-commit passes them), full runs of both, a full re-run of the monorepo after touching one test module, and ruff
# 0.16.9 on the same inputs with and without its cache. All
# through the launcher with a class-data archive in a scratch cache, as users get it; medians, same run.
# lintgate's rows run with a cold cache (emptied before each run) and a warm one (kept from the warm-up run), kept in
# the scratch directory through LINTGATE_CACHE_DIR. "-edited" rows append a line to one of the five files before each
# run (what a pre-commit run after an edit sees: the kept result no longer holds). Every lintgate row runs twice: in
# its own process, and with "-server" answered by a running `lintgate server` of the same jar (socket in the scratch
# directory).
#   bench/latency.sh [RUNS] [BASELINE_JAR]   (default 10 rounds; with BASELINE_JAR, every lintgate row is measured
#                                             again with that jar, e.g. main's, for before/after in one run)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
baseline=${2:-}
[ -f target/lintgate.jar ] && [ -d target/test-classes ] || mvn -B -q package -DskipTests
. bench/common.sh
ensure_ruff
work=$(mktemp -d)
name_width=26
trap 'rm -rf "$work"' EXIT
here=$PWD
ruff=$here/target/bench-venv/bin/ruff

# hello-world as a jar, so that the launcher starts it exactly as it starts lintgate
mkdir -p "$work/hello"
cat > "$work/hello/Hello.java" <<'JAVA'
public final class Hello { public static void main(String[] args) { System.out.println("hello"); } }
JAVA
javac -d "$work/hello" "$work/hello/Hello.java"
printf 'Main-Class: Hello\n' > "$work/hello/manifest"
jar cfm "$work/hello.jar" "$work/hello/manifest" -C "$work/hello" Hello.class

mkdir -p "$work/one"
printf 'import os\n\n\ndef main():\n    print(os.getcwd())\n' > "$work/one/app.py"

eco=$(cd .. && pwd)/shared/ecosystem
largest=
if [ -d "$eco" ]; then
  largest=$(for d in "$eco"/*/; do printf '%s %s\n' "$(find "$d" -name '*.py' | wc -l)" "${d%/}"; done | sort -n | tail -1 | cut -d' ' -f2)
else
  echo "(no ecosystem corpus at $eco: its rows are skipped)"
fi
java -cp target/classes:target/test-classes dev.lintgate.pytest.SyntheticMonorepo "$work/mono" 10000 >/dev/null

# (--project-root .: the ecosystem trees are not git checkouts, and the root would otherwise be the first file's
# directory; pre-commit runs at the git top level)
# five Python files spread evenly over a tree, relative to it: what a pre-commit hook passes for a small change
five() {
  (cd "$1" && find . -name '*.py' -not -path './.*' | sed 's|^\./||' | LC_ALL=C sort | awk '{a[NR]=$0} END {for (i = 1; i <= 5; i++) print a[int(NR * i / 6)]}')
}
mono5=$(five "$work/mono" | tr '\n' ' ')
# the "-edited" and "-touched" rows' own copies: an edit would make every warm row of the monorepo a checking run,
# and a touch a run that walks the tree again in a server (which otherwise reuses its walk of an unchanged tree)
cp -a "$work/mono" "$work/mono-edit"
cp -a "$work/mono" "$work/mono-touch"
mono_touched=$(five "$work/mono" | head -1)

# run NAME DIR COMMAND...: the command runs inside DIR
run() { local name=$1 dir=$2; shift 2; measure "$name" env -C "$dir" "$@"; }
lint() {   # lint NAME-SUFFIX JAR [server]
  local suffix=$1 jar=$2 mode=${3:-} cmd
  local lg=(env XDG_CACHE_HOME="$work/cds" XDG_RUNTIME_DIR="$work/runtime" LINTGATE_NO_SERVER=1 LINTGATE_JAR="$jar" "$here/bin/lintgate")
  if [ "$mode" = server ]; then
    lg=(env XDG_CACHE_HOME="$work/cds" XDG_RUNTIME_DIR="$work/runtime" LINTGATE_JAR="$jar" "$here/bin/lintgate")
    "${lg[@]}" server start --idle-timeout 30 >/dev/null
    suffix=$suffix-server
  fi
  # every run keeps its cache under $work (LINTGATE_CACHE_DIR; never in ../shared): "-cold" rows empty it before each
  # run, "-warm" rows keep it from the warm-up run (a jar without a cache ignores the variable: both rows alike)
  local cache=$work/lintgate-cache$suffix
  # warm ROW ARGS... / cold ROW ARGS...: set cmd to the lintgate command line of a row
  warm() { local row=$1; shift; cmd=(env LINTGATE_CACHE_DIR="$cache/$row" "${lg[@]}" "$@"); }
  cold() { local row=$1; shift; cmd=(sh -c 'rm -rf "$0"; exec "$@"' "$cache/$row" env LINTGATE_CACHE_DIR="$cache/$row" "${lg[@]}" "$@"); }
  # a check first: without an archive beside the jar, the launcher's first run records the archive in the user's
  # cache, and a --version run would record the classes of --version only
  warm one check . --format concise --exit-zero
  run "one-file$suffix" "$work/one" "${cmd[@]}"
  run "one-file-no-cache$suffix" "$work/one" "${lg[@]}" check . --format concise --exit-zero --no-cache
  [ "$mode" = server ] || run "version$suffix" "$work" "${lg[@]}" --version
  local how
  for how in cold warm; do
    if [ -n "$largest" ]; then
      # shellcheck disable=SC2046
      "$how" eco5 check --project-root . $(five "$largest") --format concise --exit-zero
      run "eco-5-$how$suffix" "$largest" "${cmd[@]}"
      "$how" ecoall check . --format concise --exit-zero
      run "eco-all-$how$suffix" "$largest" "${cmd[@]}"
    fi
    # shellcheck disable=SC2086
    "$how" mono5 check --project-root . $mono5 --format concise --exit-zero
    run "mono-5-$how$suffix" "$work/mono" "${cmd[@]}"
    "$how" monoall check . --format concise --exit-zero
    run "mono-all-$how$suffix" "$work/mono" "${cmd[@]}"
  done
  # shellcheck disable=SC2086
  warm mono5edit check --project-root . $mono5 --format concise --exit-zero
  run "mono-5-edited$suffix" "$work/mono-edit" sh -c 'echo "# edited" >> "$0"; exec "$@"' "$mono_touched" "${cmd[@]}"
  # a full re-run after touching one test module (same bytes, new modification time), with the whole-tree warm cache
  # (a cache of its own: the cold rows empty theirs before every run)
  warm monotouch check . --format concise --exit-zero
  run "mono-all-touched$suffix" "$work/mono-touch" sh -c 'touch "$0"; exec "$@"' "$mono_touched" "${cmd[@]}"
}

echo "$(nproc) cores; $(java -version 2>&1 | head -1); ruff $("$ruff" --version | cut -d' ' -f2)"
[ -n "$largest" ] && echo "largest ecosystem tree: $(basename "$largest") ($(find "$largest" -name '*.py' | wc -l) Python files); eco-5: $(five "$largest" | tr '\n' ' ')"
echo "synthetic monorepo: 10000 test modules, $(find "$work/mono" -type f | wc -l) files; mono-5: $mono5"
run hello "$work" env XDG_CACHE_HOME="$work/cds" LINTGATE_JAR="$work/hello.jar" "$here/bin/lintgate"
mkdir -m 700 "$work/runtime"
trap 'env XDG_RUNTIME_DIR="$work/runtime" LINTGATE_JAR="$here/target/lintgate.jar" "$here/bin/lintgate" server stop >/dev/null 2>&1; rm -rf "$work"' EXIT
lint "" "$here/target/lintgate.jar"
lint "" "$here/target/lintgate.jar" server
# the Linux wheel as pip installs it (what pre-commit runs): its Python launcher is the server's client itself, so a
# served check starts no JVM; its hello-world is the bundled runtime's, with the same jvm.options
wheel=$(ls target/dist/lintgate-*-manylinux*.whl 2>/dev/null | head -1)
if [ -n "$wheel" ]; then
  python3 -m venv "$work/venv" && "$work/venv/bin/pip" install -q --no-index "$wheel"
  pkg=$("$work/venv/bin/python" -c 'import lintgate, os; print(os.path.dirname(lintgate.__file__))')
  run hello-bundled-runtime "$work" "$pkg/runtime/bin/java" "@$pkg/jvm.options" -cp "$work/hello" Hello
  wl=(env XDG_CACHE_HOME="$work/cds" XDG_RUNTIME_DIR="$work/runtime" "$work/venv/bin/lintgate")
  "${wl[@]}" server start --idle-timeout 30 >/dev/null
  trap 'for l in "$here/bin/lintgate" "$work/venv/bin/lintgate"; do env XDG_RUNTIME_DIR="$work/runtime" LINTGATE_JAR="$here/target/lintgate.jar" "$l" server stop >/dev/null 2>&1; done; rm -rf "$work"' EXIT
  run one-file-wheel-server "$work/one" env LINTGATE_CACHE_DIR="$work/lintgate-cache-wheel/one" "${wl[@]}" check . --format concise --exit-zero
  # shellcheck disable=SC2086
  run mono-5-warm-wheel-server "$work/mono" env LINTGATE_CACHE_DIR="$work/lintgate-cache-wheel/mono5" "${wl[@]}" check --project-root . $mono5 --format concise --exit-zero
  # shellcheck disable=SC2086
  run mono-5-edited-wheel-server "$work/mono-edit" sh -c 'echo "# edited" >> "$0"; exec "$@"' "$mono_touched" env LINTGATE_CACHE_DIR="$work/lintgate-cache-wheel/mono5edit" "${wl[@]}" check --project-root . $mono5 --format concise --exit-zero
  run mono-all-warm-wheel-server "$work/mono" env LINTGATE_CACHE_DIR="$work/lintgate-cache-wheel/monoall" "${wl[@]}" check . --format concise --exit-zero
  # shellcheck disable=SC2086
  run mono-5-warm-wheel "$work/mono" env LINTGATE_NO_SERVER=1 LINTGATE_CACHE_DIR="$work/lintgate-cache-wheel/mono5own" "${wl[@]}" check --project-root . $mono5 --format concise --exit-zero
else
  echo "(no Linux wheel in target/dist: the wheel rows are skipped)"
fi
[ -n "$baseline" ] && lint "-base" "$(cd "$(dirname "$baseline")" && pwd)/$(basename "$baseline")"
# ruff with the rules closest to lintgate's (undefined names, TYPE_CHECKING misuse, banned imports, unused imports);
# "-cached" rows keep ruff's cache between runs (the warm-up run fills it), the others run with --no-cache
rf=("$ruff" check --isolated --select F821,TC004,TID251,F401 --exit-zero --output-format concise)
for cached in "" "-cached"; do
  opts=(--no-cache)
  [ -n "$cached" ] && opts=(--cache-dir "$work/ruff-cache")
  run "ruff-one$cached" "$work/one" "${rf[@]}" "${opts[@]}" .
  if [ -n "$largest" ]; then
    # shellcheck disable=SC2046
    run "ruff-eco-5$cached" "$largest" "${rf[@]}" "${opts[@]}" $(five "$largest")
    run "ruff-eco-all$cached" "$largest" "${rf[@]}" "${opts[@]}" .
  fi
  # shellcheck disable=SC2086
  run "ruff-mono-5$cached" "$work/mono" "${rf[@]}" "${opts[@]}" $mono5
  run "ruff-mono-all$cached" "$work/mono" "${rf[@]}" "${opts[@]}" .
  run "ruff-mono-all-touched$cached" "$work/mono-touch" sh -c 'touch "$0"; exec "$@"' "$mono_touched" "${rf[@]}" "${opts[@]}" .
  # shellcheck disable=SC2086
  run "ruff-mono-5-edited$cached" "$work/mono-edit" sh -c 'echo "# edited" >> "$0"; exec "$@"' "$mono_touched" "${rf[@]}" "${opts[@]}" $mono5
done
measured_report
