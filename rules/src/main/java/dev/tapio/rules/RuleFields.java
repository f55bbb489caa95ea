package dev.tapio.rules;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.internal.fields.FieldCatalog;
import dev.tapio.rules.internal.fields.FieldDef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fields rules can use, as a read-only list: what tools outside the compiler need (the field
 * reference, {@code tapio} commands that describe fields) without reaching into the catalog.
 */
public final class RuleFields {
  private RuleFields() {}

  /** Whether and how a field takes a {@code [argument]}. */
  public enum Argument {
    /** No argument. */
    NONE,
    /** An optional index: {@code proc.aname[2]}, or {@code proc.aname} for any level. */
    OPTIONAL_INDEX,
    /** A required index: {@code evt.arg[0]}. */
    REQUIRED_INDEX,
    /** A required key: {@code k8s.pod.label[app]}. */
    KEY,
    /** An optional key: {@code proc.env[HOME]}, or {@code proc.env} for the whole. */
    OPTIONAL_KEY
  }

  /** One field: its Falco name, value type, argument syntax and meaning. */
  public static final class Field {
    private final FieldDef def;

    Field(FieldDef def) {
      this.def = def;
    }

    /** The field's name, such as {@code proc.aname}. */
    public String name() {
      return def.name();
    }

    /** The value type as Falco names it ({@code CHARBUF}, {@code UINT64}, …). */
    public String typeName() {
      return def.type().falcoName();
    }

    /** What the field holds, in Falco's meaning. */
    public String description() {
      return def.description();
    }

    /** Whether and how the field takes an argument. */
    public Argument argument() {
      return switch (def.arg()) {
        case NONE -> Argument.NONE;
        case OPTIONAL_INDEX -> Argument.OPTIONAL_INDEX;
        case REQUIRED_INDEX -> Argument.REQUIRED_INDEX;
        case REQUIRED_KEY -> Argument.KEY;
        case OPTIONAL_KEY -> Argument.OPTIONAL_KEY;
      };
    }

    /** How an argument is written after the name: empty, {@code [N]} or {@code [KEY]}. */
    public String argumentSyntax() {
      return switch (argument()) {
        case NONE -> "";
        case OPTIONAL_INDEX, REQUIRED_INDEX -> "[N]";
        case KEY, OPTIONAL_KEY -> "[KEY]";
      };
    }

    /** The field's value on {@code event} for {@code argument} (null: no argument), or null. */
    public @Nullable Object value(EnrichedEvent event, @Nullable String argument) {
      return def.bind(argument).get(event);
    }
  }

  /** Every field of the syscall source, in the catalog's order. */
  public static List<Field> syscall() {
    return FieldCatalog.syscall().all().stream().map(Field::new).toList();
  }
}
