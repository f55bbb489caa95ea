package dev.tapio.app.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The configuration in effect: every setting's value and where it came from. Read with the
 * constants of {@link Settings}; build with {@link ConfigLoader}.
 */
public final class EffectiveConfig {

  /** A value and its origin; {@code value} is null for an optional setting left unset. */
  public record Resolved(@Nullable Object value, Origin origin) {}

  private final Map<Setting<?>, Resolved> values;

  EffectiveConfig(Map<Setting<?>, Resolved> values) {
    this.values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Every setting at its default: what {@code tapio run} does with no file, variable or flag. */
  public static EffectiveConfig defaults() {
    return ConfigLoader.load(null, Map.of(), java.util.List.of());
  }

  /**
   * An engine embedded in another program (tests): the defaults and {@code env}, without the HTTP
   * listener.
   */
  public static EffectiveConfig embedded(Map<String, String> env) {
    return ConfigLoader.load(
        null, env, java.util.List.of(FlagValue.of(Settings.HTTP_ENABLED, false, "embedded")));
  }

  /** The value of a setting that has a default. */
  public <T> T get(Setting<T> setting) {
    return Objects.requireNonNull(find(setting).orElse(null), setting.path());
  }

  /** The value of a setting, empty when an optional one is unset. */
  @SuppressWarnings("unchecked") // values are stored by the setting that typed them
  public <T> Optional<T> find(Setting<T> setting) {
    Resolved r = values.get(setting);
    return r == null ? Optional.empty() : Optional.ofNullable((T) r.value());
  }

  public Origin origin(Setting<?> setting) {
    Resolved r = values.get(setting);
    return r == null ? Origin.DEFAULT : r.origin();
  }

  /** Every setting with its value and origin, in {@link Settings#ALL} order. */
  public Map<Setting<?>, Resolved> all() {
    return values;
  }

  /** A copy with one more value set, as by a flag. */
  public <T> EffectiveConfig with(Setting<T> setting, T value, String flag) {
    Map<Setting<?>, Resolved> copy = new LinkedHashMap<>(values);
    copy.put(setting, new Resolved(value, Origin.flag(flag)));
    return new EffectiveConfig(copy);
  }
}
