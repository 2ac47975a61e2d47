#!/usr/bin/env bash
# The ecosystem check (prints numbers; not a timed test), as ruff's ecosystem check and mypy_primer: lintgate with
# its default rules, through bin/lintgate, on every tree of ../shared/ecosystem (or $LINTGATE_ECOSYSTEM), compared
# with the triaged snapshots in testdata/ecosystem/<tree>.txt. Prints per tree and rule the findings in the snapshot
# and now, the new and the gone ones, each rule's CPU time and each tree's wall time; then the differences.
#   bench/ecosystem.sh [--update] [TREE...]
# Exit 0 when every tree matches and every snapshot line has its evidence. --update rewrites the snapshots, keeping
# the evidence of findings that stay; new findings then need a "true:" line of evidence each (EcosystemIT fails
# without one). Needs target/lintgate.jar and the compiled test classes (mvn -B package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/lintgate.jar ] || [ ! -f target/test-classes/dev/lintgate/ecosystem/EcosystemCheck.class ]; then
  mvn -B -q package -DskipTests
fi
exec java -cp target/test-classes:target/lintgate.jar dev.lintgate.ecosystem.EcosystemCheck "$@"
