package dev.tapio.rules.internal.fields;

import dev.tapio.api.context.EnrichedEvent;
import org.jspecify.annotations.Nullable;

/**
 * One Falco field.
 *
 * @param name the field name ({@code proc.aname})
 * @param type its value type
 * @param arg whether it takes an argument
 * @param description what it holds
 * @param reader reads the value given the bound argument (null when none was written)
 */
public record FieldDef(String name, FieldType type, Arg arg, String description, Reader reader) {

  /** Reads the value of a field for an argument (null when none was written). */
  @FunctionalInterface
  public interface Reader {
    @Nullable Object read(EnrichedEvent event, @Nullable String arg);

    /** The accessor with {@code arg} bound; readers that can do better override this. */
    default FieldAccessor bind(@Nullable String arg) {
      return e -> read(e, arg);
    }
  }

  /** A reader that ignores arguments: binding gives the accessor itself (one call less). */
  record Direct(FieldAccessor accessor) implements Reader {
    @Override
    public @Nullable Object read(EnrichedEvent event, @Nullable String arg) {
      return accessor.get(event);
    }

    @Override
    public FieldAccessor bind(@Nullable String arg) {
      return accessor;
    }
  }

  /** A reader of ancestors by level: the level is parsed once, when bound. */
  record ByLevel(java.util.function.BiFunction<EnrichedEvent, Integer, @Nullable Object> read)
      implements Reader {
    @Override
    public @Nullable Object read(EnrichedEvent event, @Nullable String arg) {
      return read.apply(event, arg == null ? 1 : Integer.parseInt(arg));
    }

    @Override
    public FieldAccessor bind(@Nullable String arg) {
      int level = arg == null ? 1 : Integer.parseInt(arg);
      return e -> read.apply(e, level);
    }
  }

  /** Whether and how a field takes a {@code [argument]}. */
  public enum Arg {
    /** No argument allowed. */
    NONE,
    /** An optional non-negative index; without it, "any level" in filters (proc.aname). */
    OPTIONAL_INDEX,
    /** A required index ({@code evt.arg[0]}). */
    REQUIRED_INDEX,
    /** A required key ({@code k8s.pod.label[app]}, {@code container.mount.dest[/x]}). */
    REQUIRED_KEY,
    /** An optional key: {@code proc.env[HOME]} one variable, {@code proc.env} all of them. */
    OPTIONAL_KEY
  }

  /**
   * The reader of a field Falco has and Tapio's sensors do not collect: it is never extracted, so
   * every comparison on it is false, and rule validation says so.
   */
  record NotExtracted() implements Reader {
    @Override
    public @Nullable Object read(EnrichedEvent event, @Nullable String arg) {
      return null;
    }
  }

  /** A field of Falco's that is never extracted here (see {@link NotExtracted}). */
  public static FieldDef notExtracted(String name, FieldType type, String description) {
    return new FieldDef(name, type, Arg.NONE, description, new NotExtracted());
  }

  /** Whether live events can carry a value of this field. */
  public boolean extracted() {
    return !(reader instanceof NotExtracted);
  }

  /** A field that takes no argument. */
  public static FieldDef simple(
      String name, FieldType type, String description, FieldAccessor accessor) {
    return new FieldDef(name, type, Arg.NONE, description, new Direct(accessor));
  }

  /** The accessor with {@code arg} bound. */
  public FieldAccessor bind(@Nullable String arg) {
    return reader.bind(arg);
  }
}
