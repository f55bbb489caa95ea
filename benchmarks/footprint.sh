#!/bin/bash
# Start-up and footprint of `tapio run`: how long from launch to the "ready" line, what the
# engine's CPU and resident memory are then, and (SOAK seconds > 0) its resident memory and CPU
# after looping the build-like mix (benchmarks/mixed.sh) that long. Run as root through ./bench:
#
#   ./bench footprint                         3 starts on the bundled rules
#   RULES=falco ./bench footprint             on Falco's three rule files (FALCO_RULES, default
#                                             ../shared/falco-rules beside the checkout)
#   SOAK=600 ./bench footprint                then 10 minutes of the mix, RSS sampled every minute
#   JVM_OPTS="--enable-native-access=ALL-UNNAMED -XX:+UseG1GC" ./bench footprint
#                                             other JVM options (A/B against the launcher's)
#   AOT=0 ./bench footprint                   without the JVM's AOT cache (AOT=1, the default, uses
#                                             the launcher's, beside the jar, training it first with
#                                             an unmeasured start and one run of the mix if needed)
#
# The engine runs with the launcher's JVM options (engine/app/src/main/jvm/tapio.jvmopts, the
# file ./tapio and the image use) unless JVM_OPTS is set. Other knobs: STARTS=3 SAMPLE=60
# REBUILD=1 (rebuild engine/app/target/tapio.jar first), JAR=path (measure another jar). Needs gcc
# (the mix compiles C).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
here="$root/benchmarks"
RULES=${RULES:-bundled}
FALCO_RULES=${FALCO_RULES:-$root/../shared/falco-rules}
STARTS=${STARTS:-3}
SOAK=${SOAK:-0}
SAMPLE=${SAMPLE:-60}
READY_TIMEOUT=${READY_TIMEOUT:-120}
AOT=${AOT:-1}
aot=""

[ "$(id -u)" = 0 ] || { echo "footprint: run as root (the sensors load eBPF programs)" >&2; exit 2; }
cd "$root"
. "$root/.mvn/preflight.sh"
jar=${JAR:-$root/engine/app/target/tapio.jar}
if [ ! -f "$jar" ] || [ "${REBUILD:-0}" = 1 ]; then
  echo "footprint: building $jar" >&2
  ./mvnw -q -pl engine/app -am package -Dmaven.test.skip=true -Dspotless.check.skip=true >&2
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ -n "${JVM_OPTS:-}" ]; then read -r -a jvm <<< "$JVM_OPTS"; else jvm=("@$root/engine/app/src/main/jvm/tapio.jvmopts"); fi
args=(run)
if [ "$RULES" = falco ]; then
  for f in falco_rules.yaml falco-incubating_rules.yaml falco-sandbox_rules.yaml; do
    [ -f "$FALCO_RULES/$f" ] || { echo "footprint: $FALCO_RULES/$f is missing (FALCO_RULES=dir)" >&2; exit 2; }
    args+=(--rules "$FALCO_RULES/$f")
  done
fi

