package dev.tapio.rules.internal.compiler;

import dev.tapio.rules.internal.collector.ExceptionShape;
import dev.tapio.rules.internal.reader.RuleFileItem.ExceptionDef;
import dev.tapio.rules.internal.yaml.YNode;
import dev.tapio.rules.internal.yaml.YNode.YScalar;
import dev.tapio.rules.internal.yaml.YNode.YSeq;
import java.util.List;

/**
 * Falco's exception building, as text: the condition becomes {@code (<cond>)} and each exception
 * adds {@code and not <E>}.
 */
public final class ExceptionText {

  /** A problem with an exception's values: the message and the exception. */
  public record Problem(String message, ExceptionDef exception) {}

  /** Thrown on a malformed exception value. */
  public static final class BadException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ExceptionDef exception;

    BadException(String message, ExceptionDef exception) {
      super(message, null, false, false);
      this.exception = exception;
    }

    public ExceptionDef exception() {
      return exception;
    }
  }

  public static final String VALUES_NOT_STRINGS =
      "Expected values array to contain a list of strings";
  public static final String ROW_LENGTH = "Fields and values lists must have equal length";

  private ExceptionText() {}

  public static String build(String condition, List<ExceptionDef> exceptions) throws BadException {
    StringBuilder out = new StringBuilder("(").append(condition).append(")");
    for (ExceptionDef ex : exceptions) {
      if (ex.fields() == null || ex.values() == null) {
        continue;
      }
      List<String> comps = ExceptionShape.comps(ex);
      StringBuilder icond = new StringBuilder();
      if (ex.fieldsScalar()) {
        for (YNode val : ex.values()) {
          if (!(val instanceof YScalar s)) {
            throw new BadException(VALUES_NOT_STRINGS, ex);
          }
          icond.append(
              icond.isEmpty()
                  ? "(" + ex.fields().getFirst() + " " + comps.getFirst() + " ("
                  : ", ");
          icond.append(ListSubstitution.quote(s.text()));
        }
        if (!icond.isEmpty()) {
          icond.append("))");
        }
      } else {
        icond.append("(");
        for (YNode rowNode : ex.values()) {
          if (!(rowNode instanceof YSeq row) || row.items().size() != ex.fields().size()) {
            throw new BadException(ROW_LENGTH, ex);
          }
          icond.append(icond.length() == 1 ? "" : " or ").append("(");
          for (int k = 0; k < ex.fields().size(); k++) {
            icond.append(k == 0 ? "" : " and ");
            String istr;
            YNode v = row.items().get(k);
            if (v instanceof YSeq list) {
              StringBuilder b = new StringBuilder("(");
              for (YNode item : list.items()) {
                if (!(item instanceof YScalar s)) {
                  throw new BadException(VALUES_NOT_STRINGS, ex);
                }
                b.append(b.length() == 1 ? "" : ", ").append(ListSubstitution.quote(s.text()));
              }
              istr = b.append(")").toString();
            } else if (v instanceof YScalar s) {
              istr = s.text();
              if (ExceptionShape.isListOperator(comps.get(k))) {
                istr = istr.startsWith("(") ? istr : "(" + istr + ")";
              } else {
                istr = ListSubstitution.quote(istr);
              }
            } else {
              throw new BadException(VALUES_NOT_STRINGS, ex);
            }
            icond.append(" ").append(ex.fields().get(k));
            icond.append(" ").append(comps.get(k)).append(" ").append(istr);
          }
          icond.append(")");
        }
        icond.append(")");
        if (icond.toString().equals("()")) {
          icond.setLength(0);
        }
      }
      if (!icond.isEmpty()) {
        out.append(" and not ").append(icond);
      }
    }
    return out.toString();
  }
}
