#!/usr/bin/env bash
# Validates SARIF files with Microsoft's SARIF Multitool, including GitHub's upload rules (--rule-kind "Sarif;Gh").
# The Multitool exits 0 even when it reports errors, so this script gates on the result lines it writes instead.
#
#   .ci/sarif-multitool.sh out.sarif [more.sarif ...]
#
# Installs @microsoft/sarif-multitool@5.7.0 into target/sarif-multitool on first use (npm, network once, ~100 MB).
# It complements, not replaces, the JSON schema check in SarifValidation: a file the Multitool cannot deserialize
# (e.g. "level": "bogus") passes it silently.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 FILE.sarif..." >&2
  exit 2
fi

root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/target/sarif-multitool"
tool="$dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"

if [ ! -x "$tool" ]; then
  mkdir -p "$dir"
  (cd "$dir" && { [ -f package.json ] || npm init -y >/dev/null; } \
     && npm install --no-audit --no-fund --silent @microsoft/sarif-multitool@5.7.0 >&2)
  # npm 11 skips the package's chmod postinstall; the binary normally arrives executable, but make sure
  chmod +x "$tool" 2>/dev/null || true
fi

status=0
for sarif in "$@"; do
  report="$dir/$(basename "$sarif").validation.sarif"
  output=$("$tool" validate "$sarif" --rule-kind "Sarif;Gh" --level "Error;Warning" \
             -o "$report" --log ForceOverwrite 2>&1) || true
  # result lines look like "file(12,120): error JSON1008: ..." or "...: warning SARIF2005: ..."
  problems=$(printf '%s\n' "$output" | grep -E ': (error|warning) [A-Z]+[0-9]+' || true)
  if [ -n "$problems" ] || ! printf '%s\n' "$output" | grep -q 'Analysis completed successfully'; then
    echo "FAIL $sarif" >&2
    printf '%s\n' "$output" >&2
    status=1
  else
    echo "ok   $sarif"
  fi
done
exit "$status"
