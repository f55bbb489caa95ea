package dev.tapio.app.config;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One configuration setting: its dotted path in the YAML file, its type, its default, and the
 * environment variables that set it. Every setting has the variable {@code TAPIO_} + its path in
 * upper snake case ({@code spool.maxBytes} is {@code TAPIO_SPOOL_MAX_BYTES}); some also answer to
 * standard variables ({@code OTEL_EXPORTER_OTLP_ENDPOINT}), which come first.
 *
 * @param check a further condition on the value, and what it says when the value fails it
 * @param secret never printed by {@code tapio config show}
 */
public record Setting<T>(
    String path,
    ValueType<T> type,
    @Nullable T defaultValue,
    String description,
    List<String> standardVariables,
    @Nullable Check<T> check,
    boolean secret) {

  /** A condition beyond the type: {@code expected} replaces the type's phrase when it fails. */
  public record Check<T>(Predicate<T> test, String expected) {}

  public Setting {
    standardVariables = List.copyOf(standardVariables);
  }

  /** {@code TAPIO_SPOOL_MAX_BYTES} for {@code spool.maxBytes}. */
  public String variable() {
    return "TAPIO_"
        + path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
  }

  /** The standard variables first, then {@link #variable()}, each once. */
  public List<String> variables() {
    return java.util.stream.Stream.concat(
            standardVariables.stream(), java.util.stream.Stream.of(variable()))
        .distinct()
        .toList();
  }

  Setting<T> withCheck(Predicate<T> test, String expected) {
    return new Setting<>(
        path,
        type,
        defaultValue,
        description,
        standardVariables,
        new Check<>(test, expected),
        secret);
  }

  Setting<T> withVariables(String... names) {
    return new Setting<>(path, type, defaultValue, description, List.of(names), check, secret);
  }

  Setting<T> asSecret() {
    return new Setting<>(path, type, defaultValue, description, standardVariables, check, true);
  }
}
