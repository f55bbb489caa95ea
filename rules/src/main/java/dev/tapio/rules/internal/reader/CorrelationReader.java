package dev.tapio.rules.internal.reader;

import dev.tapio.api.alert.Priority;
import dev.tapio.rules.CompiledCorrelation.Kind;
import dev.tapio.rules.diagnostics.Messages;
import dev.tapio.rules.internal.reader.RuleFileItem.CorrelationDef;
import dev.tapio.rules.internal.reader.RuleFileItem.KeyDef;
import dev.tapio.rules.internal.reader.RuleFileItem.StepDef;
import dev.tapio.rules.internal.report.Context;
import dev.tapio.rules.internal.yaml.YNode;
import dev.tapio.rules.internal.yaml.YNode.YMap;
import dev.tapio.rules.internal.yaml.YNode.YScalar;
import dev.tapio.rules.internal.yaml.YNode.YSeq;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code correlation} item, Tapio's extension to the rule format: its own top-level key, so
 * Falco's items and keys are untouched. Structure only; durations, fields and rule names are the
 * compiler's to check.
 */
final class CorrelationReader {

  static final String STEP_NAME_REGEX = "^[a-zA-Z_][a-zA-Z0-9_]*$";
  private static final Pattern STEP_NAME = Pattern.compile(STEP_NAME_REGEX);

  private static final Set<String> KEYS =
      Set.of(
          "correlation",
          "desc",
          "kind",
          "steps",
          "by",
          "within",
          "count",
          "output",
          "priority",
          "tags",
          "enabled",
          "max_keys");
  private static final Set<String> STEP_KEYS = Set.of("name", "condition", "rule");

  private final RuleReader reader;

  CorrelationReader(RuleReader reader) {
    this.reader = reader;
  }

  CorrelationDef correlation(Context fileCtx, YMap map) {
    String name =
        reader.scalar(fileCtx.in("correlation", "", map.position()), map, "correlation", true);
    Context ctx = fileCtx.in("correlation", name, map.position());
    reader.unknownKeys(ctx, map, KEYS);
    for (String key : List.of("steps", "by", "within", "output", "priority")) {
      if (!map.has(key)) {
        reader.fail(ctx, Messages.format(Messages.MISSING_KEY, key));
      }
    }
    Kind kind = kind(ctx, map);
    List<StepDef> steps = steps(ctx, map);
    String stepsError =
        switch (kind) {
          case SEQUENCE -> steps.size() < 2 ? Messages.SEQUENCE_STEPS : null;
          case THRESHOLD -> steps.size() != 1 ? Messages.THRESHOLD_STEPS : null;
          case ABSENCE -> steps.size() != 2 ? Messages.ABSENCE_STEPS : null;
        };
    if (stepsError != null) {
      reader.fail(RuleReader.keyCtx(ctx, map, "steps"), stepsError);
    }
    int count = count(ctx, map, kind);
    String priorityText = reader.scalar(ctx, map, "priority", true);
    Priority priority =
        Priority.parse(priorityText)
            .orElseGet(
                () -> {
                  reader.fail(
                      RuleReader.keyCtx(ctx, map, "priority"),
                      Messages.format(Messages.INVALID_PRIORITY, priorityText));
                  throw new AssertionError();
                });
    if (!(map.get("within") instanceof YScalar within)) {
      reader.fail(
          RuleReader.keyCtx(ctx, map, "within"), Messages.format(Messages.NOT_A_SCALAR, "within"));
      throw new AssertionError();
    }
    Integer maxKeys = null;
    if (map.has("max_keys")) {
      maxKeys = positive(reader.scalar(ctx, map, "max_keys", true), 1);
      if (maxKeys == null) {
        reader.fail(RuleReader.keyCtx(ctx, map, "max_keys"), Messages.BAD_MAX_KEYS);
      }
    }
    return new CorrelationDef(
        ctx,
        map.position(),
        name,
        reader.optionalScalar(ctx, map, "desc"),
        kind,
        steps,
        keys(ctx, map, steps),
        within,
        count,
        reader.scalar(ctx, map, "output", true).strip(),
        priority,
        map.has("tags")
            ? reader.scalars(ctx, map, "tags").stream().map(YScalar::text).toList()
            : List.of(),
        reader.bool(ctx, map, "enabled", true),
        maxKeys);
  }

