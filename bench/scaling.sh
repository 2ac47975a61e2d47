#!/usr/bin/env bash
# How lintgate's time grows with one file's size (prints numbers; not a timed test). Each shape is generated at n, 2n,
# 4n and 8n units and checked with every default rule through bin/lintgate; the table gives the CPU time (user+sys,
# steadier than wall time on a shared machine), the wall time and the ratio of each CPU time to the one before. A
# per-file pass that is linear doubles with each row (ratio about 2, less while the JVM's fixed start-up dominates);
# a quadratic one quadruples. Issue 16 found 80,000 defs at 11.3 s, 100,000 imports at 16 s, a from-import of 100,000
# names at 19.4 s and a pytest.ini of 100,000 markers at 17 s.
#   bench/scaling.sh [N]        (default 12500: 12,500 to 100,000 units)
# Needs target/lintgate.jar (mvn -B package) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-12500}
[ -f target/lintgate.jar ] || mvn -B -q package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$n" <<'PY'
import os, sys
work, n = sys.argv[1], int(sys.argv[2])
shapes = {
    "defs": lambda k: {"m.py": "".join(f"def f{i}():\n    return {i}\n" for i in range(k))},
    "imports": lambda k: {"m.py": "".join(f"import mod{i}\n" for i in range(k))},
    "from-import names": lambda k: {"m.py": "from m import (\n" + "".join(f"    n{i},\n" for i in range(k)) + ")\n"},
    "classes and methods": lambda k: {"m.py": "".join(f"class C{i}:\n    def m(self):\n        return self.x{i}\n" for i in range(k))},
    "one long list": lambda k: {"m.py": "x = [" + ", ".join(f"a{i}" for i in range(k)) + "]\n"},
    "TYPE_CHECKING imports": lambda k: {"m.py": "from typing import TYPE_CHECKING\n" + "".join(
        f"if TYPE_CHECKING:\n    from m import T{i}\nx{i}: T{i}\n" for i in range(k))},
    "async tests": lambda k: {"test_m.py": "import pytest\n" + "".join(
        f"@pytest.mark.asyncio\nasync def test_{i}():\n    pass\n" for i in range(k))},
    "files in one directory": lambda k: {f"m{i}.py": f"import os\nx{i} = os.sep\n" for i in range(k // 8)},
    "pytest.ini markers": lambda k: {"pytest.ini": "[pytest]\nmarkers =\n" + "".join(f"    m{i}: marker {i}\n" for i in range(k)),
                                     "test_a.py": "import pytest\n@pytest.mark.m1\ndef test_a(): pass\n"},
    "pyproject.toml markers": lambda k: {"pyproject.toml": "[tool.pytest.ini_options]\nmarkers = [\n"
                                         + "".join(f'    "m{i}: marker {i}",\n' for i in range(k)) + "]\n",
                                         "test_a.py": "import pytest\n@pytest.mark.m1\ndef test_a(): pass\n"},
    "gitignore patterns": lambda k: {".gitignore": "".join(f"dir{i}/[!a]*.tmp\n" for i in range(k)), "a.py": "x = 1\n"},
}
for name, make in shapes.items():
    for step in range(4):
        k = n << step
        d = os.path.join(work, f"{name.replace(' ', '_')}@{k:07d}")
        os.makedirs(os.path.join(d, ".git"))
        # large generated modules are what max-file-size guards against; here they are the point
        open(os.path.join(d, "lintgate.toml"), "w").write("max-file-size = 1_000_000_000\n")
        for f, text in make(k).items():
            open(os.path.join(d, f), "w").write(text)
PY

printf '%-24s %9s %9s %9s %7s %9s\n' shape units bytes cpu ratio wall
for dir in "$work"/*@*; do
  base=$(basename "$dir")
  shape=${base%@*}; units=$((10#${base##*@}))
  bytes=$(find "$dir" -type f ! -name lintgate.toml -printf '%s\n' | awk '{s+=$1} END {print s}')
  [ "$shape" = files_in_one_directory ] && units=$((units / 8))
  /usr/bin/time -f '%U %S %e' -o "$work/t" env LINTGATE_NO_CDS=1 bin/lintgate check "$dir" --exit-zero --quiet >/dev/null 2>&1 || true
  read -r user sys wall <"$work/t"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')
  ratio=""
  if [ "${prev_shape:-}" = "$shape" ]; then ratio=$(awk -v a="$cpu" -v b="$prev_cpu" 'BEGIN {printf "%.1fx", a / b}'); fi
  printf '%-24s %9s %9s %8ss %7s %8ss\n' "${shape//_/ }" "$units" "$bytes" "$cpu" "$ratio" "$wall"
  prev_shape=$shape; prev_cpu=$cpu
done
