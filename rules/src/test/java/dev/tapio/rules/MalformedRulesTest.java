package dev.tapio.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.rules.diagnostics.Diagnostic;
import dev.tapio.rules.diagnostics.FileResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken rule files: the first error's code, exact message and position (line:column). */
class MalformedRulesTest {

  static final String R = "- rule: r\n  desc: d\n  output: o\n  priority: INFO\n  condition: ";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "bad yaml",
            "- rule: [x\n",
            "LOAD_ERR_YAML_PARSE",
            "Could not parse YAML: while parsing a flow sequence: expected ',' or ']', but got"
                + " <stream end>",
            "t.yaml:2:1"),
        Arguments.of(
            "not a sequence",
            "rule: x\n",
            "LOAD_ERR_YAML_VALIDATE",
            "Rules content is not yaml array of objects",
            "t.yaml:1:1"),
        Arguments.of(
            "item not a map",
            "- just text\n",
            "LOAD_ERR_YAML_VALIDATE",
            "Unexpected element type. Each element should be a yaml associative array.",
            "t.yaml:1:3"),
        Arguments.of(
            "rule without output",
            "- rule: r\n  desc: d\n  priority: INFO\n  condition: a.b exists\n",
            "LOAD_ERR_YAML_VALIDATE",
            "Item has no mapping for key 'output'",
            "t.yaml:1:3"),
        Arguments.of(
            "bad priority",
            "- rule: r\n  desc: d\n  output: o\n  priority: LOUD\n  condition: evt.type=open\n",
            "LOAD_ERR_YAML_VALIDATE",
            "Invalid priority level: LOUD",
            "t.yaml:4:13"),
        Arguments.of(
            "list without items",
            "- list: l\n",
            "LOAD_ERR_YAML_VALIDATE",
            "Item has no mapping for key 'items'",
            "t.yaml:1:3"),
        Arguments.of(
            "macro with empty condition",
            "- macro: m\n  condition:\n",
            "LOAD_ERR_YAML_VALIDATE",
            "Value for key 'condition' is empty",
            "t.yaml:2:13"),
        Arguments.of(
            "unknown field",
            R + "proc.nme = x\n",
            "LOAD_ERR_COMPILE_CONDITION",
            "filter_check called with nonexistent field proc.nme",
            "t.yaml:5:14"),
        Arguments.of(
            "undefined macro",
            R + "evt.type = open and nope\n",
            "LOAD_ERR_COMPILE_CONDITION",
            "Undefined macro 'nope' used in filter.",
            "t.yaml:5:34"),
        Arguments.of(
            "macro loop",
            "- macro: m\n  condition: m or evt.type = open\n",
            "LOAD_ERR_COMPILE_CONDITION",
            "reference loop in macro 'm'",
            "t.yaml:2:14"),
        Arguments.of(
            "macro sees only earlier macros",
            "- macro: a\n  condition: b\n- macro: b\n  condition: evt.type = open\n",
            "LOAD_ERR_COMPILE_CONDITION",
            "Undefined macro 'b' used in filter.",
            "t.yaml:2:14"),
        Arguments.of(
            "bad operator",
            R + "proc.name startswithx x\n",
            "LOAD_ERR_COMPILE_CONDITION",
            "expected a valid check operator: one of 'exists', '<=', '<', '>=', '>', '==', '=', '!=',"
                + " 'glob', 'iglob', 'contains', 'icontains', 'bcontains', 'startswith', 'bstartswith',"
                + " 'endswith', 'regex', 'intersects', 'in', 'pmatch'",
            "t.yaml:5:24"),
        Arguments.of(
            "unterminated string",
            R + "'proc.name = \"abc'\n",
            "LOAD_ERR_COMPILE_CONDITION",
            "expected a string value or a field with a valid transformer: 'val', 'tolower',"
                + " 'toupper', 'b64', 'basename', 'len', 'join', 'concat', 'getopt'",
            "t.yaml:5:27"),
        Arguments.of(
            "bad escape",
            R + "'proc.name = \"a\\q\"'\n",
            "LOAD_ERR_COMPILE_CONDITION",
            "unsupported string escape sequence: \\q",
            "t.yaml:5:32"),
        Arguments.of(
            "empty field argument",
            R + "proc.aname[] = x\n",
            "LOAD_ERR_COMPILE_CONDITION",
            "expected a valid field argument: a quoted string or a bare string",
            "t.yaml:5:25"),
        Arguments.of(
            "quoted empty argument",
            R + "'proc.aname[\"\"] = x'\n",
            "LOAD_ERR_COMPILE_CONDITION",
            "invalid argument '' for filter field 'proc.aname'",
            "t.yaml:5:15"),
        Arguments.of(
            "argument not allowed",
            R + "proc.name[1] = x\n",
            "LOAD_ERR_COMPILE_CONDITION",
            "filter field 'proc.name' does not take an argument",
            "t.yaml:5:14"),
        Arguments.of(
            "transformer of two fields",
            R + "'concat(proc.name, proc.pname) = x'\n",
            "LOAD_ERR_COMPILE_CONDITION",
            "transformer 'concat' is not supported",
            "t.yaml:5:15"),
        Arguments.of(
            "operator not for numbers",
            R + "proc.pid contains 1\n",
            "LOAD_ERR_COMPILE_CONDITION",
            "operator 'contains' not supported for field 'proc.pid' of type INT64",
            "t.yaml:5:14"),
        Arguments.of(
            "not a number",
            R + "proc.pid = abc\n",
            "LOAD_ERR_COMPILE_CONDITION",
            "invalid value 'abc' for field 'proc.pid' of type INT64",
            "t.yaml:5:25"),
        Arguments.of(
            "unknown event type",
            R + "evt.type = opne\n",
            "LOAD_ERR_COMPILE_CONDITION",
            "unknown event type opne",
            "t.yaml:5:25"),
        Arguments.of(
            "bad regex",
            R + "proc.name regex \"(\"\n",
            "LOAD_ERR_COMPILE_CONDITION",
            "invalid regular expression '(': Unclosed group",
            "t.yaml:5:30"),
        Arguments.of(
            "bad hex",
            R + "evt.buffer bcontains xyz\n",
            "LOAD_ERR_COMPILE_CONDITION",
            "invalid hex string 'xyz'",
            "t.yaml:5:35"),
        Arguments.of(
            "trailing and",
            R + "evt.type = open and\n",
            "LOAD_ERR_COMPILE_CONDITION",
            "expected blank or '(' after 'and'",
            "t.yaml:5:33"),
        Arguments.of(
            "append to a missing rule",
            "- rule: r\n  condition: and x\n  append: true\n",
            "LOAD_ERR_YAML_VALIDATE",
            "Rule has 'append' key or an 'override' but no rule by that name already exists",
            "t.yaml:1:3"),
        Arguments.of(
            "override a missing macro",
            "- macro: m\n  condition: x\n  override:\n    condition: append\n",
            "LOAD_ERR_YAML_VALIDATE",
            "Macro has 'append' key or an 'override' but no macro by that name already exists",
            "t.yaml:1:3"),
        Arguments.of(
            "append with override",
            "- list: l\n  items: [a]\n  append: true\n  override:\n    items: append\n",
            "LOAD_ERR_YAML_VALIDATE",
            "Keys 'override' and 'append: true' cannot be used together. Add an 'append'"
                + " entry (e.g. 'condition: append') under 'override' instead.",
            "t.yaml:1:3"),
        Arguments.of(
            "override key unlisted",
            R
                + "evt.type = open\n- rule: r\n  condition: and proc.name = x\n  desc: more\n  override:\n    condition: append\n",
            "LOAD_ERR_YAML_VALIDATE",
            "Unexpected key 'desc': no corresponding entry under 'override' is defined.",
            "t.yaml:6:3"),
        Arguments.of(
            "exception lengths",
            R
                + "evt.type = open\n  exceptions:\n  - name: e\n    fields: [proc.name, fd.name]\n    comps: [=]\n",
            "LOAD_ERR_YAML_VALIDATE",
            "Fields and comps lists must have equal length",
            "t.yaml:7:5"),
        Arguments.of(
            "exception row length",
            R
                + "evt.type = open\n  exceptions:\n  - name: e\n    fields: [proc.name, fd.name]\n    values: [[a]]\n",
            "LOAD_ERR_YAML_VALIDATE",
            "Fields and values lists must have equal length",
            "t.yaml:7:5"),
        Arguments.of(
            "exception unknown field",
            R
                + "evt.type = open\n  exceptions:\n  - name: e\n    fields: proc.nam\n    values: [a]\n",
            "LOAD_ERR_YAML_VALIDATE",
            "'proc.nam' is not a supported filter field",
            "t.yaml:7:5"),
        Arguments.of(
            "unknown output field",
            "- rule: r\n  desc: d\n  output: x %proc.nam y\n  priority: INFO\n  condition: evt.type = open\n",
            "LOAD_ERR_COMPILE_OUTPUT",
            "invalid formatting token proc.nam: unknown filter",
            "t.yaml:1:3"),
        Arguments.of(
            "engine too new",
            "- required_engine_version: 0.99.0\n",
            "LOAD_ERR_VALIDATE",
            "Rules require engine version 0.99.0, but engine version is 0.57.0",
            "t.yaml:1:3"),
        Arguments.of(
            "engine version not a version",
            "- required_engine_version: latest\n",
            "LOAD_ERR_YAML_VALIDATE",
            "Value of required_engine_version must be a number or a semver string",
            "t.yaml:1:3"),
        Arguments.of(
            "error inside a macro used by a rule",
            "- macro: m\n  condition: proc.nme = x\n" + R + "m\n",
            "LOAD_ERR_COMPILE_CONDITION",
            "filter_check called with nonexistent field proc.nme",
            "t.yaml:2:14"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactMessageAndPosition(
      String name, String yaml, String code, String message, String position) {
    LoadReport report =
        RuleLoader.create().loadSources(List.of(new RuleLoader.Source("t.yaml", yaml)));
    FileResult file = report.files().getFirst();
    assertThat(file.status()).isEqualTo(FileResult.Status.INVALID);
    assertThat(report.exitStatus()).isEqualTo(1);
    Diagnostic first = file.errors().getFirst();
    assertThat(first.code().name()).as(report.text(false)).isEqualTo(code);
    assertThat(first.message()).isEqualTo(message);
    assertThat(String.valueOf(first.position())).isEqualTo(position);
    assertThat(report.text(false)).startsWith("t.yaml: Invalid\n").contains(message);
  }
}
