package dev.tapio.rules.internal.collector;

import dev.tapio.api.alert.Priority;
import dev.tapio.rules.internal.reader.RuleFileItem.ExceptionDef;
import dev.tapio.rules.internal.report.Context;
import dev.tapio.rules.internal.yaml.YNode.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The collected definitions: mutable while files are collected, read by the compiler. */
public final class Collected {

  private Collected() {}

  /** A list: its items as written (each keeps its position). */
  public static final class ListInfo {
    public final String name;
    public Context context;
    public List<YScalar> items;

    ListInfo(String name, Context context, List<YScalar> items) {
      this.name = name;
      this.context = context;
      this.items = new ArrayList<>(items);
    }
  }

  /** A macro: its condition text (appends joined with a space) and the scalar it started as. */
  public static final class MacroInfo {
    public final String name;
    public Context context;
    public String condition;
    public YScalar conditionScalar;

    MacroInfo(String name, Context context, YScalar condition) {
      this.name = name;
      this.context = context;
      this.condition = condition.text();
      this.conditionScalar = condition;
    }
  }

  /** A rule with every key resolved. */
  public static final class RuleInfo {
    public final String name;
    public Context context;
    public String condition;
    public YScalar conditionScalar;
    public String output;
    public String desc;
    public Priority priority;
    public String source;
    public boolean explicitSource;
    public boolean enabled = true;
    public Set<String> tags = new LinkedHashSet<>();
    public List<ExceptionDef> exceptions = new ArrayList<>();
    public boolean warnEvttypes = true;
    public boolean skipIfUnknownFilter;
    public boolean capture;
    public @Nullable String captureDuration;

    public RuleInfo(
        String name,
        Context context,
        YScalar condition,
        String output,
        String desc,
        Priority priority,
        String source) {
      this.name = name;
      this.context = context;
      this.condition = condition.text();
      this.conditionScalar = condition;
      this.output = output;
      this.desc = desc;
      this.priority = priority;
      this.source = source;
    }
  }
}
