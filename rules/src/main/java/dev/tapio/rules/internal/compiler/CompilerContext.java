package dev.tapio.rules.internal.compiler;

import dev.tapio.grammar.Expr;
import dev.tapio.rules.internal.condition.Origins;
import dev.tapio.rules.internal.eval.SharedChecks;
import dev.tapio.rules.internal.fields.FieldCatalog;
import dev.tapio.rules.internal.report.Reporter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every rule's passes share while one collection compiles: where problems go, the field
 * catalog, the lists and macros (after their own passes), which of them were used, the checks
 * shared across rules, where each parsed node came from, and the warnings reported once per place
 * (already reported).
 */
record CompilerContext(
    Reporter reporter,
    FieldCatalog catalog,
    Map<String, List<String>> lists,
    Map<String, Expr> macros,
    Set<String> usedLists,
    Set<String> usedMacros,
    SharedChecks shared,
    Origins origins,
    Set<Object> reportedOnce) {}
