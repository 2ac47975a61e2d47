# Shared by the benchmark scripts (sourced, not run): ruff 0.16.9 in target/bench-venv, and `measure`.
# Needs $runs (runs per command) and $work (a scratch directory) set by the caller.

ensure_ruff() {
  if [ ! -x target/bench-venv/bin/ruff ]; then
    python3 -m venv target/bench-venv
    if [ -d /opt/pypi/simple ]; then export PIP_INDEX_URL=file:///opt/pypi/simple; fi
    target/bench-venv/bin/pip -q install ruff==0.16.9
  fi
}

# measure NAME COMMAND...: registers a command; measured_report then runs them. Names must be unique.
measured_names=()
measured_commands=()
measure() {
  measured_names+=("$1"); shift
  measured_commands+=("$(printf '%q ' "$@")")
}

# measured_report: one warm-up run of each command (page cache, class-data archive), then $runs rounds in which
# every command runs once, in the directory ${in_dir:-.}. Rounds, not one command's runs back to back: this VM's
# speed drifts over minutes, and a drift then slows every command alike instead of the one that ran during it.
# Prints per command the median wall time, all wall times, the largest RSS and the number of output lines.
measured_report() {
  local i t m
  local -a times rss
  for i in "${!measured_names[@]}"; do
    (cd "${in_dir:-.}" && eval "${measured_commands[$i]}" >/dev/null 2>&1) || true
    times[i]=""; rss[i]=0
  done
  for _ in $(seq "$runs"); do
    for i in "${!measured_names[@]}"; do
      (cd "${in_dir:-.}" && eval "/usr/bin/time -f '%e %M' -o $(printf %q "$work/time") ${measured_commands[$i]}" \
        >"$work/out.$i" 2>/dev/null) || true
      read -r t m <"$work/time"
      times[i]+="$t "; [ "$m" -gt "${rss[i]}" ] && rss[i]=$m
    done
  done
  for i in "${!measured_names[@]}"; do
    local median
    median=$(printf '%s\n' ${times[i]} | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf "%-${name_width:-9}s median %6.2f s  (runs: %s)  max RSS %5d MB  output lines: %s\n" "${measured_names[i]}" "$median" \
      "${times[i]% }" $((rss[i] / 1024)) "$(wc -l <"$work/out.$i")"
  done
}
