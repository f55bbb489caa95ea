#!/bin/bash
# End-to-end sensor overhead: syscall-heavy workloads timed without Tapio, with `tapio run` on the
# bundled rules (default), with `tapio run` on a rule set that only asks for process events
# (benchmarks/exec-only.yaml), with `tapio run` on the bundled rules and the kernel filter off
# (unfiltered: every open reaches the engine), and on the floor: `tapio run` on the bundled rules
# with TAPIO_SENSORS=floor, the same hooks attached the same way but whose programs only count.
# The table gives each setting's workload CPU against none, and default's extra CPU against the
# floor's extra. Run as root through ./bench, the one benchmark entry point; needs
# gcc and bpftool:
#
#   ./bench overhead                         5 measured runs per workload and setting
#   REPS=9 WARMUP=3 ./bench overhead         more measured and unmeasured runs
#   REBUILD=1 ./bench overhead               rebuild engine/app/target/tapio.jar first
#
# Other knobs: OPEN_N=500000 EXEC_N=1000 GETPPID_N=2000000
#   WORKLOADS="idle getppid open exec mixed" CONFIGS="none floor default exec-only unfiltered"
#   JVM_OPTS="--enable-native-access=ALL-UNNAMED -XX:+UseG1GC": the engine's JVM options instead of
#   the launcher's (engine/app/src/main/jvm/tapio.jvmopts)
#   ALTERNATE=3: three rounds, each running every setting in turn with an engine started afresh
#   (REPS measured runs per setting and round, the table over all rounds): on a machine whose load
#   drifts, each setting sees the same minutes, where one block per setting would not
#   BPF_STATS=1: also report each BPF program's runs and ns per run (kernel.bpf_stats_enabled is
#   switched on for the engine sessions and restored at the end; it slows every program a little)
#
# Workloads: open (open+close of one file, OPEN_N times), exec (fork + execve /bin/true + wait,
# EXEC_N times), getppid (a syscall no sensor hooks, GETPPID_N times: what attached syscall
# tracepoints cost every other syscall), mixed (benchmarks/mixed.sh: read every header under
# /usr/include, compile and link a few C files), idle (sleep 1: what the engine costs while the
# machine does its usual work). Each (setting, workload) block starts the engine once, waits for
# its "ready" line, runs WARMUP unmeasured runs (JIT warm-up) and REPS measured runs, then stops
# the engine with SIGTERM and waits for it. Everything goes to one temporary directory, removed
# at the end (KEEP=1 keeps it, with the raw numbers in runs.tsv and sessions.tsv).
# docs/performance.md ("Sensor overhead") explains the columns of the table it prints.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
here="$root/benchmarks"
REPS=${REPS:-5}
WARMUP=${WARMUP:-1}
OPEN_N=${OPEN_N:-500000}
EXEC_N=${EXEC_N:-1000}
GETPPID_N=${GETPPID_N:-2000000}
WORKLOADS=${WORKLOADS:-idle getppid open exec mixed}
CONFIGS=${CONFIGS:-none floor default exec-only}
BPF_STATS=${BPF_STATS:-0}
READY_TIMEOUT=${READY_TIMEOUT:-90}
ROUNDS=${ALTERNATE:-1}

[ "$(id -u)" = 0 ] || { echo "sensor-overhead: run as root (the sensors load eBPF programs)" >&2; exit 2; }
command -v gcc > /dev/null || { echo "sensor-overhead: gcc is missing: apt-get install gcc" >&2; exit 2; }
command -v bpftool > /dev/null || [ -x /usr/sbin/bpftool ] || { echo "sensor-overhead: bpftool is missing: apt-get install bpftool" >&2; exit 2; }
PATH=$PATH:/usr/sbin

cd "$root"
. "$root/.mvn/preflight.sh"
jar=${JAR:-$root/engine/app/target/tapio.jar}
if [ ! -f "$jar" ] || [ "${REBUILD:-0}" = 1 ]; then
  echo "sensor-overhead: building $jar" >&2
  ./mvnw -q package -Dmaven.test.skip=true -Dspotless.check.skip=true >&2
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# The launcher's JVM options (the file ./tapio and the image use), unless JVM_OPTS says otherwise.
if [ -n "${JVM_OPTS:-}" ]; then read -r -a jvm <<< "$JVM_OPTS"; else jvm=("@$root/engine/app/src/main/jvm/tapio.jvmopts"); fi

