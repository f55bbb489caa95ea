# Sourced by ./tapio and benchmarks/footprint.sh (POSIX sh): the JVM's AOT cache of tapio.jar
# (JDK 25, JEP 483/514/515: classes loaded and linked, and method profiles, from a training run),
# which takes ~0.5-0.8 s of CPU off a start with Falco's three rule files (docs/footprint.md). The
# cache sits beside the jar (tapio.jar -> tapio.aot, or TAPIO_AOT_CACHE) and is valid only for that
# jar and JDK; one older than the jar is removed. The build makes it (engine/app/pom.xml, execution
# aot-cache: a training run of `tapio rules compile` on the bundled rules, no root needed), so the
# first run after a build starts as fast as the next. TAPIO_AOT=0 runs without it.
#
# Prints the JVM option for jar $1 and tapio command $2: -XX:AOTCache=FILE when the cache is there;
# else (a build with -Dtapio.aot.skip=true), for `run`, -XX:AOTCacheOutput=FILE: that run is the
# training run, and the JVM writes the cache when it stops (seconds more at exit, once).
tapio_aot_option() {
  tapio_aot_cache="${TAPIO_AOT_CACHE:-${1%.jar}.aot}"
  [ "${TAPIO_AOT:-1}" = 0 ] && return 0
  if [ -f "$tapio_aot_cache" ] && [ "$tapio_aot_cache" -nt "$1" ]; then
    printf '%s\n' "-XX:AOTCache=$tapio_aot_cache"
    return 0
  fi
  rm -f "$tapio_aot_cache" "$tapio_aot_cache.config"
  if [ "$2" = run ] && [ -w "$(dirname "$tapio_aot_cache")" ]; then
    printf '%s\n' "-XX:AOTCacheOutput=$tapio_aot_cache"
  fi
}
