package dev.tapio.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapio.api.context.EnrichedEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording file as {@code tapio record} writes it: one event tree ({@link EventWriter}) as JSON
 * per line. {@code tapio replay} reads it back, and rule test cases take their events from one with
 * {@code events_from}.
 */
public final class Recording {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Recording() {}

  /** One line of a recording: {@code event} as compact JSON, without the line break. */
  public static String line(EnrichedEvent event) {
    try {
      return JSON.writeValueAsString(EventWriter.write(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an event tree is always JSON", e);
    }
  }

  /**
   * Reads the recording at {@code path}, blank lines ignored.
   *
   * @throws EventFormatException naming {@code file:line} when a line is not JSON or not an event,
   *     or the file when it cannot be read
   */
  public static List<EnrichedEvent> read(Path path) {
    List<EnrichedEvent> events = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(path)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String where = path + ":" + number;
        try {
          events.add(EventReader.read(JSON.readTree(line), where, 0));
        } catch (JsonProcessingException e) {
          throw new EventFormatException(where, "not valid JSON: " + e.getOriginalMessage());
        }
      }
    } catch (IOException e) {
      throw new EventFormatException(path.toString(), "cannot read recording: " + e);
    }
    return events;
  }
}
