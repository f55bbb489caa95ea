package dev.tapio.sensors.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.filter.FilterTerm;
import dev.tapio.api.filter.KernelFilter;
import dev.tapio.api.filter.PathPattern;
import dev.tapio.api.filter.TypeFilter;
import dev.tapio.sensors.internal.abi.Abi.FilterLimit;
import dev.tapio.sensors.internal.abi.Abi.OpenSyscall;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The maps' longest-match lookups admit every open the filter admits. */
class FilterMapsTest {

  private static final List<String> PARTS =
      List.of("etc", "shadow", "passwd", "ssh", "root", ".bashrc", "usr", "bin", "x.pem", "tmp");

  @Test
  void longestMatchAdmitsWhatSomeTermAdmits() {
    TypeFilter f =
        new TypeFilter(
            List.of(
                new FilterTerm(new PathPattern.Prefix("/etc/"), 0b1110, true),
                new FilterTerm(new PathPattern.Exact("/etc/shadow"), 0b1101, false),
                new FilterTerm(new PathPattern.Prefix("/root"), FilterTerm.ALL_MODES, false),
                new FilterTerm(new PathPattern.Suffix(".pem"), 0b0001, false),
                new FilterTerm(new PathPattern.Suffix("/.bashrc"), 0b0010, true),
                new FilterTerm(PathPattern.ANY, 0b0100, true)));
    KernelFilter filter = new KernelFilter(Map.of("openat", f));
    FilterMaps maps = FilterMaps.of(filter);
    Random r = new Random(7);
    int admitted = 0;
    int dropped = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder p = new StringBuilder();
      for (int n = 1 + r.nextInt(3); n > 0; n--) {
        p.append('/').append(PARTS.get(r.nextInt(PARTS.size())));
      }
      switch (r.nextInt(8)) {
        case 0 -> p.insert(0, '/');
        case 1 -> p.append("/.");
        case 2 -> p.insert(0, "/tmp/..");
        case 3 -> p.deleteCharAt(0);
        default -> {}
      }
      int flags = r.nextInt(4);
      long result = r.nextBoolean() ? 3 : -2;
      boolean want = filter.admits("openat", p.toString(), flags, result);
      boolean got = maps.admits(OpenSyscall.OPENAT.value(), p.toString(), flags, result);
      if (want) {
        assertThat(got).as(p + " " + flags + " " + result).isTrue();
      }
      admitted += got ? 1 : 0;
      dropped += got ? 0 : 1;
    }
    assertThat(dropped).isGreaterThan(1000);
    assertThat(admitted).isGreaterThan(1000);
    assertThat(maps.admits(OpenSyscall.OPEN.value(), "/anything", 0, -1))
        .as("a syscall without filter passes")
        .isTrue();
    assertThat(maps.admits(OpenSyscall.OPENAT.value(), "/usr/../etc/x", 0, 3))
        .as("a path not yet normal passes")
        .isTrue();
    assertThat(maps.admits(OpenSyscall.OPENAT.value(), "/usr/bin/x", 0, 3)).isFalse();
  }

  @Test
  void theKernelComparesPathsAsLongAsTheFilterSays() {
    // the key: slot byte, path, NUL
    assertThat(KernelFilter.MAX_PATH_BYTES).isEqualTo(FilterLimit.KEY_BYTES.value() - 2);
  }
}