work=$(mktemp -d /tmp/tapio-overhead.XXXXXX)
engine_pid=""
stats_before=$(sysctl -n kernel.bpf_stats_enabled)
cleanup() {
  sysctl -qw kernel.bpf_stats_enabled="$stats_before" || true
  if [ -n "$engine_pid" ] && kill -0 "$engine_pid" 2> /dev/null; then
    kill -TERM "$engine_pid" 2> /dev/null || true
    wait "$engine_pid" 2> /dev/null || true
  fi
  if [ "${KEEP:-0}" = 1 ]; then echo "sensor-overhead: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

gcc -O2 -Wall -o "$work/workload" "$here/workload.c"
echo x > "$work/open-target"
mkdir "$work/mixed"
ticks=$(getconf CLK_TCK)

run_workload() {
  case $1 in
    open) "$work/workload" open "$OPEN_N" "$work/open-target" ;;
    exec) "$work/workload" exec "$EXEC_N" ;;
    mixed) "$work/workload" run sh "$here/mixed.sh" "$work/mixed" ;;
    idle) "$work/workload" run sleep 1 ;;
    getppid) "$work/workload" getppid "$GETPPID_N" ;;
  esac
}

# CPU seconds (user+system) the engine used so far: "all event_path", where all counts every
# thread (JIT compilers and GC included) and event_path only Tapio's own threads (tapio-*: ring
# buffer polling, enrichment, rules, alerts).
engine_cpu() {
  cat /proc/"$engine_pid"/task/*/stat 2> /dev/null | awk -v t="$ticks" '
    { name = $0; sub(/^[^(]*\(/, "", name); sub(/\).*$/, "", name)
      rest = $0; sub(/^.*\) /, "", rest); split(rest, f, " "); c = f[12] + f[13]
      all += c; if (name ~ /^tapio-/) path += c }
    END { printf "%.2f %.2f", all / t, path / t }'
}

# Sum over every CPU and record kind of one of the engine's BPF counter maps (tapio_drops,
# tapio_throttled), found through the map ids its open file descriptors name.
engine_counter() {
  local name=$1 total=0 id n
  for id in $(grep -h '^map_id:' /proc/"$engine_pid"/fdinfo/* 2> /dev/null | awk '{print $2}' | sort -u); do
    if bpftool map show id "$id" 2> /dev/null | grep -q "name $name "; then
      n=$(bpftool -j map dump id "$id" | grep -o '"value": *[0-9]*' | awk '{s += $2} END {print s + 0}')
      total=$((total + n))
    fi
  done
  echo "$total"
}

# "name runs ns_per_run" of every BPF program the engine holds (through its fdinfo), when BPF_STATS=1.
engine_prog_stats() {
  local ids
  ids=$(grep -h '^prog_id:' /proc/"$engine_pid"/fdinfo/* 2> /dev/null | awk '{print $2}' | sort -u | tr '\n' ' ')
  bpftool -j prog show | python3 -c '
import json, sys
ids = {int(i) for i in sys.argv[1].split()}
for p in json.load(sys.stdin):
    if p["id"] in ids and p.get("run_cnt", 0) > 0:
        print(p["name"], p["run_cnt"], round(p["run_time_ns"] / p["run_cnt"]))' "$ids"
}

start_engine() {
  local config=$1 args=(run) env=()
  # a port of its own, so that two benchmarks on one machine do not collide on the default one
  env+=(TAPIO_HTTP_ADDRESS=127.0.0.1:$((20000 + $$ % 20000)))
  [ "$config" = exec-only ] && args+=(--rules "$here/exec-only.yaml")
  [ "$config" = floor ] && env+=(TAPIO_SENSORS=floor)
  [ "$config" = unfiltered ] && env+=(TAPIO_SENSORS_FILE_KERNEL_FILTER=false)
  [ "$BPF_STATS" = 1 ] && sysctl -qw kernel.bpf_stats_enabled=1
  : > "$work/engine.log"
  env "${env[@]}" "$java" "${jvm[@]}" -jar "$jar" "${args[@]}" \
    > "$work/alerts.jsonl" 2> "$work/engine.log" &
  engine_pid=$!
  local waited=0
  until grep -a -q ' ready: ' "$work/engine.log"; do
    kill -0 "$engine_pid" 2> /dev/null || { cat "$work/engine.log" >&2; echo "sensor-overhead: the engine exited" >&2; exit 1; }
    [ "$waited" -lt $((READY_TIMEOUT * 10)) ] || { cat "$work/engine.log" >&2; echo "sensor-overhead: no ready line" >&2; exit 1; }
    sleep 0.1
    waited=$((waited + 1))
  done
  ready_at=$(date +%s.%N)
  ready_cpu=$(engine_cpu)
}

# Stops the engine (in this shell: only its parent can wait for it) and appends
# "config workload events_received pipeline_dropped drops throttled seconds_up engine_cpu_s
# path_cpu_s" to sessions.tsv.
stop_engine() {
  local drops throttled stopped_at cpu
  cpu=$(echo "$(engine_cpu) $ready_cpu" | awk '{ printf "%.2f %.2f\n", $1 - $3, $2 - $4 }')
  drops=$(engine_counter tapio_drops)
  throttled=$(engine_counter tapio_throttled)
  stopped_at=$(date +%s.%N)
  if [ "$BPF_STATS" = 1 ]; then
    engine_prog_stats | sed "s/^/$1 $2 /" >> "$work/progs.tsv"
  fi
  kill -TERM "$engine_pid"
  wait "$engine_pid" || true
  engine_pid=""
  local line
  line=$(grep -a 'pipeline stopped:' "$work/engine.log" || echo "pipeline stopped: 0 events received, 0 processed, 0 dropped")
  printf '%s %s ' "$1" "$2" >> "$work/sessions.tsv"
  echo "$line" | sed -E 's/.*stopped: ([0-9]+) events received, [0-9]+ processed, ([0-9]+) dropped.*/\1 \2/' \
    | awk -v d="$drops" -v t="$throttled" -v a="$ready_at" -v b="$stopped_at" -v c="$cpu" '{ printf "%s %s %s %s %.1f %s\n", $1, $2, d, t, b - a, c }' >> "$work/sessions.tsv"
  grep -a -E ' (WARN|ERROR) ' "$work/engine.log" | sed "s/^/sensor-overhead: engine ($1 $2): /" >&2 || true
  mv "$work/engine.log" "$work/engine-$1-$2.log"
}

