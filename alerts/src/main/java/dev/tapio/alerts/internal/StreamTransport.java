package dev.tapio.alerts.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes each encoded alert as one line to a stream, flushing after every batch. */
public final class StreamTransport implements Transport<byte[]> {
  private final OutputStream out;
  private final boolean closeStream;

  public StreamTransport(OutputStream out, boolean closeStream) {
    this.out = out;
    this.closeStream = closeStream;
  }

  @Override
  public void deliver(List<byte[]> batch) throws IOException {
    for (byte[] line : batch) {
      out.write(line);
      out.write('\n');
    }
    out.flush();
  }

  @Override
  public void close() {
    try {
      if (closeStream) {
        out.close();
      } else {
        out.flush();
      }
    } catch (IOException e) {
      // Nothing left to deliver to.
    }
  }
}
