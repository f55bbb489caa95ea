package dev.tapio.grammar.internal;

import dev.tapio.grammar.And;
import dev.tapio.grammar.Check;
import dev.tapio.grammar.Expr;
import dev.tapio.grammar.FieldExpr;
import dev.tapio.grammar.FieldRef;
import dev.tapio.grammar.FieldValue;
import dev.tapio.grammar.ListValue;
import dev.tapio.grammar.Literal;
import dev.tapio.grammar.MacroRef;
import dev.tapio.grammar.Modifier;
import dev.tapio.grammar.Not;
import dev.tapio.grammar.Operator;
import dev.tapio.grammar.Or;
import dev.tapio.grammar.Position;
import dev.tapio.grammar.Transformer;
import dev.tapio.grammar.TransformerArg;
import dev.tapio.grammar.TransformerKind;
import dev.tapio.grammar.TransformerList;
import dev.tapio.grammar.Value;
import dev.tapio.grammar.internal.antlr.FalcoCondition;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.jspecify.annotations.Nullable;

/**
 * Turns a parse tree into the sealed syntax tree: n-ary {@code and}/{@code or}, collapsed {@code
 * not} runs, decoded strings, and a position on every node.
 */
final class AstBuilder {

  private final SourceText source;

  AstBuilder(SourceText source) {
    this.source = source;
  }

  Expr condition(FalcoCondition.ConditionContext ctx) {
    // libsinsp places the outermost 'or' where parsing began, before any leading blanks.
    return or(ctx.orExpr(), source.position(0));
  }

  FieldExpr fieldExpression(FalcoCondition.FieldExpressionContext ctx) {
    return ctx.field() != null ? field(ctx.field()) : transformer(ctx.transformer());
  }

  private Expr or(FalcoCondition.OrExprContext ctx) {
    return or(ctx, position(ctx.getStart()));
  }

  private Expr or(FalcoCondition.OrExprContext ctx, Position position) {
    List<Expr> children = new ArrayList<>();
    for (ParseTree child : ctx.children) {
      if (child instanceof FalcoCondition.AndExprContext and) {
        children.add(and(and));
      } else if (child instanceof FalcoCondition.EmbeddedContext embedded) {
        children.add(or(embedded.orExpr()));
      }
    }
    return children.size() == 1 ? children.getFirst() : new Or(children, position);
  }

  private Expr and(FalcoCondition.AndExprContext ctx) {
    List<Expr> children = new ArrayList<>();
    for (ParseTree child : ctx.children) {
      if (child instanceof FalcoCondition.NotExprContext not) {
        children.add(not(not));
      } else if (child instanceof FalcoCondition.EmbeddedContext embedded) {
        children.add(or(embedded.orExpr()));
      }
    }
    return children.size() == 1 ? children.getFirst() : new And(children, position(ctx.getStart()));
  }

  private Expr not(FalcoCondition.NotExprContext ctx) {
    boolean parenthesized = ctx.NOT_LPAREN() != null;
    Expr child = parenthesized ? or(ctx.embedded().orExpr()) : check(ctx.check());
    int nots = ctx.NOT().size() + (parenthesized ? 1 : 0);
    if (nots % 2 == 0) {
      return child;
    }
    return new Not(child, position(ctx.getStart()));
  }

  private Expr check(FalcoCondition.CheckContext ctx) {
    if (ctx.embedded() != null) {
      return or(ctx.embedded().orExpr());
    }
    if (ctx.IDENT() != null) {
      return new MacroRef(ctx.IDENT().getText(), position(ctx.getStart()));
    }
    FieldExpr lhs = ctx.field() != null ? field(ctx.field()) : transformer(ctx.transformer());
    return comparison(lhs, ctx.comparison());
  }

  private Check comparison(FieldExpr lhs, FalcoCondition.ComparisonContext ctx) {
    Position position = lhs.position();
    if (ctx.EXISTS() != null) {
      return Check.unary(lhs, Operator.EXISTS, position);
    }
    if (ctx.numOperator() != null) {
      return Check.binary(lhs, operator(ctx.numOperator()), numValue(ctx.numValue()), position);
    }
    if (ctx.listOperator() != null) {
      return Check.binary(lhs, operator(ctx.listOperator()), listValue(ctx.listValue()), position);
    }
    Operator operator = operator(ctx.strOperator());
    if (ctx.MODIFIER() != null) {
      Modifier modifier = Modifier.fromSpelling(ctx.MODIFIER().getText()).orElseThrow();
      Value list = modifierList(ctx.modifierList());
      return new Check(lhs, operator, modifier, list, position);
    }
    return Check.binary(lhs, operator, strValue(ctx.strValue()), position);
  }

