package dev.tapio.rules.internal.compiler;

import dev.tapio.grammar.And;
import dev.tapio.grammar.Check;
import dev.tapio.grammar.ConditionSyntaxError;
import dev.tapio.grammar.Expr;
import dev.tapio.grammar.FalcoConditionParser;
import dev.tapio.grammar.FieldExpr;
import dev.tapio.grammar.FieldRef;
import dev.tapio.grammar.FieldValue;
import dev.tapio.grammar.ListValue;
import dev.tapio.grammar.Literal;
import dev.tapio.grammar.MacroRef;
import dev.tapio.grammar.Not;
import dev.tapio.grammar.Operator;
import dev.tapio.grammar.Or;
import dev.tapio.grammar.ParseResult;
import dev.tapio.grammar.ParserOptions;
import dev.tapio.grammar.Transformer;
import dev.tapio.grammar.TransformerArg;
import dev.tapio.rules.internal.condition.Cond;
import dev.tapio.rules.internal.condition.Operand;
import dev.tapio.rules.internal.condition.Origin;
import dev.tapio.rules.internal.condition.Pos;
import dev.tapio.rules.internal.condition.Value;
import java.util.List;

/** Parses condition text with the grammar and translates its tree into the compiler's. */
public final class ConditionParsing {

  private ConditionParsing() {}

  /** A parse outcome: the tree, or the syntax error at an offset of the text. */
  public sealed interface Parsed {
    record Ok(Cond cond) implements Parsed {}

    record Failed(String message, int offset) implements Parsed {}
  }

  /** A transformer or field the compiler does not support. */
  public static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int offset;

    Unsupported(String message, int offset) {
      super(message, null, false, false);
      this.offset = offset;
    }

    public int offset() {
      return offset;
    }
  }

  public static Parsed parse(String text, Origin origin) {
    ParseResult<Expr> r;
    try {
      r = FalcoConditionParser.tryParse(text, ParserOptions.defaults());
    } catch (IllegalArgumentException e) {
      // the parser reports some escape problems by exception, without a position
      return new Parsed.Failed(String.valueOf(e.getMessage()), 0);
    }
    return switch (r) {
      case ParseResult.Success<Expr> s -> new Parsed.Ok(cond(s.value(), origin));
      case ParseResult.Failure<Expr> f -> {
        ConditionSyntaxError e = f.error();
        yield new Parsed.Failed(e.message(), e.position().offset());
      }
    };
  }

  static Cond cond(Expr e, Origin o) {
    Pos pos = new Pos(o, e.position().offset());
    return switch (e) {
      case And a -> new Cond.And(a.children().stream().map(c -> cond(c, o)).toList(), pos);
      case Or a -> new Cond.Or(a.children().stream().map(c -> cond(c, o)).toList(), pos);
      case Not n -> new Cond.Not(cond(n.child(), o), pos);
      case MacroRef m -> new Cond.MacroRef(m.name(), pos);
      case Check c -> check(c, o, pos);
    };
  }

  private static Cond check(Check c, Origin o, Pos pos) {
    Operand lhs = operand(c.lhs(), o);
    String op = c.operator().spelling();
    String modifier = c.modifier() == null ? null : c.modifier().spelling();
    boolean listRhs = c.operator().kind() == Operator.Kind.LIST || modifier != null;
    Value rhs =
        switch (c.rhs()) {
          case null -> new Value.None();
          case Literal l when listRhs && !l.quoted() ->
              new Value.ListName(l.value(), new Pos(o, l.position().offset()));
          case Literal l ->
              new Value.Literal(l.value(), l.quoted(), new Pos(o, l.position().offset()));
          case ListValue l -> {
            Pos lp = new Pos(o, l.position().offset());
            List<Value.Literal> items =
                l.items().stream().map(i -> new Value.Literal(i, true, lp)).toList();
            yield new Value.ListLiteral(items, lp);
          }
          case FieldValue f ->
              new Value.FieldValue(field(f.field(), o), new Pos(o, f.position().offset()));
          case Transformer t ->
              new Value.FieldValue(operand(t, o), new Pos(o, t.position().offset()));
        };
    return new Cond.Check(lhs, op, modifier, rhs, pos);
  }

  /** Translates a field expression (also used for output tokens). */
  public static Operand operand(FieldExpr e, Origin o) {
    return switch (e) {
      case FieldRef f -> field(f, o);
      case Transformer t -> {
        if (t.args().size() != 1 || t.argument() != null) {
          throw new Unsupported(
              "transformer '" + t.kind().spelling() + "' is not supported", t.position().offset());
        }
        TransformerArg arg = t.args().getFirst();
        Operand inner =
            switch (arg) {
              case FieldRef f -> field(f, o);
              case Transformer nested -> operand(nested, o);
              default ->
                  throw new Unsupported(
                      "transformer '" + t.kind().spelling() + "' needs a field argument",
                      arg.position().offset());
            };
        yield new Operand.Transform(t.kind().spelling(), inner, new Pos(o, t.position().offset()));
      }
    };
  }

  private static Operand.Field field(FieldRef f, Origin o) {
    return new Operand.Field(f.name(), f.argument(), new Pos(o, f.position().offset()));
  }
}
