package dev.tapio.sensors.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathsTest {
  @ParameterizedTest
  @CsvSource({
    "/tmp, a, /tmp/a",
    "/tmp, ./a/../b, /tmp/b",
    "/tmp, ../../.., /",
    "/tmp, /etc/passwd, /etc/passwd",
    "'', /etc//x/, /etc/x",
    "'', relative, relative",
    "/, a, /a",
    "/tmp, '', /tmp",
    "'', /a/./b, /a/b",
    "'', /a/.., /",
    "'', /a/., /a",
    "'', /., /",
    "'', /a/..b/.c/c., /a/..b/.c/c.",
    "'', /a/, /a",
    "'', /, /",
    "/etc, ..., /etc/...",
  })
  void joinsAndNormalisesLexically(String base, String raw, String expected) {
    assertThat(Paths.lexical(base, raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "/, true",
    "/etc/passwd, true",
    "/a/..b/.c/c., true",
    "/a/.../b, true",
    "//etc, false",
    "/etc/, false",
    "/etc/./x, false",
    "/etc/.., false",
    "/etc/../x, false",
    "/., false",
  })
  void knowsANormalPathWithoutSplittingIt(String path, boolean normal) {
    assertThat(Paths.isNormal(path)).isEqualTo(normal);
  }
}
