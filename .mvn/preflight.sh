# Sourced by ./mvnw (POSIX sh) before Maven starts: finds a JDK 25+ and the BPF build tools,
# so that ./mvnw works on a machine whose default java is older and where clang is tapio_missing.
#
#   TAPIO_JAVA_HOME   use this JDK instead of searching
#   TAPIO_NO_INSTALL  set to 1 to never run apt-get; a tapio_missing tool then stops the build with the fix
#
# Every failure is one line that names the fix.

tapio_die() {
  printf 'tapio: %s\n' "$1" >&2
  exit 1
}

# Prints the feature version (17, 25, ...) of the java launcher given as $1, or nothing.
tapio_java_version() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1
}

tapio_select_jdk() {
  if [ -n "${TAPIO_JAVA_HOME-}" ]; then
    JAVA_HOME="$TAPIO_JAVA_HOME"
    export JAVA_HOME
    return
  fi
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    tapio_v=$(tapio_java_version "$JAVA_HOME/bin/java")
    [ "${tapio_v:-0}" -ge 25 ] 2>/dev/null && return
  elif command -v java >/dev/null 2>&1; then
    tapio_v=$(tapio_java_version java)
    if [ "${tapio_v:-0}" -ge 25 ] 2>/dev/null; then
      return
    fi
  fi
  tapio_best="" tapio_best_v=0
  for tapio_dir in $(find /usr/lib/jvm /opt/java /opt -maxdepth 1 -mindepth 1 -type d 2>/dev/null | sort); do
    [ -x "$tapio_dir/bin/javac" ] || continue
    tapio_v=$(tapio_java_version "$tapio_dir/bin/java")
    if [ "${tapio_v:-0}" -ge 25 ] 2>/dev/null && [ "$tapio_v" -gt "$tapio_best_v" ]; then
      tapio_best="$tapio_dir" tapio_best_v="$tapio_v"
    fi
  done
  [ -n "$tapio_best" ] || tapio_die "JDK 25 or newer not found: install one (e.g. apt-get install temurin-25-jdk) or set TAPIO_JAVA_HOME"
  JAVA_HOME="$tapio_best"
  export JAVA_HOME
}

# The BPF objects are compiled with clang against libbpf's headers; bpftool makes vmlinux.h.
tapio_bpf_tools() {
  tapio_missing=""
  command -v clang >/dev/null 2>&1 || tapio_missing="$tapio_missing clang llvm"
  [ -f /usr/include/bpf/bpf_helpers.h ] || tapio_missing="$tapio_missing libbpf-dev"
  /sbin/ldconfig -p 2>/dev/null | grep -q "libbpf\.so\.1 " || tapio_missing="$tapio_missing libbpf1"
  command -v bpftool >/dev/null 2>&1 || [ -x /usr/sbin/bpftool ] || tapio_missing="$tapio_missing bpftool"
  [ -z "$tapio_missing" ] && return
  if [ "${TAPIO_NO_INSTALL-}" != 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    printf 'tapio: installing the BPF build tools:%s\n' "$tapio_missing" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $tapio_missing; } >/dev/null 2>&1 \
      || tapio_die "could not install$tapio_missing: run 'apt-get install$tapio_missing' as root"
  else
    tapio_die "tapio_missing BPF build tools: run 'sudo apt-get install$tapio_missing' (or their equivalents on your distribution)"
  fi
}

tapio_select_jdk
tapio_bpf_tools
