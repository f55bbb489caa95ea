package dev.tapio.grammar;

import static dev.tapio.grammar.Syntax.P;
import static dev.tapio.grammar.Syntax.and;
import static dev.tapio.grammar.Syntax.assertTree;
import static dev.tapio.grammar.Syntax.bare;
import static dev.tapio.grammar.Syntax.check;
import static dev.tapio.grammar.Syntax.exists;
import static dev.tapio.grammar.Syntax.field;
import static dev.tapio.grammar.Syntax.list;
import static dev.tapio.grammar.Syntax.macro;
import static dev.tapio.grammar.Syntax.not;
import static dev.tapio.grammar.Syntax.or;
import static dev.tapio.grammar.Syntax.quotedLiteral;
import static dev.tapio.grammar.Syntax.transformer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The trees conditions parse to: precedence, n-ary nodes, negation, values and transformers. */
class AstShapeTest {

  @Test
  void orBindsLooserThanAnd() {
    assertTree(
        "a.a=1 or b.b=2 and c",
        or(
            check("a.a", Operator.EQUALS, "1"),
            and(check("b.b", Operator.EQUALS, "2"), macro("c"))));
    assertTree("a and b or c and d", or(and(macro("a"), macro("b")), and(macro("c"), macro("d"))));
  }

  @Test
  void andAndOrAreNary() {
    assertTree("a or b or c", or(macro("a"), macro("b"), macro("c")));
    assertTree("a and b and(c)and d", and(macro("a"), macro("b"), macro("c"), macro("d")));
  }

  @Test
  void parenthesesKeepTheirGroup() {
    assertTree("(a or b) or c", or(or(macro("a"), macro("b")), macro("c")));
    assertTree("a and (b and c)", and(macro("a"), and(macro("b"), macro("c"))));
    assertTree("((a))", macro("a"));
  }

  @Test
  void notBindsTighterThanAnd() {
    assertTree("not a and b", and(not(macro("a")), macro("b")));
    assertTree("not (a and b)", not(and(macro("a"), macro("b"))));
    assertTree("not a.b = 1", not(check("a.b", Operator.EQUALS, "1")));
    assertTree("not(a.b = 1)", not(check("a.b", Operator.EQUALS, "1")));
  }

  @Test
  void runsOfNotCollapse() {
    assertTree("not not a", macro("a"));
    assertTree("not not not a", not(macro("a")));
    assertTree("not not(a)", macro("a"));
    assertTree("not " + "not ".repeat(9) + "a", macro("a"));
    // Parentheses end a run.
    assertTree("not(not(a))", not(not(macro("a"))));
    assertTree("not (not a)", not(not(macro("a"))));
  }

  @Test
  void keywordsAloneAreMacroNames() {
    assertTree("not", macro("not"));
    assertTree("not not", not(macro("not")));
    assertTree("a and not", and(macro("a"), macro("not")));
    assertTree("or", macro("or"));
    assertTree("not_macro and andx", and(macro("not_macro"), macro("andx")));
  }

  @ParameterizedTest
  @EnumSource(Operator.class)
  void everyOperatorHasItsNode(Operator operator) {
    String rhs =
        switch (operator.kind()) {
          case UNARY -> "";
          case NUMERIC -> " 1";
          case STRING -> " v";
          case LIST -> " (v)";
        };
    Expr parsed = FalcoConditionParser.parse("x.y " + operator.spelling() + rhs);
    assertThat(parsed)
        .isInstanceOfSatisfying(Check.class, c -> assertThat(c.operator()).isEqualTo(operator));
  }

  @Test
  void valuesAreLiteralsListsOrListNames() {
    assertTree("fd.name exists", exists(field("fd.name")));
    assertTree("a.b = 1", check("a.b", Operator.EQUALS, bare("1")));
    assertTree("a.b = not", check("a.b", Operator.EQUALS, bare("not")));
    assertTree("a.b = proc.pname", check("a.b", Operator.EQUALS, bare("proc.pname")));
    assertTree("a.b = \"x y\"", check("a.b", Operator.EQUALS, quotedLiteral("x y")));
    assertTree("a.b = 'x\\' '", check("a.b", Operator.EQUALS, quotedLiteral("x' ")));
    assertTree("a.b < -0.5e+3", check("a.b", Operator.LESS, bare("-0.5e+3")));
    assertTree("a.b in (x, \"y z\", 'w')", check("a.b", Operator.IN, list("x", "y z", "w")));
    assertTree("a.b pmatch ()", check("a.b", Operator.PMATCH, list()));
    assertTree("a.b in my_list", check("a.b", Operator.IN, bare("my_list")));
  }

