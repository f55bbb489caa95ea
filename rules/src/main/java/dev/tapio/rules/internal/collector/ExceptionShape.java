package dev.tapio.rules.internal.collector;

import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_ERR_YAML_VALIDATE;

import dev.tapio.rules.diagnostics.Messages;
import dev.tapio.rules.internal.reader.RuleFileItem.ExceptionDef;
import dev.tapio.rules.internal.report.Reporter;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Checks the shape of a rule exception and works out its comparison operators. */
public final class ExceptionShape {

  private ExceptionShape() {}

  private static final Set<String> OPERATORS =
      Set.of(
          "=",
          "==",
          "!=",
          "<",
          "<=",
          ">",
          ">=",
          "contains",
          "icontains",
          "bcontains",
          "startswith",
          "bstartswith",
          "endswith",
          "glob",
          "iglob",
          "regex",
          "in",
          "intersects",
          "pmatch");
  private static final Set<String> STRING_OPERATORS =
      Set.of(
          "=",
          "==",
          "!=",
          "contains",
          "icontains",
          "bcontains",
          "startswith",
          "bstartswith",
          "endswith",
          "glob",
          "iglob",
          "regex");
  private static final Set<String> MODIFIERS = Set.of("oneof", "anyof", "allof");
  private static final Set<String> LIST_OPERATORS = Set.of("in", "intersects", "pmatch");

  /** Whether {@code comp} is an operator, or a string operator followed by a modifier. */
  public static boolean validComp(String comp) {
    String[] parts = comp.trim().split("\\s+", -1);
    if (parts.length == 1) {
      return OPERATORS.contains(parts[0]);
    }
    return parts.length == 2 && STRING_OPERATORS.contains(parts[0]) && MODIFIERS.contains(parts[1]);
  }

  public static boolean isListOperator(String comp) {
    return LIST_OPERATORS.contains(comp.trim()) || comp.trim().contains(" ");
  }

  /** The operators in effect: the defaults ({@code in}, or {@code =} per field) when absent. */
  public static List<String> comps(ExceptionDef e) {
    List<String> fields = e.fields() == null ? List.of() : e.fields();
    if (e.comps() != null) {
      return e.comps();
    }
    return e.fieldsScalar() ? List.of("in") : Collections.nCopies(fields.size(), "=");
  }

  static boolean check(Reporter reporter, ExceptionDef e) {
    if (e.fields() == null) {
      if (e.comps() != null) {
        return fail(reporter, e, Messages.EXCEPTION_COMPS_WITHOUT_FIELDS);
      }
      return true;
    }
    List<String> comps = comps(e);
    if (e.fieldsScalar()) {
      if (comps.size() != 1 || (!e.compsScalar() && e.comps() != null)) {
        return fail(reporter, e, Messages.EXCEPTION_SCALAR_COMP);
      }
      String c = comps.getFirst();
      if (!validComp(c)) {
        return fail(reporter, e, Messages.format(Messages.EXCEPTION_UNKNOWN_COMP, c));
      }
      if (!isListOperator(c)) {
        return fail(reporter, e, Messages.EXCEPTION_SCALAR_COMP);
      }
      return true;
    }
    if (e.compsScalar() || comps.size() != e.fields().size()) {
      return fail(reporter, e, Messages.EXCEPTION_FIELDS_COMPS_LENGTH);
    }
    for (String c : comps) {
      if (!validComp(c)) {
        return fail(reporter, e, Messages.format(Messages.EXCEPTION_UNKNOWN_COMP, c));
      }
    }
    return true;
  }

  private static boolean fail(Reporter reporter, ExceptionDef e, String message) {
    reporter.error(LOAD_ERR_YAML_VALIDATE, e.context(), "%s", message);
    return false;
  }
}
