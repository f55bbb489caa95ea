package dev.tapio.recording;

/**
 * An event tree that cannot be read. The message names the place in the tree ({@code
 * events[2].process.uid}) and what was expected there.
 */
public final class EventFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;

  public EventFormatException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
  }

  /** Where in the tree the problem is. */
  public String path() {
    return path;
  }
}
