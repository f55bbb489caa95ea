#!/bin/sh
# A build-like mix for the sensor overhead benchmark: read every header under /usr/include, then
# compile a few small C files and link them, twice. Scratch files go to the directory given as $1.
set -eu
dir=$1
here=$(cd "$(dirname "$0")" && pwd)
find /usr/include -name '*.h' -print0 | xargs -0 cat > /dev/null
for round in 1 2; do
  for i in 1 2 3 4; do
    printf '#include <stdio.h>\n#include <string.h>\nint f%s(const char *s) { return (int) strlen(s) * %s; }\n' \
      "$i" "$i" > "$dir/unit$i.c"
    gcc -O2 -c -o "$dir/unit$i.o" "$dir/unit$i.c"
  done
  gcc -O2 -c -o "$dir/workload.o" "$here/workload.c"
  gcc -o "$dir/workload.bin" "$dir/workload.o" "$dir/unit1.o" "$dir/unit2.o" "$dir/unit3.o" \
    "$dir/unit4.o"
done
