package dev.tapio.rules;

import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_ERR_FILE_READ;

import dev.tapio.rules.diagnostics.Diagnostic;
import dev.tapio.rules.diagnostics.FileResult;
import dev.tapio.rules.diagnostics.Messages;
import dev.tapio.rules.diagnostics.SourceText;
import dev.tapio.rules.internal.collector.RuleCollector;
import dev.tapio.rules.internal.compiler.RuleCompiler;
import dev.tapio.rules.internal.fields.FieldCatalog;
import dev.tapio.rules.internal.reader.RuleFileItem;
import dev.tapio.rules.internal.reader.RuleReader;
import dev.tapio.rules.internal.report.Context;
import dev.tapio.rules.internal.report.Reporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads rule files in order into one rule set, as {@code falco -V a.yaml -V b.yaml} does: each file
 * is read and collected (later files may redefine, append to or override earlier items), then the
 * whole collection is compiled once. Falco compiles the collection after each file; here a compile
 * problem is reported against the latest file that defined or changed the item it is about, and a
 * list or macro is unused only if no rule of any file uses it. Falco's three files were compiled
 * three times at every start.
 */
public final class RuleLoader {

  /** A rules text with its name (a file name). */
  public record Source(String name, String content) {}

  private final RuleMatching matching;

  private RuleLoader(RuleMatching matching) {
    this.matching = matching;
  }

  public static RuleLoader create() {
    return new RuleLoader(RuleMatching.FIRST);
  }

  public static RuleLoader create(RuleMatching matching) {
    return new RuleLoader(matching);
  }

  /** Loads files; an unreadable file is reported as LOAD_ERR_FILE_READ. */
  public LoadReport load(List<Path> files) {
    List<Source> sources = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (Path p : files) {
      try {
        sources.add(new Source(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
      } catch (IOException | java.io.UncheckedIOException e) {
        sources.add(new Source(p.toString(), ""));
        unreadable.add(p.toString());
      }
    }
    return load(sources, Set.copyOf(unreadable));
  }

  /** Loads texts, in order. */
  public LoadReport loadSources(List<Source> sources) {
    return load(sources, Set.of());
  }

  private LoadReport load(List<Source> sources, Set<String> unreadable) {
    Reporter reporter = new Reporter();
    RuleCollector collector = new RuleCollector(reporter);
    RuleReader reader = new RuleReader(reporter);
    for (Source s : sources) {
      reporter.startFile(s.name());
      if (unreadable.contains(s.name())) {
        reporter.error(LOAD_ERR_FILE_READ, Context.file(s.name()), Messages.FILE_READ, s.name());
      } else {
        SourceText text = SourceText.of(s.name(), s.content());
        reporter.addSource(text);
        List<RuleFileItem> items = reader.read(text);
        if (!reporter.hasErrors(s.name())) {
          collector.collect(items);
        }
      }
    }
    // What a file's own read left out was never collected, so this is the collection as it stood
    // after the last file that read cleanly: what compiling after each file ended with.
    reporter.attributeByContext(sources.stream().map(Source::name).toList(), collector.changedIn());
    RuleCompiler compiler = new RuleCompiler(reporter, FieldCatalog.syscall());
    List<CompiledRule> rules = compiler.compile(collector).stream().map(CompiledRule::new).toList();
    // a warning the passes raise twice (a field checked in two of them) is reported once
    Set<String> seenWarnings = new HashSet<>();
    List<FileResult> results = new ArrayList<>();
    for (Source s : sources) {
      List<Diagnostic> once = new ArrayList<>();
      for (Diagnostic d : reporter.byFile().getOrDefault(s.name(), List.of())) {
        if (d.isError() || seenWarnings.add(d.code() + d.message() + d.context())) {
          once.add(d);
        }
      }
      results.add(new FileResult(s.name(), once));
    }
    return new LoadReport(results, rules, compiler.correlations(), matching);
  }
}