  private static Operator operator(ParserRuleContext ctx) {
    return Operator.fromSpelling(ctx.getText()).orElseThrow();
  }

  private Value numValue(FalcoCondition.NumValueContext ctx) {
    if (ctx.NUMBER() != null) {
      return bare(ctx.NUMBER());
    }
    return transformerOrVal(ctx.transformerOrVal());
  }

  private Value strValue(FalcoCondition.StrValueContext ctx) {
    if (ctx.QUOTED() != null) {
      return quoted(ctx.QUOTED());
    }
    if (ctx.BARE() != null) {
      return bare(ctx.BARE());
    }
    return transformerOrVal(ctx.transformerOrVal());
  }

  private Value modifierList(FalcoCondition.ModifierListContext ctx) {
    return ctx.list() != null ? list(ctx.list()) : bare(ctx.IDENT());
  }

  private Value listValue(FalcoCondition.ListValueContext ctx) {
    if (ctx.list() != null) {
      return list(ctx.list());
    }
    if (ctx.IDENT() != null) {
      return bare(ctx.IDENT());
    }
    return transformerOrVal(ctx.transformerOrVal());
  }

  private ListValue list(FalcoCondition.ListContext ctx) {
    List<String> items = new ArrayList<>();
    for (FalcoCondition.ListItemContext item : ctx.listItem()) {
      items.add(item.QUOTED() != null ? Escapes.decode(item.getText()) : item.getText());
    }
    return new ListValue(items, position(ctx.getStart()));
  }

  private Value transformerOrVal(FalcoCondition.TransformerOrValContext ctx) {
    if (ctx.VAL() == null) {
      return transformer(ctx.transformer());
    }
    return new FieldValue(
        field(ctx.field()), endArgument(ctx.transformerEnd()), position(ctx.getStart()));
  }

  private FieldRef field(FalcoCondition.FieldContext ctx) {
    Position position = position(ctx.getStart());
    if (ctx.FIELD() != null) {
      return new FieldRef(ctx.FIELD().getText(), null, position);
    }
    String nameAndBracket = ctx.FIELD_LBRACKET().getText();
    String name = nameAndBracket.substring(0, nameAndBracket.length() - 1);
    return new FieldRef(name, fieldArg(ctx.fieldArg()), position);
  }

  private static String fieldArg(FalcoCondition.FieldArgContext ctx) {
    return ctx.QUOTED() != null ? Escapes.decode(ctx.QUOTED().getText()) : ctx.ARG().getText();
  }

  private Transformer transformer(FalcoCondition.TransformerContext ctx) {
    String nameAndParen = ctx.TRANSFORMER().getText();
    TransformerKind kind =
        TransformerKind.fromSpelling(nameAndParen.substring(0, nameAndParen.length() - 1))
            .orElseThrow();
    List<TransformerArg> args = new ArrayList<>();
    for (FalcoCondition.TransformerArgContext arg : ctx.transformerArg()) {
      args.add(transformerArg(arg));
    }
    return new Transformer(kind, args, endArgument(ctx.transformerEnd()), position(ctx.getStart()));
  }

  private static @Nullable String endArgument(FalcoCondition.TransformerEndContext ctx) {
    return ctx.fieldArg() != null ? fieldArg(ctx.fieldArg()) : null;
  }

  private TransformerArg transformerArg(FalcoCondition.TransformerArgContext ctx) {
    if (ctx.NUMBER() != null) {
      return bare(ctx.NUMBER());
    }
    if (ctx.QUOTED() != null) {
      return quoted(ctx.QUOTED());
    }
    if (ctx.transformerList() != null) {
      return transformerList(ctx.transformerList());
    }
    if (ctx.transformer() != null) {
      return transformer(ctx.transformer());
    }
    return field(ctx.field());
  }

  private TransformerList transformerList(FalcoCondition.TransformerListContext ctx) {
    List<TransformerArg> items = new ArrayList<>();
    for (FalcoCondition.TransformerListItemContext item : ctx.transformerListItem()) {
      if (item.field() != null) {
        items.add(field(item.field()));
      } else if (item.transformer() != null) {
        items.add(transformer(item.transformer()));
      } else if (item.QUOTED() != null) {
        items.add(quoted(item.QUOTED()));
      } else {
        items.add(bare(item.NUMBER()));
      }
    }
    return new TransformerList(items, position(ctx.getStart()));
  }

  private Literal bare(TerminalNode node) {
    return new Literal(node.getText(), false, position(node.getSymbol()));
  }

  private Literal quoted(TerminalNode node) {
    return new Literal(Escapes.decode(node.getText()), true, position(node.getSymbol()));
  }

  private Position position(Token token) {
    return source.position(token.getStartIndex());
  }
}
