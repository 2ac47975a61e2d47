# Shared by the benchmark scripts (sourced, not run): ruff 0.16.9 in target/bench-venv, and `measure`.
# Needs $runs (runs per command) and $work (a scratch directory) set by the caller.

ensure_ruff() {
  if [ ! -x target/bench-venv/bin/ruff ]; then
    python3 -m venv target/bench-venv
    if [ -d /opt/pypi/simple ]; then export PIP_INDEX_URL=file:///opt/pypi/simple; fi
    target/bench-venv/bin/pip -q install ruff==0.16.9
  fi
}

# measure NAME COMMAND...: one warm-up run (page cache, class-data archive), then $runs timed runs in the
# directory ${in_dir:-.}; prints the median wall time, the largest RSS and the number of output lines.
measure() {
  local name=$1; shift
  (cd "${in_dir:-.}" && "$@" >/dev/null 2>&1) || true
  local times=() rss=0 t m
  for _ in $(seq "$runs"); do
    (cd "${in_dir:-.}" && /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>/dev/null) || true
    read -r t m <"$work/time"
    times+=("$t"); [ "$m" -gt "$rss" ] && rss=$m
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-9s median %6.2f s  (runs: %s)  max RSS %5d MB  output lines: %s\n' "$name" "$median" "${times[*]}" \
    $((rss / 1024)) "$(wc -l <"$work/out")"
}