work=$(mktemp -d /tmp/tapio-footprint.XXXXXX)
engine_pid=""
cleanup() {
  if [ -n "$engine_pid" ] && kill -0 "$engine_pid" 2> /dev/null; then
    kill -TERM "$engine_pid" 2> /dev/null || true
    wait "$engine_pid" 2> /dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
gcc -O2 -Wall -o "$work/workload" "$here/workload.c"
mkdir "$work/mixed"
ticks=$(getconf CLK_TCK)

kib() { awk -v k="$1" '$1 == k ":" { print $2 }' /proc/"$engine_pid"/status; }
# CPU seconds of every thread, and of Tapio's own (tapio-*), as in sensor-overhead.sh.
engine_cpu() {
  cat /proc/"$engine_pid"/task/*/stat 2> /dev/null | awk -v t="$ticks" '
    { name = $0; sub(/^[^(]*\(/, "", name); sub(/\).*$/, "", name)
      rest = $0; sub(/^.*\) /, "", rest); split(rest, f, " "); c = f[12] + f[13]
      all += c; if (name ~ /^tapio-/) path += c }
    END { printf "%.2f %.2f\n", all / t, path / t }'
}

start_engine() {
  : > "$work/engine.log"
  local t0 waited=0
  t0=$(date +%s.%N)
  "$java" "${jvm[@]}" -jar "$jar" "${args[@]}" > /dev/null 2> "$work/engine.log" &
  engine_pid=$!
  until grep -a -q ' ready: ' "$work/engine.log"; do
    kill -0 "$engine_pid" 2> /dev/null || { cat "$work/engine.log" >&2; echo "footprint: the engine exited" >&2; exit 1; }
    [ "$waited" -lt $((READY_TIMEOUT * 50)) ] || { echo "footprint: no ready line" >&2; exit 1; }
    sleep 0.02
    waited=$((waited + 1))
  done
  ready_s=$(echo "$(date +%s.%N) $t0" | awk '{ printf "%.2f", $1 - $2 }')
}

stop_engine() {
  kill -TERM "$engine_pid"
  wait "$engine_pid" || true
  engine_pid=""
}

if [ "$AOT" = 1 ]; then
  # the launcher's AOT cache for this jar, as ./tapio uses it (engine/app/src/main/jvm/aot-cache.sh)
  . "$root/engine/app/src/main/jvm/aot-cache.sh"
  aot=$(tapio_aot_option "$jar" run)
  if [ "${aot#-XX:AOTCacheOutput=}" != "$aot" ]; then
    echo "footprint: training the AOT cache ${aot#*=} (one start and one run of the mix, not measured)" >&2
    jvm_plain=("${jvm[@]}")
    jvm+=("$aot")
    start_engine
    "$work/workload" run sh "$here/mixed.sh" "$work/mixed" > /dev/null
    stop_engine
    jvm=("${jvm_plain[@]}")
    aot=$(tapio_aot_option "$jar" run)
  fi
  case "$aot" in -XX:AOTCache=*) jvm+=("$aot") ;; *) echo "footprint: no AOT cache" >&2 ;; esac
fi
echo "footprint: rules=$RULES, JVM options: ${JVM_OPTS:-$(grep -v '^#' "$root/engine/app/src/main/jvm/tapio.jvmopts" | tr '\n' ' ')}${aot:+ $aot}" >&2
printf 'start\tready_s\tuser_s\tsys_s\trss_kib\tload1\n' > "$work/starts.tsv"
for n in $(seq 1 "$STARTS"); do
  start_engine
  read -r user sys < <(awk -v t="$ticks" '{ printf "%.2f %.2f\n", $14 / t, $15 / t }' /proc/"$engine_pid"/stat)
  rss=$(kib VmRSS)
  load=$(cut -d' ' -f1 /proc/loadavg)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$ready_s" "$user" "$sys" "$rss" "$load" >> "$work/starts.tsv"
  echo "footprint: start #$n ready in ${ready_s}s, CPU ${user}s user + ${sys}s system, RSS $((rss / 1024)) MiB, load1 $load" >&2
  [ "$n" = "$STARTS" ] && [ "$SOAK" -gt 0 ] || stop_engine
done

echo
echo "Machine: $(nproc) cores, $(uname -r), $(uptime | sed 's/^ *//')"
awk -F'\t' '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  NR > 1 { r = r " " $2; u = u " " $3; s = s " " $4; m = m " " $5; l = l " " $6; n++ }
  END {
    print "| rules | starts | ready s, median | CPU at ready s (user + system) | RSS at ready MiB | load1 |"
    print "|---|---|---|---|---|---|"
    split(l, ls, " ")
    printf "| %s | %d | %.2f | %.2f + %.2f | %.0f | %s-%s |\n", rules, n, median(r), median(u), median(s), median(m) / 1024, ls[1], ls[n]
  }' rules="$RULES" "$work/starts.tsv"

if [ "$SOAK" -gt 0 ]; then
  read -r cpu0 path0 < <(engine_cpu)
  t0=$(date +%s)
  next=$((t0 + SAMPLE))
  runs=0
  echo
  echo "| soak s | VmRSS MiB | VmHWM MiB | load1 |"
  echo "|---|---|---|---|"
  while [ "$(date +%s)" -lt $((t0 + SOAK)) ]; do
    "$work/workload" run sh "$here/mixed.sh" "$work/mixed" > /dev/null
    runs=$((runs + 1))
    if [ "$(date +%s)" -ge "$next" ]; then
      printf '| %d | %d | %d | %s |\n' $(($(date +%s) - t0)) $(($(kib VmRSS) / 1024)) $(($(kib VmHWM) / 1024)) "$(cut -d' ' -f1 /proc/loadavg)"
      next=$((next + SAMPLE))
    fi
  done
  read -r cpu1 path1 < <(engine_cpu)
  elapsed=$(($(date +%s) - t0))
  echo
  echo "After ${elapsed}s of the mix ($runs runs): VmRSS $(($(kib VmRSS) / 1024)) MiB, VmHWM $(($(kib VmHWM) / 1024)) MiB;" \
    "engine CPU $(echo "$cpu1 $cpu0 $elapsed" | awk '{ printf "%.1f", 100 * ($1 - $2) / $3 }')% of one core" \
    "(event path $(echo "$path1 $path0 $elapsed" | awk '{ printf "%.1f", 100 * ($1 - $2) / $3 }')%)"
  grep -a 'kernel filter\|sensor [a-z]*: ' "$work/engine.log" | sed 's/^[^ ]* /  /' | head -8
  stop_engine
fi
echo
echo "ready s: launch to the engine's ready line (sensors attached); CPU and RSS of the engine then."
