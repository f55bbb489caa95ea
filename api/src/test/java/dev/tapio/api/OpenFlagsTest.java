package dev.tapio.api;

import static dev.tapio.api.event.OpenFlags.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.OpenFlags;
import org.junit.jupiter.api.Test;

class OpenFlagsTest {

  @Test
  void rendersTheAccessModeThenTheOtherFlags() {
    assertThat(OpenFlags.render(O_RDONLY)).isEqualTo("O_RDONLY");
    assertThat(OpenFlags.render(O_RDONLY | O_CLOEXEC)).isEqualTo("O_RDONLY|O_CLOEXEC");
    assertThat(OpenFlags.render(O_WRONLY | O_CREAT | O_TRUNC))
        .isEqualTo("O_WRONLY|O_CREAT|O_TRUNC");
    assertThat(OpenFlags.render(O_RDWR | O_SYNC)).isEqualTo("O_RDWR|O_SYNC");
    assertThat(OpenFlags.render(O_RDWR | O_DSYNC)).isEqualTo("O_RDWR|O_DSYNC");
    assertThat(OpenFlags.render(O_TMPFILE | O_WRONLY)).isEqualTo("O_WRONLY|O_TMPFILE");
  }

  @Test
  void parsesNamesAndNumbers() {
    assertThat(OpenFlags.parse("O_WRONLY|O_CREAT")).hasValue(O_WRONLY | O_CREAT);
    assertThat(OpenFlags.parse("wronly | trunc")).hasValue(O_WRONLY | O_TRUNC);
    assertThat(OpenFlags.parse("0101")).hasValue(O_WRONLY | O_CREAT);
    assertThat(OpenFlags.parse("0x41")).hasValue(O_WRONLY | O_CREAT);
    assertThat(OpenFlags.parse("65")).hasValue(O_WRONLY | O_CREAT);
    assertThat(OpenFlags.parse("O_BOGUS")).isEmpty();
    assertThat(OpenFlags.parse("")).isEmpty();
  }

  @Test
  void renderAndParseRoundTrip() {
    for (String name : OpenFlags.names()) {
      int bits = OpenFlags.parse(name).orElseThrow();
      assertThat(OpenFlags.parse(OpenFlags.render(bits))).hasValue(bits);
    }
  }

  @Test
  void readAndWriteFollowTheAccessMode() {
    assertThat(OpenFlags.isRead(O_RDONLY)).isTrue();
    assertThat(OpenFlags.isWrite(O_RDONLY)).isFalse();
    assertThat(OpenFlags.isRead(O_RDWR)).isTrue();
    assertThat(OpenFlags.isWrite(O_RDWR)).isTrue();
    assertThat(OpenFlags.isRead(O_WRONLY | O_CREAT)).isFalse();
  }
}
