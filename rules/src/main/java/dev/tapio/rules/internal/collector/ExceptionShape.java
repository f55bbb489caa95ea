package dev.tapio.rules.internal.collector;

import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_ERR_YAML_VALIDATE;

import dev.tapio.grammar.Modifier;
import dev.tapio.grammar.Operator;
import dev.tapio.rules.diagnostics.Messages;
import dev.tapio.rules.internal.reader.RuleFileItem.ExceptionDef;
import dev.tapio.rules.internal.report.Reporter;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;

/** Checks the shape of a rule exception and works out its comparison operators. */
public final class ExceptionShape {

  private ExceptionShape() {}

  /** What an exception may compare with: every operator but {@code exists}. */
  private static final EnumSet<Operator> OPERATORS =
      EnumSet.complementOf(EnumSet.of(Operator.EXISTS));

  /**
   * Whether {@code comp} (as written in the rule file) is an operator, or a string operator
   * followed by a modifier.
   */
  public static boolean validComp(String comp) {
    String[] parts = comp.trim().split("\\s+", -1);
    Operator op = Operator.fromSpelling(parts[0]).orElse(null);
    if (parts.length == 1) {
      return op != null && OPERATORS.contains(op);
    }
    return parts.length == 2
        && op != null
        && op.kind() == Operator.Kind.STRING
        && Modifier.fromSpelling(parts[1]).isPresent();
  }

  /** Whether {@code comp} takes a list: a list operator, or an operator with a modifier. */
  public static boolean isListOperator(String comp) {
    String c = comp.trim();
    return c.contains(" ")
        || Operator.fromSpelling(c).map(op -> op.kind() == Operator.Kind.LIST).orElse(false);
  }

  /** The operators in effect: the defaults ({@code in}, or {@code =} per field) when absent. */
  public static List<String> comps(ExceptionDef e) {
    List<String> fields = e.fields() == null ? List.of() : e.fields();
    if (e.comps() != null) {
      return e.comps();
    }
    return e.fieldsScalar()
        ? List.of(Operator.IN.spelling())
        : Collections.nCopies(fields.size(), Operator.EQUALS.spelling());
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
