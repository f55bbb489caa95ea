package dev.tapio.app.config;

/**
 * Where a value came from: a place in a file ({@code tapio.yaml:12:3}), an environment variable, a
 * flag, or the built-in default. Problems are reported against it.
 *
 * @param source what supplied the value
 * @param where the file name, variable name or flag; empty for defaults
 * @param line 1-based line in a file, 0 otherwise
 * @param column 1-based column in a file, 0 otherwise
 */
public record Origin(Source source, String where, int line, int column) {

  /** The kinds of origin, weakest first: a later kind overrides an earlier one. */
  public enum Source {
    DEFAULT,
    FILE,
    ENVIRONMENT,
    FLAG
  }

  static final Origin DEFAULT = new Origin(Source.DEFAULT, "", 0, 0);

  static Origin file(String file, int line, int column) {
    return new Origin(Source.FILE, file, line, column);
  }

  static Origin environment(String variable) {
    return new Origin(Source.ENVIRONMENT, variable, 0, 0);
  }

  static Origin flag(String flag) {
    return new Origin(Source.FLAG, flag, 0, 0);
  }

  /**
   * {@code tapio.yaml:12:3}, {@code environment variable TAPIO_X}, {@code --set}, {@code default}.
   */
  @Override
  public String toString() {
    return switch (source) {
      case DEFAULT -> "default";
      case FILE -> where + ":" + line + ":" + column;
      case ENVIRONMENT -> "environment variable " + where;
      case FLAG -> where;
    };
  }
}
