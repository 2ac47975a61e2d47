#!/usr/bin/env bash
# Speed benchmark (prints numbers; not a test): lintgate against ruff on the Python standard library with
# site-packages, both as whole processes, same corpus, same run. LG101 is compared with ruff's banned-api (TID251)
# banning the same two names; the LG1 (imports and names) and LG2 (pytest) families and every default rule are
# timed on the same corpus against the same ruff run.
#   bench/ruff-comparison.sh [RUNS]        (default 5 rounds; each round runs every command once; medians are reported)
# Needs target/lintgate.jar (mvn -B package) and python3; installs ruff 0.16.9 into target/bench-venv.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
corpus=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
[ -f target/lintgate.jar ] || mvn -B -q package -DskipTests
. bench/common.sh
ensure_ruff
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/lintgate.toml" <<TOML
exclude = []          # walk site-packages and test dirs too, as ruff does with exclude = []
src = [".", "site-packages"]
[[deprecated]]
name = "collections.OrderedDict"
[[deprecated]]
name = "typing.Optional"
TOML

# through the launcher, so its JVM flags are measured as users get them; without its class-data archive except in
# the LG1-bin row
args=(check "$corpus" --project-root "$corpus" --config "$work/lintgate.toml" --format concise --exit-zero --quiet)
lintgate=(env LINTGATE_NO_CDS=1 bin/lintgate "${args[@]}")
# LG101 alone is the like-for-like comparison with TID251; "all" is every rule that is on by default
lg101=("${lintgate[@]}" --select LG101)
ruff=(target/bench-venv/bin/ruff check "$corpus" --no-cache --isolated --select TID251 --exit-zero --output-format concise
  --config 'exclude = []'
  # one inline table: a second --config for banned-api would replace the first, not add to it
  --config 'lint.flake8-tidy-imports.banned-api = {"collections.OrderedDict" = {msg = "deprecated"}, "typing.Optional" = {msg = "deprecated"}}')


files=$(find "$corpus" -name '*.py' -o -name '*.pyi' | wc -l)
mb=$(find "$corpus" \( -name '*.py' -o -name '*.pyi' \) -printf '%s\n' | awk '{s+=$1} END {printf "%.0f", s/1048576}')
echo "corpus: $corpus ($files Python files, $mb MB); $(nproc) cores; $(java -version 2>&1 | head -1)"
measure LG101 "${lg101[@]}"
measure ruff "${ruff[@]}"
measure LG1 "${lintgate[@]}" --select LG1
# what users run: the launcher, with its class-data archive (made by the warm-up run)
measure LG1-bin env XDG_CACHE_HOME="$work/cache" bin/lintgate "${args[@]}" --select LG1
measure LG2 "${lintgate[@]}" --select LG2
measure all "${lintgate[@]}"
measured_report
echo "(ruff's TID251 also reports attribute uses such as typing.Optional[...] after 'import typing'; LG101 reports imports)"
