package dev.tapio.app.config;

/**
 * A value given on the command line, already typed ({@code --rules}) or as text ({@code --set
 * key=value}, typed and checked when loaded).
 *
 * @param flag what the user typed, for messages: {@code --set spool.maxBytes}
 */
public record FlagValue(Setting<?> setting, Object value, boolean isText, String flag) {

  public static <T> FlagValue of(Setting<T> setting, T value, String flag) {
    return new FlagValue(setting, value, false, flag);
  }

  /** {@code --set KEY=VALUE}; an unknown key or a malformed pair is reported at load. */
  public static FlagValue parse(String assignment) {
    int eq = assignment.indexOf('=');
    String key = eq < 0 ? assignment : assignment.substring(0, eq).strip();
    String text = eq < 0 ? "" : assignment.substring(eq + 1);
    Setting<?> setting =
        Settings.byPath(key)
            .orElseThrow(
                () ->
                    new ConfigException(
                        java.util.List.of(
                            new ConfigProblem(
                                Origin.flag("--set " + key),
                                ConfigMessages.unknownKey(
                                    key, Settings.ALL.stream().map(Setting::path).toList())))));
    if (eq < 0) {
      throw new ConfigException(
          java.util.List.of(
              new ConfigProblem(Origin.flag("--set " + key), ConfigMessages.SET_WITHOUT_VALUE)));
    }
    return new FlagValue(setting, text, true, "--set " + key);
  }
}