  @Test
  void aBadlyEscapedFirstListItemIsDroppedAsInLibsinsp() {
    assertTree("a.b in (\"\\q\")", check("a.b", Operator.IN, list()));
    assertTree("a.b in ( '\\\"' )", check("a.b", Operator.IN, list()));
  }

  @Test
  void modifiersTakeAListOrAListName() {
    assertTree(
        "proc.name startswith anyof (/a, /b)",
        new Check(field("proc.name"), Operator.STARTSWITH, Modifier.ANYOF, list("/a", "/b"), P));
    assertTree(
        "proc.name == oneof my_list",
        new Check(field("proc.name"), Operator.DOUBLE_EQUALS, Modifier.ONEOF, bare("my_list"), P));
    assertTree(
        "proc.name != allof oneof",
        new Check(field("proc.name"), Operator.NOT_EQUALS, Modifier.ALLOF, bare("oneof"), P));
    assertTree("proc.name == oneof", check("proc.name", Operator.DOUBLE_EQUALS, "oneof"));
    assertTree(
        "proc.name == anyof and x",
        and(check("proc.name", Operator.DOUBLE_EQUALS, "anyof"), macro("x")));
  }

  @Test
  void fieldsCarryTheirArgument() {
    assertTree(
        "proc.aname[2] = bash", check(field("proc.aname", "2"), Operator.EQUALS, bare("bash")));
    assertTree("evt.arg[\"a b\"] exists", exists(field("evt.arg", "a b")));
    assertTree("evt.arg[\"\"] exists", exists(field("evt.arg", "")));
    assertTree(
        "container.mount.dest[/var/run/docker.sock] exists",
        exists(field("container.mount.dest", "/var/run/docker.sock")));
  }

  @Test
  void transformersNestOnBothSides() {
    assertTree(
        "tolower(proc.name) = b64(fd.name)",
        check(
            transformer(TransformerKind.TOLOWER, field("proc.name")),
            Operator.EQUALS,
            transformer(TransformerKind.B64, field("fd.name"))));
    assertTree(
        "b64(toupper(x.y)) exists",
        exists(
            transformer(TransformerKind.B64, transformer(TransformerKind.TOUPPER, field("x.y")))));
    assertTree(
        "len(proc.args) > 0",
        check(transformer(TransformerKind.LEN, field("proc.args")), Operator.GREATER, bare("0")));
  }

  @Test
  void valComparesWithAnotherField() {
    assertTree(
        "proc.name = val(proc.pname)",
        check("proc.name", Operator.EQUALS, new FieldValue(field("proc.pname"), P)));
    assertTree(
        "a.b = val(c.d[1])[x]",
        check("a.b", Operator.EQUALS, new FieldValue(field("c.d", "1"), "x", P)));
  }

  @Test
  void transformerListsAndTrailingArguments() {
    TransformerList items =
        new TransformerList(
            List.of(
                field("fd.name"),
                transformer(TransformerKind.TOLOWER, field("x.y")),
                quotedLiteral("q"),
                bare("1")),
            P);
    assertTree(
        "join(\"-\", (fd.name, tolower(x.y), \"q\", 1)) = a",
        check(
            transformer(TransformerKind.JOIN, quotedLiteral("-"), items),
            Operator.EQUALS,
            bare("a")));
    Transformer getopt =
        new Transformer(
            TransformerKind.GETOPT, List.of(field("proc.args"), quotedLiteral("nt:")), "t", P);
    assertTree("getopt(proc.args, \"nt:\")[t] = v", check(getopt, Operator.EQUALS, bare("v")));
    assertTree("getopt(proc.args, \"nt:\")[\"t\"] = v", check(getopt, Operator.EQUALS, bare("v")));
  }

  @Test
  void hexEscapesSpellUtf8() {
    assertTree("a.b = \"\\xc3\\xa9\\x41\"", check("a.b", Operator.EQUALS, quotedLiteral("éA")));
  }
}
