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
  })
  void joinsAndNormalisesLexically(String base, String raw, String expected) {
    assertThat(Paths.lexical(base, raw)).isEqualTo(expected);
  }
}
