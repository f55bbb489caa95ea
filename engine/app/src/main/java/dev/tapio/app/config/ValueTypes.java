package dev.tapio.app.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The value types settings use. Sizes and durations print back in their largest exact unit. */
final class ValueTypes {
  private ValueTypes() {}

  /** Turns scalar text into a value, or throws IllegalArgumentException when it does not fit. */
  @FunctionalInterface
  interface Parse<T> {
    T parse(String text, Path base);
  }

  /** A type read from one scalar whose YAML kind is one of {@code kinds}. */
  record ScalarType<T>(
      String expected,
      Set<YamlNode.Kind> kinds,
      Parse<T> parse,
      java.util.function.Function<T, Object> render)
      implements ValueType<T> {

    @Override
    public T fromNode(YamlNode node, Path base) throws BadValue {
      if (!(node instanceof YamlNode.Scalar s)) {
        throw new BadValue(node.describe());
      }
      if (!kinds.contains(s.kind())) {
        throw new BadValue(s.kind() == YamlNode.Kind.STRING ? "'" + s.text() + "'" : s.describe());
      }
      return fromText(s.text(), base);
    }

    @Override
    public T fromText(String text) throws BadValue {
      return fromText(text, Path.of(""));
    }

    private T fromText(String text, Path base) throws BadValue {
      try {
        return parse.parse(text.strip(), base);
      } catch (IllegalArgumentException e) {
        throw new BadValue("'" + text + "'");
      }
    }

    @Override
    public Object toYaml(T value) {
      return render.apply(value);
    }
  }

  private static final Set<YamlNode.Kind> STRINGY =
      Set.of(YamlNode.Kind.STRING, YamlNode.Kind.INTEGER, YamlNode.Kind.DECIMAL);

  static final ValueType<Boolean> BOOLEAN =
      new ScalarType<>(
          "true or false",
          Set.of(YamlNode.Kind.BOOLEAN),
          (text, base) ->
              switch (text.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException();
              },
          b -> b);

  static final ValueType<Integer> INTEGER =
      new ScalarType<>(
          "an integer",
          Set.of(YamlNode.Kind.INTEGER),
          (text, base) -> Integer.parseInt(text),
          i -> i);

  /** A share such as a watermark or a CPU budget: a decimal number from 0 to 1. */
  static final ValueType<Double> FRACTION =
      new ScalarType<>(
          "a number from 0 to 1",
          Set.of(YamlNode.Kind.DECIMAL, YamlNode.Kind.INTEGER),
          (text, base) -> {
            double d = Double.parseDouble(text);
            if (!(d >= 0 && d <= 1)) {
              throw new IllegalArgumentException();
            }
            return d;
          },
          d -> d);

  static final ValueType<String> STRING =
      new ScalarType<>("a string", STRINGY, (text, base) -> text, s -> s);

  static final ValueType<Path> PATH =
      new ScalarType<>(
          "a path",
          Set.of(YamlNode.Kind.STRING),
          (text, base) -> {
            if (text.isEmpty()) {
              throw new IllegalArgumentException();
            }
            return base.resolve(text).normalize();
          },
          Path::toString);

  static final ValueType<String> URL =
      new ScalarType<>(
          "an http:// or https:// URL",
          Set.of(YamlNode.Kind.STRING),
          (text, base) -> {
            URI uri = URI.create(text);
            if (!Set.of("http", "https").contains(String.valueOf(uri.getScheme()))
                || uri.getHost() == null) {
              throw new IllegalArgumentException();
            }
            return text;
          },
          s -> s);

  /** {@code host:port}, {@code [v6]:port}; port 0 picks a free port. */
  static final ValueType<String> ADDRESS =
      new ScalarType<>(
          "an address such as 127.0.0.1:8765",
          Set.of(YamlNode.Kind.STRING),
          (text, base) -> {
            HostPort.parse(text);
            return text;
          },
          s -> s);

