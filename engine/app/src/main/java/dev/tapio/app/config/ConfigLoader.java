package dev.tapio.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link EffectiveConfig} in four layers, each overriding the one before: the defaults,
 * the YAML file, the environment, the flags. Every problem in every layer is collected; when there
 * is any, {@link ConfigException} lists them all, each as {@code where: message}.
 */
public final class ConfigLoader {
  private final Map<Setting<?>, EffectiveConfig.Resolved> values = new LinkedHashMap<>();
  private final List<ConfigProblem> problems = new ArrayList<>();

  private ConfigLoader() {
    for (Setting<?> s : Settings.ALL) {
      values.put(s, new EffectiveConfig.Resolved(s.defaultValue(), Origin.DEFAULT));
    }
  }

  /**
   * @param file the YAML file, or null for none
   * @param env the environment ({@code TAPIO_*} and the standard variables settings name)
   * @param flags command-line values, applied last in order
   */
  public static EffectiveConfig load(
      @Nullable Path file, Map<String, String> env, List<FlagValue> flags) {
    ConfigLoader loader = new ConfigLoader();
    if (file != null) {
      loader.file(file);
    }
    loader.environment(env);
    flags.forEach(loader::flag);
    loader.crossChecks();
    if (!loader.problems.isEmpty()) {
      throw new ConfigException(loader.problems);
    }
    loader.computedDefaults();
    return new EffectiveConfig(loader.values);
  }

  /** Reads {@code text} as if it were the file {@code name} (tests, {@code config show}). */
  static EffectiveConfig loadText(String name, String text, Path base) {
    ConfigLoader loader = new ConfigLoader();
    loader.document(YamlReader.read(name, text, loader.problems), base);
    loader.crossChecks();
    if (!loader.problems.isEmpty()) {
      throw new ConfigException(loader.problems);
    }
    loader.computedDefaults();
    return new EffectiveConfig(loader.values);
  }

