package dev.tapio.app;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.recording.Recording;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Consumer;

/**
 * Sees every enriched event on the pipeline thread: prints it ({@code --print-events}), records it
 * ({@code tapio record}), or does nothing. Events are written in the recording format that {@code
 * tapio replay} and rule test cases read.
 */
interface EventTap extends Consumer<EnrichedEvent>, AutoCloseable {

  @Override
  void close();

  static EventTap of(EngineOptions options) {
    try {
      if (options.recordTo() != null) {
        return new Writing(
            Files.newBufferedWriter(options.recordTo(), StandardCharsets.UTF_8), true);
      }
      if (options.printEvents()) {
        return new Writing(
            new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)), false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the recording file", e);
    }
    return new EventTap() {
      @Override
      public void accept(EnrichedEvent e) {}

      @Override
      public void close() {}
    };
  }

  /** Writes one JSON object per event and line. */
  final class Writing implements EventTap {
    private final Writer out;
    private final boolean closeOut;

    Writing(Writer out, boolean closeOut) {
      this.out = out;
      this.closeOut = closeOut;
    }

    @Override
    public void accept(EnrichedEvent event) {
      try {
        out.write(Recording.line(event));
        out.write('\n');
        if (!closeOut) {
          out.flush(); // stdout: one event per line as it happens
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        if (closeOut) {
          out.close();
        } else {
          out.flush();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