  private Kind kind(Context ctx, YMap map) {
    String text = map.has("kind") ? reader.scalar(ctx, map, "kind", true) : "sequence";
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "sequence" -> Kind.SEQUENCE;
      case "threshold" -> Kind.THRESHOLD;
      case "absence" -> Kind.ABSENCE;
      default -> {
        reader.fail(
            RuleReader.keyCtx(ctx, map, "kind"),
            Messages.format(Messages.CORRELATION_BAD_KIND, text));
        throw new AssertionError();
      }
    };
  }

  private int count(Context ctx, YMap map, Kind kind) {
    if (!map.has("count")) {
      if (kind == Kind.THRESHOLD) {
        reader.fail(ctx, Messages.format(Messages.MISSING_KEY, "count"));
      }
      return 1;
    }
    if (kind != Kind.THRESHOLD) {
      reader.fail(RuleReader.keyCtx(ctx, map, "count"), Messages.COUNT_NOT_THRESHOLD);
    }
    Integer n = positive(reader.scalar(ctx, map, "count", true), 2);
    if (n == null) {
      reader.fail(RuleReader.keyCtx(ctx, map, "count"), Messages.THRESHOLD_COUNT);
      throw new AssertionError();
    }
    return n;
  }

  private List<StepDef> steps(Context ctx, YMap map) {
    if (!(map.get("steps") instanceof YSeq seq)) {
      reader.fail(
          RuleReader.keyCtx(ctx, map, "steps"),
          Messages.format(Messages.NOT_A_SEQUENCE_OF, "steps"));
      throw new AssertionError();
    }
    List<StepDef> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (YNode node : seq.items()) {
      if (!(node instanceof YMap sm)) {
        reader.fail(ctx.in("step", node.position()), Messages.ITEM_NOT_A_MAP);
        throw new AssertionError();
      }
      String name =
          sm.has("name")
              ? reader.scalar(ctx.in("step", "", sm.position()), sm, "name", true)
              : "step" + (out.size() + 1);
      Context sctx = ctx.in("step", name, sm.position());
      reader.unknownKeys(sctx, sm, STEP_KEYS);
      if (!STEP_NAME.matcher(name).matches()) {
        reader.fail(
            RuleReader.keyCtx(sctx, sm, "name"),
            Messages.format(Messages.STEP_BAD_NAME, name, STEP_NAME_REGEX));
      }
      if (!names.add(name)) {
        reader.fail(
            RuleReader.keyCtx(sctx, sm, "name"), Messages.format(Messages.STEP_DUPLICATE, name));
      }
      YScalar condition = scalarOrNull(sctx, sm, "condition");
      YScalar rule = scalarOrNull(sctx, sm, "rule");
      if ((condition == null) == (rule == null)) {
        reader.fail(sctx, Messages.STEP_CONDITION_OR_RULE);
      }
      out.add(new StepDef(sctx, name, condition, rule));
    }
    return out;
  }

  private @Nullable YScalar scalarOrNull(Context ctx, YMap map, String key) {
    if (!map.has(key)) {
      return null;
    }
    reader.scalar(ctx, map, key, true); // fails on an empty or non-scalar value
    return (YScalar) map.get(key);
  }

  private List<KeyDef> keys(Context ctx, YMap map, List<StepDef> steps) {
    YNode node = map.get("by");
    List<YNode> items = node instanceof YSeq seq ? seq.items() : List.of();
    if (!(node instanceof YSeq) || items.isEmpty()) {
      reader.fail(
          RuleReader.keyCtx(ctx, map, "by"), Messages.format(Messages.NOT_A_SEQUENCE_OF, "by"));
    }
    List<KeyDef> out = new ArrayList<>();
    for (YNode item : items) {
      Context kctx = ctx.in("key", item.position());
      switch (item) {
        case YScalar s when !s.text().isBlank() -> out.add(new KeyDef(kctx, Map.of(), s));
        case YMap km -> out.add(new KeyDef(kctx, perStep(kctx, km, steps), null));
        default -> reader.fail(kctx, Messages.format(Messages.NOT_A_SEQUENCE_OF, "by"));
      }
    }
    return out;
  }

  private Map<String, YScalar> perStep(Context ctx, YMap km, List<StepDef> steps) {
    Map<String, YScalar> out = new LinkedHashMap<>();
    for (YNode.Entry e : km.entries().values()) {
      if (steps.stream().noneMatch(s -> s.name().equals(e.key()))) {
        reader.fail(
            ctx.in("key", e.keyPosition()), Messages.format(Messages.KEY_UNKNOWN_STEP, e.key()));
      }
      reader.scalar(ctx, km, e.key(), true);
      out.put(e.key(), (YScalar) e.value());
    }
    for (StepDef s : steps) {
      if (!out.containsKey(s.name())) {
        reader.fail(ctx, Messages.format(Messages.KEY_MISSING_STEP, s.name()));
      }
    }
    return out;
  }

  private static @Nullable Integer positive(String text, int min) {
    try {
      int n = Integer.parseInt(text.strip());
      return n >= min ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
