package dev.tapio.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapio.api.context.EnrichedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingTest {
  @TempDir Path dir;

  private static EnrichedEvent event(String json) throws Exception {
    return EventReader.read(new ObjectMapper().readTree(json), "event", 0);
  }

  @Test
  void linesReadBackToEqualEventsAndBlankLinesAreSkipped() throws Exception {
    EnrichedEvent exec =
        event(
            """
            {"type":"execve","time":"2026-03-01T10:00:00Z","process":{"pid":10,"name":"bash","exepath":"/bin/bash"}}
            """);
    EnrichedEvent open =
        event(
            """
            {"type":"openat","time":"2026-03-01T10:00:01Z","path":"/etc/shadow","process":{"pid":10}}
            """);
    Path file =
        Files.writeString(
            dir.resolve("r.jsonl"), Recording.line(exec) + "\n\n" + Recording.line(open) + "\n");

    assertThat(Recording.line(exec)).doesNotContain("\n");
    assertThat(Recording.read(file)).isEqualTo(List.of(exec, open));
  }

  @Test
  void aBadLineIsNamedByFileAndLine() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.jsonl"), "{\"type\":\"execve\"}\n{nope\n");
    assertThatThrownBy(() -> Recording.read(file))
        .isInstanceOf(EventFormatException.class)
        .hasMessageStartingWith(file + ":2: not valid JSON: ");
    assertThatThrownBy(() -> Recording.read(dir.resolve("missing.jsonl")))
        .isInstanceOf(EventFormatException.class)
        .hasMessageStartingWith(dir.resolve("missing.jsonl") + ": cannot read recording: ");
  }
}