printf 'config\tworkload\trep\twall_s\tuser_s\tsys_s\tengine_cpu_s\tpath_cpu_s\tload1\n' > "$work/runs.tsv"
: > "$work/sessions.tsv"
: > "$work/progs.tsv"
for round in $(seq 1 "$ROUNDS"); do
for config in $CONFIGS; do
  for wl in $WORKLOADS; do
    [ "$config" = none ] || start_engine "$config"
    for _ in $(seq 1 "$WARMUP"); do run_workload "$wl" > /dev/null; done
    for rep in $(seq 1 "$REPS"); do
      load=$(cut -d' ' -f1 /proc/loadavg)
      before="0 0"
      [ "$config" = none ] || before=$(engine_cpu)
      read -r wall user sys < <(run_workload "$wl") || true
      [ -n "${sys:-}" ] || { echo "sensor-overhead: the $wl workload failed" >&2; exit 1; }
      after="0 0"
      [ "$config" = none ] || after=$(engine_cpu)
      read -r engine path < <(echo "$after $before" | awk '{ printf "%.2f %.2f\n", $1 - $3, $2 - $4 }')
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$config" "$wl" "$rep" "$wall" "$user" "$sys" "$engine" "$path" "$load" >> "$work/runs.tsv"
      echo "sensor-overhead: $config $wl #$rep${ALTERNATE:+ (round $round)} wall=${wall}s cpu=${user}+${sys}s engine=${engine}s (event path ${path}s) load=$load" >&2
    done
    if [ "$config" != none ]; then
      stop_engine "$config" "$wl"
    fi
  done
done
done

