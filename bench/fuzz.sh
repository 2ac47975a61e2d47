#!/usr/bin/env bash
# The mutation fuzzer by hand (the build runs 300 mutants of the day's seed): MUTANTS mutants of real Python and config
# files from the standard library and ../shared/ecosystem, checked against lintgate's invariants; prints its counts and
# every failure, whose mutants it keeps in target/fuzz-failures/. Exit 1 when anything failed.
#   bench/fuzz.sh [MUTANTS] [SEED]        (default 2000 mutants, a new seed each run)
# Needs the compiled classes and test classes (mvn -B package -DskipTests) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/lintgate.jar ] || [ ! -f target/test-classes/dev/lintgate/fault/MutationFuzzer.class ]; then
  mvn -B -q package -DskipTests
fi
cp=target/test-classes:target/classes:$(find ~/.m2/repository/org/junit -name 'junit-jupiter-api-*.jar' | head -1):$(find ~/.m2/repository/org/opentest4j -name '*.jar' | head -1)
exec java -Xss4m -cp "$cp:target/lintgate.jar" dev.lintgate.fault.MutationFuzzer "${1:-2000}" "${2:-$RANDOM$RANDOM}"
