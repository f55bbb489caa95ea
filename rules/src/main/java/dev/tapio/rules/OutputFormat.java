package dev.tapio.rules;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.event.IpText;
import dev.tapio.rules.internal.fields.FieldAccessor;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A compiled rule output: literal text and {@code %field} tokens. A value that cannot be extracted
 * renders as {@code <NA>} (Falco always prints rule outputs that way).
 */
public final class OutputFormat {

  /** A piece of the format. */
  public sealed interface Part {}

  /** Literal text. */
  public record Text(String text) implements Part {}

  /**
   * A {@code %token}.
   *
   * @param name the token as written, such as {@code proc.aname[2]} or {@code tolower(proc.name)}
   * @param width the {@code %N} width, or 0
   * @param transformed whether it is a transformer (left out of the output-fields map)
   */
  public record Token(String name, int width, boolean transformed, FieldAccessor accessor)
      implements Part {}

  public static final String NA = "<NA>";

  private final String format;
  private final List<Part> parts;

  public OutputFormat(String format, List<Part> parts) {
    this.format = format;
    this.parts = List.copyOf(parts);
  }

  /**
   * Compiles {@code format} as a rule's output is compiled, against the syscall source's fields:
   * for text appended to rules' outputs from elsewhere (the engine's {@code append_output}).
   *
   * @throws IllegalArgumentException naming the problem, such as an unknown field
   */
  public static OutputFormat compile(String format) {
    try {
      return new dev.tapio.rules.internal.compiler.OutputCompiler(
              new dev.tapio.rules.internal.compiler.PredicateCompiler(
                  dev.tapio.rules.internal.fields.FieldCatalog.syscall()))
          .compile(format);
    } catch (dev.tapio.rules.internal.compiler.CompileError e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The format as written in the rule. */
  public String format() {
    return format;
  }

  public List<Part> parts() {
    return parts;
  }

  /** The output text for {@code event}. */
  public String render(EnrichedEvent event) {
    StringBuilder out = new StringBuilder();
    for (Part p : parts) {
      switch (p) {
        case Text t -> out.append(t.text());
        case Token t -> {
          String v = text(t.accessor().get(event));
          if (t.width() > 0) {
            v = v.length() > t.width() ? v.substring(0, t.width()) : pad(v, t.width());
          }
          out.append(v);
        }
      }
    }
    return out.toString();
  }

  /** Every non-transformed token by name with its typed value ({@code null} when missing). */
  public Map<String, @Nullable Object> fields(EnrichedEvent event) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    for (Part p : parts) {
      if (p instanceof Token t && !t.transformed()) {
        out.put(t.name(), json(t.accessor().get(event)));
      }
    }
    return out;
  }

  private static String pad(String v, int width) {
    return v + " ".repeat(width - v.length());
  }

  /** Falco's text rendering of a value. */
  public static String text(@Nullable Object v) {
    return switch (v) {
      case null -> NA;
      case InetAddress a -> IpText.of(a);
      case byte[] b -> new String(b, java.nio.charset.StandardCharsets.UTF_8);
      case List<?> l -> String.join(",", l.stream().map(Object::toString).toList());
      default -> v.toString();
    };
  }

  private static @Nullable Object json(@Nullable Object v) {
    return switch (v) {
      case null -> null;
      case InetAddress a -> IpText.of(a);
      case byte[] b -> new String(b, java.nio.charset.StandardCharsets.UTF_8);
      default -> v;
    };
  }
}