echo
echo "Machine: $(nproc) cores, $(uname -r), $(uptime | sed 's/^ *//')"
echo "Reps: $REPS per cell and round, $ROUNDS round(s) (after $WARMUP warm-up runs each); OPEN_N=$OPEN_N EXEC_N=$EXEC_N GETPPID_N=$GETPPID_N"
echo
awk -F'\t' -v sessions="$work/sessions.tsv" '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function lo(list,   n, a, i, m) { n = split(list, a, " "); m = a[1]; for (i = 2; i <= n; i++) if (a[i] < m) m = a[i]; return m }
  function hi(list,   n, a, i, m) { n = split(list, a, " "); m = a[1]; for (i = 2; i <= n; i++) if (a[i] > m) m = a[i]; return m }
  NR == 1 { next }
  {
    k = $1 SUBSEP $2
    wall[k] = wall[k] " " $4; cpu[k] = cpu[k] " " ($5 + $6); eng[k] = eng[k] " " $7
    pct[k] = pct[k] " " ($4 > 0 ? 100 * $7 / $4 : 0); ppct[k] = ppct[k] " " ($4 > 0 ? 100 * $8 / $4 : 0)
    load[k] = load[k] " " $9
    if (!(($1) in seenc)) { seenc[$1] = 1; configs[++nc] = $1 }
    if (!(($2) in seenw)) { seenw[$2] = 1; wls[++nw] = $2 }
  }
  END {
    while ((getline line < sessions) > 0) {
      split(line, s, " "); k = s[1] SUBSEP s[2]
      ev[k] += s[3]; qdrop[k] += s[4]; kdrop[k] += s[5]; thr[k] += s[6]; up[k] += s[7]; ecpu[k] += s[8]; pcpu[k] += s[9]
    }
    print "| workload | setting | wall s, median (min-max) | wall ratio | workload CPU s, median | CPU ratio | CPU vs floor | extra CPU ÷ floor extra | engine CPU, % of one core, median (min-max) | of which event path | events/s | µs/event (all / event path) | drops (kernel/queue) | load1 |"
    print "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    for (w = 1; w <= nw; w++) for (c = 1; c <= nc; c++) {
      k = configs[c] SUBSEP wls[w]; b = "none" SUBSEP wls[w]
      if (!(k in wall)) continue
      wr = (b in wall) ? sprintf("%.3f", median(wall[k]) / median(wall[b])) : "-"
      cr = (b in cpu) ? sprintf("%.3f", median(cpu[k]) / median(cpu[b])) : "-"
      # default against its floor (the bundled rules with counting programs): the ratio of the
      # workload CPU, and of the CPU each adds to none
      f = "floor" SUBSEP wls[w]; vf = "-"; xf = "-"
      if ((configs[c] == "default" || configs[c] == "unfiltered") && (f in cpu)) {
        vf = sprintf("%.3f", median(cpu[k]) / median(cpu[f]))
        fx = median(cpu[f]) - ((b in cpu) ? median(cpu[b]) : 0)
        if ((b in cpu) && fx > 0) xf = sprintf("%.1f", (median(cpu[k]) - median(cpu[b])) / fx)
      }
      e = configs[c] == "none" ? "-" : sprintf("%.1f (%.1f-%.1f)", median(pct[k]), lo(pct[k]), hi(pct[k]))
      r = (k in ev && up[k] > 0) ? sprintf("%.0f", ev[k] / up[k]) : "-"
      ep = configs[c] == "none" ? "-" : sprintf("%.1f", median(ppct[k]))
      u = (k in ev && ev[k] > 0) ? sprintf("%.1f / %.1f", 1e6 * ecpu[k] / ev[k], 1e6 * pcpu[k] / ev[k]) : "-"
      d = (k in ev) ? kdrop[k] "/" qdrop[k] (thr[k] > 0 ? " (throttled " thr[k] ")" : "") : "-"
      printf "| %s | %s | %.3f (%.3f-%.3f) | %s | %.3f | %s | %s | %s | %s | %s | %s | %s | %s | %s-%s |\n", wls[w], configs[c],
        median(wall[k]), lo(wall[k]), hi(wall[k]), wr, median(cpu[k]), cr, vf, xf, e, ep, r, u, d, lo(load[k]), hi(load[k])
    }
  }' "$work/runs.tsv"
echo
echo "event path: Tapio's own threads (tapio-*); the rest is JIT compilation, GC and the JVM."
echo "events/s and µs/event: events the engine received from its sensors and the engine's CPU time,"
echo "over the whole session (ready line to SIGTERM, warm-up included), background events included."
echo "CPU vs floor: default's (and unfiltered's) workload CPU over the floor's (bundled rules,"
echo "counting programs); extra CPU ÷ floor extra: what it adds to none over what the floor adds."
if [ -s "$work/progs.tsv" ]; then
  echo
  echo "BPF programs (kernel.bpf_stats_enabled, whole session: warm-up, runs and background):"
  echo "| setting | workload | program | runs | ns per run |"
  echo "|---|---|---|---|---|"
  awk '{ printf "| %s | %s | %s | %d | %d |\n", $1, $2, $3, $4, $5 }' "$work/progs.tsv"
fi
[ "${KEEP:-0}" = 1 ] && cat "$work/sessions.tsv" >&2
exit 0
