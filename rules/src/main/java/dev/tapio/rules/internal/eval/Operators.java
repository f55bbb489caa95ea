package dev.tapio.rules.internal.eval;

import dev.tapio.api.event.IpText;
import dev.tapio.grammar.Modifier;
import dev.tapio.grammar.Operator;
import dev.tapio.rules.internal.fields.FieldType;
import dev.tapio.rules.internal.match.Ascii;
import dev.tapio.rules.internal.match.Glob;
import dev.tapio.rules.internal.match.Network;
import dev.tapio.rules.internal.match.PathPrefix;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The operators' semantics (docs §3): exact, case-sensitive comparisons except {@code icontains}
 * and {@code iglob}; whole-string globs with {@code *} crossing {@code /}; {@code pmatch} by path
 * components; full-match regular expressions; networks for IP fields.
 */
public final class Operators {

  private Operators() {}

  /** A right-hand value that does not fit the field type. */
  public static final class BadValue extends Exception {
    private static final long serialVersionUID = 1L;

    public BadValue(String message) {
      super(message, null, false, false);
    }
  }

  /** Parses a right-hand text into the field type's representation for {@code op}. */
  public static Object parse(FieldType type, Operator op, String text) throws BadValue {
    if (op == Operator.BCONTAINS || op == Operator.BSTARTSWITH) {
      try {
        return HexFormat.of().parseHex(text.toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadValue("hex");
      }
    }
    return switch (type) {
      case NUMBER -> {
        Long n = parseNumber(text);
        if (n == null) {
          throw new BadValue("number");
        }
        yield n;
      }
      case BOOL -> {
        if (!text.equals("true") && !text.equals("false")) {
          throw new BadValue("bool");
        }
        yield Boolean.valueOf(text);
      }
      case IPADDR, IPNET -> {
        Network n = Network.parse(text);
        if (n == null) {
          throw new BadValue("ip");
        }
        yield n;
      }
      case STRING, STRING_LIST, BYTES -> {
        if (op == Operator.REGEX) {
          try {
            yield Pattern.compile(text, Pattern.DOTALL);
          } catch (PatternSyntaxException e) {
            throw new BadValue("regex: " + e.getDescription());
          }
        }
        yield text;
      }
    };
  }

  static @org.jspecify.annotations.Nullable Long parseNumber(String text) {
    try {
      String t = text.trim();
      boolean neg = t.startsWith("-");
      String u = neg || t.startsWith("+") ? t.substring(1) : t;
      long v;
      if (u.startsWith("0x") || u.startsWith("0X")) {
        v = Long.parseUnsignedLong(u.substring(2), 16);
      } else if (u.matches("\\d+")) {
        v = Long.parseLong(u);
      } else {
        v = (long) Double.parseDouble(u);
      }
      return neg ? -v : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The test of {@code value op constant} for a single-value operator. */
  public static ValueTest single(FieldType type, Operator op, Object c) {
    if (type == FieldType.IPADDR || type == FieldType.IPNET) {
      Network n = (Network) c;
      return switch (op) {
        case EQUALS, DOUBLE_EQUALS -> v -> n.contains((InetAddress) v);
        case NOT_EQUALS -> v -> !n.contains((InetAddress) v);
        default -> throw new IllegalArgumentException(op.spelling());
      };
    }
    if (type == FieldType.NUMBER) {
      long n = (Long) c;
      return switch (op) {
        case EQUALS, DOUBLE_EQUALS -> v -> (Long) v == n;
        case NOT_EQUALS -> v -> (Long) v != n;
        case LESS -> v -> (Long) v < n;
        case LESS_OR_EQUAL -> v -> (Long) v <= n;
        case GREATER -> v -> (Long) v > n;
        case GREATER_OR_EQUAL -> v -> (Long) v >= n;
        default -> throw new IllegalArgumentException(op.spelling());
      };
    }
    if (type == FieldType.BOOL) {
      return switch (op) {
        case EQUALS, DOUBLE_EQUALS -> v -> v.equals(c);
        case NOT_EQUALS -> v -> !v.equals(c);
        default -> throw new IllegalArgumentException(op.spelling());
      };
    }
    if (c instanceof byte[] bytes) {
      return switch (op) {
        case BCONTAINS -> v -> indexOf(bytes(v), bytes) >= 0;
        case BSTARTSWITH -> v -> startsWith(bytes(v), bytes);
        default -> throw new IllegalArgumentException(op.spelling());
      };
    }
    if (c instanceof Pattern p) {
      return v -> p.matcher(v.toString()).matches();
    }
    String s = (String) c;
    return switch (op) {
      case EQUALS, DOUBLE_EQUALS -> new ValueTest.StringEquals(s, true);
      case NOT_EQUALS -> new ValueTest.StringEquals(s, false);
      case CONTAINS -> v -> v.toString().contains(s);
      case ICONTAINS -> v -> Ascii.containsIgnoreCase(v.toString(), s);
      case STARTSWITH -> v -> v.toString().startsWith(s);
      case ENDSWITH -> v -> v.toString().endsWith(s);
      case GLOB -> v -> Glob.matches(s, v.toString(), false);
      case IGLOB -> v -> Glob.matches(s, v.toString(), true);
      case LESS -> v -> v.toString().compareTo(s) < 0;
      case LESS_OR_EQUAL -> v -> v.toString().compareTo(s) <= 0;
      case GREATER -> v -> v.toString().compareTo(s) > 0;
      case GREATER_OR_EQUAL -> v -> v.toString().compareTo(s) >= 0;
      default -> throw new IllegalArgumentException(op.spelling());
    };
  }

  /** {@code in}, {@code intersects} or {@code pmatch} against a list of parsed constants. */
  @SuppressWarnings("unchecked")
  public static ValueTest list(FieldType type, Operator op, List<Object> items) {
    if (op == Operator.PMATCH) {
      PathPrefix prefix = new PathPrefix(items.stream().map(Object::toString).toList());
      return v -> prefix.matches(v.toString());
    }
    if (type == FieldType.IPADDR || type == FieldType.IPNET) {
      List<Network> nets = items.stream().map(Network.class::cast).toList();
      return v -> {
        for (Network n : nets) {
          if (n.contains((InetAddress) v)) {
            return true;
          }
        }
        return false;
      };
    }
    Set<Object> set = new HashSet<>(items);
    if (type == FieldType.STRING_LIST) {
      boolean all = op == Operator.IN;
      return v -> {
        List<String> values = (List<String>) v;
        for (String x : values) {
          if (set.contains(x) != all) {
            return !all;
          }
        }
        return all;
      };
    }
    return new ValueTest.InSet(Set.copyOf(set));
  }

  /** {@code op anyof|allof|oneof (items)}. */
  public static ValueTest modified(
      FieldType type, Operator op, Modifier modifier, List<Object> items) {
    ValueTest[] tests = items.stream().map(i -> single(type, op, i)).toArray(ValueTest[]::new);
    return switch (modifier) {
      case ANYOF ->
          v -> {
            for (ValueTest t : tests) {
              if (t.test(v)) {
                return true;
              }
            }
            return false;
          };
      case ALLOF ->
          v -> {
            for (ValueTest t : tests) {
              if (!t.test(v)) {
                return false;
              }
            }
            return true;
          };
      case ONEOF ->
          v -> {
            int n = 0;
            for (ValueTest t : tests) {
              if (t.test(v)) {
                n++;
              }
            }
            return n == 1;
          };
    };
  }

  /** {@code value op other} where both were extracted ({@code val()} on the right). */
  public static boolean dynamic(FieldType type, Operator op, Object v, Object o) {
    if (v instanceof Long a && o instanceof Long b) {
      return switch (op) {
        case EQUALS, DOUBLE_EQUALS, IN, INTERSECTS -> a.longValue() == b.longValue();
        case NOT_EQUALS -> a.longValue() != b.longValue();
        case LESS -> a < b;
        case LESS_OR_EQUAL -> a <= b;
        case GREATER -> a > b;
        case GREATER_OR_EQUAL -> a >= b;
        default -> false;
      };
    }
    String other = o instanceof InetAddress ia ? IpText.of(ia) : o.toString();
    if (op == Operator.IN || op == Operator.INTERSECTS) {
      return (v instanceof InetAddress va ? IpText.of(va) : v.toString()).equals(other);
    }
    Object c = other;
    if (type == FieldType.IPADDR || type == FieldType.IPNET) {
      Network n = Network.parse(other);
      if (n == null) {
        return false;
      }
      c = n;
    }
    if (type == FieldType.NUMBER) {
      Long n = parseNumber(other);
      if (n == null) {
        return false;
      }
      c = n;
    }
    return single(type == FieldType.STRING_LIST ? FieldType.STRING : type, op, c).test(v);
  }

  private static byte[] bytes(Object v) {
    return v instanceof byte[] b ? b : v.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static boolean startsWith(byte[] hay, byte[] prefix) {
    return prefix.length <= hay.length
        && indexOf(java.util.Arrays.copyOf(hay, prefix.length), prefix) == 0;
  }
}