  private void file(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      problems.add(
          new ConfigProblem(
              Origin.file(file.toString(), 1, 1), ConfigMessages.CANNOT_READ.formatted(e)));
      return;
    }
    Path base = file.toAbsolutePath().getParent();
    document(YamlReader.read(file.toString(), text, problems), base == null ? Path.of("/") : base);
  }

  private void document(YamlNode root, Path base) {
    if (root instanceof YamlNode.Mapping map) {
      section("", map, base);
    } else if (!(root instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NULL)) {
      problems.add(
          new ConfigProblem(root.origin(), ConfigMessages.TOP_LEVEL.formatted(root.describe())));
    }
  }

  /** The keys of one mapping: settings, sections (recursed into), or unknown. */
  private void section(String prefix, YamlNode.Mapping map, Path base) {
    for (YamlNode.Entry entry : map.entries()) {
      String path = prefix.isEmpty() ? entry.key() : prefix + "." + entry.key();
      Setting<?> setting = Settings.byPath(path).orElse(null);
      if (setting != null) {
        if (!(entry.value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NULL)) {
          fromNode(setting, entry.value(), base);
        }
      } else if (isSection(path)) {
        switch (entry.value()) {
          case YamlNode.Mapping inner -> section(path, inner, base);
          case YamlNode.Scalar s when s.kind() == YamlNode.Kind.NULL -> {}
          default ->
              problems.add(
                  new ConfigProblem(
                      entry.value().origin(),
                      ConfigMessages.SECTION.formatted(path, entry.value().describe())));
        }
      } else {
        problems.add(
            new ConfigProblem(
                entry.keyOrigin(), ConfigMessages.unknownKey(path, childrenOf(prefix))));
      }
    }
  }

  private static boolean isSection(String path) {
    return Settings.ALL.stream().anyMatch(s -> s.path().startsWith(path + "."));
  }

  /** The full paths one level below {@code prefix}: the candidates for "did you mean". */
  private static List<String> childrenOf(String prefix) {
    Set<String> out = new LinkedHashSet<>();
    String start = prefix.isEmpty() ? "" : prefix + ".";
    for (Setting<?> s : Settings.ALL) {
      if (s.path().startsWith(start)) {
        String rest = s.path().substring(start.length());
        int dot = rest.indexOf('.');
        out.add(start + (dot < 0 ? rest : rest.substring(0, dot)));
      }
    }
    return List.copyOf(out);
  }

  private <T> void fromNode(Setting<T> setting, YamlNode node, Path base) {
    try {
      accept(setting, setting.type().fromNode(node, base), node.origin(), shown(node));
    } catch (ValueType.BadValue e) {
      mustBe(setting, setting.type().expected(), node.origin(), e.found());
    }
  }

  private static String shown(YamlNode node) {
    return node instanceof YamlNode.Scalar s ? "'" + s.text() + "'" : node.describe();
  }

  private void environment(Map<String, String> env) {
    for (Setting<?> setting : Settings.ALL) {
      for (String variable : setting.variables()) {
        String text = env.get(variable);
        if (text != null && !text.isBlank()) {
          fromText(setting, text, Origin.environment(variable));
          break;
        }
      }
    }
  }

  private void flag(FlagValue flag) {
    Origin origin = Origin.flag(flag.flag());
    if (flag.isText()) {
      fromText(flag.setting(), (String) flag.value(), origin);
    } else {
      values.put(flag.setting(), new EffectiveConfig.Resolved(flag.value(), origin));
    }
  }

  private <T> void fromText(Setting<T> setting, String text, Origin origin) {
    try {
      accept(setting, setting.type().fromText(text), origin, "'" + text + "'");
    } catch (ValueType.BadValue e) {
      mustBe(setting, setting.type().expected(), origin, e.found());
    }
  }

  private <T> void accept(Setting<T> setting, T value, Origin origin, String shown) {
    Setting.Check<T> check = setting.check();
    if (check != null && !check.test().test(value)) {
      mustBe(setting, check.expected(), origin, shown);
      return;
    }
    values.put(setting, new EffectiveConfig.Resolved(value, origin));
  }

  private void mustBe(Setting<?> setting, String expected, Origin origin, String found) {
    problems.add(
        new ConfigProblem(
            origin, ConfigMessages.MUST_BE.formatted(setting.path(), expected, found)));
  }

  /**
   * Conditions between settings: one token at most, an exposed listener needs one, the sampling
   * watermarks leave room between them, and metrics over OTLP need the alerts' OTLP receiver.
   */
  private void crossChecks() {
    EffectiveConfig.Resolved metrics = resolved(Settings.METRICS_OTLP_ENABLED);
    if (Boolean.TRUE.equals(metrics.value()) && resolved(Settings.OTLP_ENDPOINT).value() == null) {
      problems.add(new ConfigProblem(metrics.origin(), ConfigMessages.METRICS_WITHOUT_ENDPOINT));
    }
    EffectiveConfig.Resolved low = resolved(Settings.SAMPLING_QUEUE_LOW);
    if (low.value() instanceof Double l
        && resolved(Settings.SAMPLING_QUEUE_HIGH).value() instanceof Double h
        && l >= h) {
      problems.add(new ConfigProblem(low.origin(), ConfigMessages.WATERMARKS.formatted(l, h)));
    }
    EffectiveConfig.Resolved token = resolved(Settings.HTTP_TOKEN);
    EffectiveConfig.Resolved tokenFile = resolved(Settings.HTTP_TOKEN_FILE);
    if (token.value() != null && tokenFile.value() != null) {
      problems.add(new ConfigProblem(tokenFile.origin(), ConfigMessages.TOKEN_TWICE));
    }
    if (tokenFile.value() instanceof Path p) {
      try {
        if (Files.readAllLines(p).stream().findFirst().orElse("").isBlank()) {
          problems.add(
              new ConfigProblem(tokenFile.origin(), ConfigMessages.TOKEN_FILE_EMPTY.formatted(p)));
        }
      } catch (IOException e) {
        problems.add(
            new ConfigProblem(
                tokenFile.origin(), ConfigMessages.TOKEN_FILE_UNREADABLE.formatted(p, e)));
      }
    }
    EffectiveConfig.Resolved address = resolved(Settings.HTTP_ADDRESS);
    if (Boolean.TRUE.equals(resolved(Settings.HTTP_ENABLED).value())
        && token.value() == null
        && tokenFile.value() == null
        && address.value() instanceof String text
        && !HostPort.parse(text).loopback()) {
      problems.add(
          new ConfigProblem(address.origin(), ConfigMessages.TOKEN_NEEDED.formatted(text)));
    }
  }

  private EffectiveConfig.Resolved resolved(Setting<?> setting) {
    return java.util.Objects.requireNonNull(values.get(setting), setting.path());
  }

  /** Defaults that depend on the machine: the node name is the host name unless set. */
  private void computedDefaults() {
    if (resolved(Settings.NODE_NAME).value() == null) {
      values.put(
          Settings.NODE_NAME, new EffectiveConfig.Resolved(HostName.local(), Origin.DEFAULT));
    }
  }
}
