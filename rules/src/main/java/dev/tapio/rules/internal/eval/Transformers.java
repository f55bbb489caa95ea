package dev.tapio.rules.internal.eval;

import dev.tapio.grammar.TransformerKind;
import dev.tapio.rules.internal.fields.FieldAccessor;
import dev.tapio.rules.internal.fields.FieldType;
import dev.tapio.rules.internal.match.Ascii;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Field transformers: {@code tolower}, {@code toupper}, {@code b64}, {@code basename}, {@code len}.
 */
public final class Transformers {

  private Transformers() {}

  /** The type a transformer yields from {@code input}, or null when it does not apply. */
  public static @Nullable FieldType resultType(TransformerKind transformer, FieldType input) {
    return switch (transformer) {
      case TOLOWER, TOUPPER, BASENAME -> input == FieldType.STRING ? FieldType.STRING : null;
      case B64 -> input == FieldType.STRING || input == FieldType.BYTES ? FieldType.STRING : null;
      case LEN ->
          input == FieldType.STRING || input == FieldType.BYTES || input == FieldType.STRING_LIST
              ? FieldType.NUMBER
              : null;
      case JOIN, CONCAT, GETOPT -> null;
    };
  }

  public static FieldAccessor apply(TransformerKind transformer, FieldAccessor inner) {
    return switch (transformer) {
      case TOLOWER -> e -> map(inner.get(e), v -> Ascii.lower(v.toString()));
      case TOUPPER -> e -> map(inner.get(e), v -> Ascii.upper(v.toString()));
      case BASENAME ->
          e ->
              map(
                  inner.get(e),
                  v -> {
                    String s = v.toString();
                    return s.substring(s.lastIndexOf('/') + 1);
                  });
      case B64 ->
          e ->
              map(
                  inner.get(e),
                  v -> {
                    try {
                      byte[] in =
                          v instanceof byte[] b ? b : v.toString().getBytes(StandardCharsets.UTF_8);
                      return new String(Base64.getDecoder().decode(in), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException x) {
                      return null;
                    }
                  });
      case LEN ->
          e ->
              map(
                  inner.get(e),
                  v ->
                      switch (v) {
                        case byte[] b -> (long) b.length;
                        case List<?> l -> (long) l.size();
                        default -> (long) v.toString().length();
                      });
      case JOIN, CONCAT, GETOPT -> throw new IllegalArgumentException(transformer.spelling());
    };
  }

  private static @Nullable Object map(
      @Nullable Object v, java.util.function.Function<Object, @Nullable Object> f) {
    return v == null ? null : f.apply(v);
  }
}