  static ValueType<String> oneOf(String... choices) {
    return new ScalarType<>(
        "one of " + String.join(", ", choices),
        Set.of(YamlNode.Kind.STRING),
        (text, base) -> {
          for (String c : choices) {
            if (c.equalsIgnoreCase(text)) {
              return c;
            }
          }
          throw new IllegalArgumentException();
        },
        s -> s);
  }

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|B|KiB|MiB|GiB)");
  private static final Map<String, Long> SIZE_UNITS =
      Map.of("", 1L, "B", 1L, "KiB", 1L << 10, "MiB", 1L << 20, "GiB", 1L << 30);

  static final ValueType<Long> SIZE_BYTES =
      new ScalarType<>(
          "a size (bytes, or a number with KiB, MiB or GiB)",
          Set.of(YamlNode.Kind.INTEGER, YamlNode.Kind.STRING),
          (text, base) -> {
            Matcher m = SIZE.matcher(text);
            if (!m.matches()) {
              throw new IllegalArgumentException();
            }
            return Math.multiplyExact(
                Long.parseLong(m.group(1)), SIZE_UNITS.getOrDefault(m.group(2), 1L));
          },
          ValueTypes::formatSize);

  static String formatSize(long bytes) {
    for (String unit : List.of("GiB", "MiB", "KiB")) {
      long scale = SIZE_UNITS.getOrDefault(unit, 1L);
      if (bytes != 0 && bytes % scale == 0) {
        return bytes / scale + unit;
      }
    }
    return String.valueOf(bytes);
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  static final ValueType<Duration> DURATION_VALUE =
      new ScalarType<>(
          "a duration (a number with ms, s, m, h or d)",
          Set.of(YamlNode.Kind.STRING),
          (text, base) -> {
            Matcher m = DURATION.matcher(text);
            if (!m.matches()) {
              throw new IllegalArgumentException();
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
              case "ms" -> Duration.ofMillis(n);
              case "s" -> Duration.ofSeconds(n);
              case "m" -> Duration.ofMinutes(n);
              case "h" -> Duration.ofHours(n);
              default -> Duration.ofDays(n);
            };
          },
          ValueTypes::formatDuration);

  static String formatDuration(Duration d) {
    long ms = d.toMillis();
    if (ms != 0 && ms % 86_400_000 == 0) {
      return ms / 86_400_000 + "d";
    } else if (ms != 0 && ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    } else if (ms != 0 && ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    } else if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }

  /** A YAML list of {@code item}; as text, comma-separated. */
  record ListType<T>(ValueType<T> item) implements ValueType<List<T>> {
    @Override
    public String expected() {
      return "a list of " + item.expected().replaceFirst("^an? ", "") + "s";
    }

    @Override
    public List<T> fromNode(YamlNode node, Path base) throws BadValue {
      if (!(node instanceof YamlNode.Sequence seq)) {
        throw new BadValue(node.describe());
      }
      List<T> out = new ArrayList<>();
      for (YamlNode n : seq.items()) {
        out.add(item.fromNode(n, base));
      }
      return List.copyOf(out);
    }

    @Override
    public List<T> fromText(String text) throws BadValue {
      List<T> out = new ArrayList<>();
      for (String part : text.split(",")) {
        if (!part.isBlank()) {
          out.add(item.fromText(part.strip()));
        }
      }
      return List.copyOf(out);
    }

    @Override
    public Object toYaml(List<T> value) {
      return value.stream().map(item::toYaml).toList();
    }
  }

  /** Names to strings; as text {@code k=v,k2=v2} with URL-encoded values, as OTEL_* headers. */
  static final ValueType<Map<String, String>> STRING_MAP =
      new ValueType<>() {
        @Override
        public String expected() {
          return "a mapping of names to strings";
        }

        @Override
        public Map<String, String> fromNode(YamlNode node, Path base) throws BadValue {
          if (!(node instanceof YamlNode.Mapping map)) {
            throw new BadValue(node.describe());
          }
          Map<String, String> out = new LinkedHashMap<>();
          for (YamlNode.Entry e : map.entries()) {
            out.put(e.key(), STRING.fromNode(e.value(), base));
          }
          return java.util.Collections.unmodifiableMap(out);
        }

        @Override
        public Map<String, String> fromText(String text) throws BadValue {
          Map<String, String> out = new LinkedHashMap<>();
          for (String pair : text.split(",")) {
            if (pair.isBlank()) {
              continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
              throw new BadValue("'" + text + "'");
            }
            out.put(
                pair.substring(0, eq).strip(),
                URLDecoder.decode(pair.substring(eq + 1).strip(), StandardCharsets.UTF_8));
          }
          return java.util.Collections.unmodifiableMap(out);
        }

        @Override
        public Object toYaml(Map<String, String> value) {
          return value;
        }
      };
}
