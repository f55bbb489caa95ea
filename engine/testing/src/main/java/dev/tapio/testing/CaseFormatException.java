package dev.tapio.testing;

/** A case file that cannot be read; the message names the file and the place in it. */
public final class CaseFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CaseFormatException(String message, Throwable cause) {
    super(message, cause);
  }

  public CaseFormatException(String message) {
    super(message);
  }
}
