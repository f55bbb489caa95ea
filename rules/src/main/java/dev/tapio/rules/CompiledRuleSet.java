package dev.tapio.rules;

import dev.tapio.api.filter.KernelFilter;
import dev.tapio.rules.internal.compiler.KernelFilterPass;
import dev.tapio.rules.internal.correlate.Correlator;
import dev.tapio.rules.internal.drools.DrlEmitter;
import dev.tapio.rules.internal.drools.MatchListener;
import dev.tapio.rules.internal.drools.RuleCode;
import dev.tapio.rules.internal.drools.RuleModel;
import dev.tapio.rules.internal.drools.RulePlan;
import dev.tapio.rules.internal.drools.RuleSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * The compiled rules and their Drools rule base (executable model). Building takes seconds: do it
 * off the hot path, then keep one long-lived {@link MatchingSession} and match each event.
 */
public final class CompiledRuleSet {

  private static final java.util.concurrent.atomic.AtomicLong BUILDS =
      new java.util.concurrent.atomic.AtomicLong();

  private final List<CompiledRule> rules;
  private final List<CompiledCorrelation> correlations;
  private final RuleMatching matching;
  private final RulePlan plan;
  private final KieBase kieBase;
  private final List<Correlator.Compiled> correlationBases;

  private CompiledRuleSet(
      List<CompiledRule> rules,
      List<CompiledCorrelation> correlations,
      RuleMatching matching,
      RulePlan plan,
      KieBase kieBase,
      CompiledCorrelation.Evaluator evaluator) {
    this.rules = List.copyOf(rules);
    this.correlations = List.copyOf(correlations);
    this.matching = matching;
    this.plan = plan;
    this.kieBase = kieBase;
    this.correlationBases = Correlator.compile(this.correlations, evaluator);
  }

  /** Builds the Drools rule base of {@code rules} with the executable-model API (milliseconds). */
  public static CompiledRuleSet build(List<CompiledRule> rules, RuleMatching matching) {
    return build(rules, List.of(), matching);
  }

  /**
   * Builds the rule base of {@code rules}; the correlations are evaluated by {@link
   * CompiledCorrelation.Evaluator#DEFAULT} (see {@link MatchingSession}).
   */
  public static CompiledRuleSet build(
      List<CompiledRule> rules, List<CompiledCorrelation> correlations, RuleMatching matching) {
    return build(rules, correlations, matching, CompiledCorrelation.Evaluator.DEFAULT);
  }

  /**
   * Builds the rule base of {@code rules} and, for {@link
   * CompiledCorrelation.Evaluator#DROOLS_STREAM}, a stream-mode rule base per enabled correlation.
   */
  public static CompiledRuleSet build(
      List<CompiledRule> rules,
      List<CompiledCorrelation> correlations,
      RuleMatching matching,
      CompiledCorrelation.Evaluator evaluator) {
    RulePlan plan = RulePlan.of(codes(rules));
    return new CompiledRuleSet(
        rules, correlations, matching, plan, RuleModel.build(plan), evaluator);
  }

  /**
   * Builds the same rule base by compiling the generated DRL (seconds: Drools generates and
   * compiles Java source). Proves the emitted DRL is what runs; use {@link #build} otherwise.
   */
  public static CompiledRuleSet buildFromDrl(List<CompiledRule> rules, RuleMatching matching) {
    RulePlan plan = RulePlan.of(codes(rules));
    String drl = DrlEmitter.emit(plan);
    KieServices ks = KieServices.Factory.get();
    ReleaseId id =
        ks.newReleaseId("dev.tapio.rules", "generated", "1.0." + BUILDS.incrementAndGet());
    KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(id);
    kfs.write("src/main/resources/dev/tapio/rules/generated/rules.drl", drl);
    KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      throw new IllegalStateException("generated rules do not build: " + errors);
    }
    KieBase base = ks.newKieContainer(id).getKieBase();
    return new CompiledRuleSet(
        rules, List.of(), matching, plan, base, CompiledCorrelation.Evaluator.DEFAULT);
  }

  public List<CompiledRule> rules() {
    return rules;
  }

  /** A session over this rule base whose matches go to {@code listener}. */
  RuleSession session(MatchListener listener) {
    return RuleSession.open(kieBase, codes(rules), matching, listener);
  }

  /** A new correlator over this set's correlations (none when no correlation is enabled). */
  Correlator correlator() {
    return new Correlator(correlationBases);
  }

  private static List<RuleCode> codes(List<CompiledRule> rules) {
    return rules.stream().map(CompiledRule::code).toList();
  }

  public Optional<CompiledRule> rule(String name) {
    return rules.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** The correlation rules, in definition order. */
  public List<CompiledCorrelation> correlations() {
    return correlations;
  }

  public Optional<CompiledCorrelation> correlation(String name) {
    return correlations.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public RuleMatching matching() {
    return matching;
  }

  public KieBase kieBase() {
    return kieBase;
  }

  /**
   * The rule base written as DRL: generated on each call, from the plan the rule base was built
   * from.
   */
  public String drl() {
    return DrlEmitter.emit(plan);
  }

  /** Every event type some enabled rule can match, or every known type if one matches all. */
  public Set<String> eventTypes() {
    return eventTypes(rules, correlations);
  }

  /**
   * Every event type some enabled one of {@code rules} or of {@code correlations} can match, or
   * every known type if one matches all: what the rule set built from them matches, known before it
   * is built (the sensors start with it while the rule base builds).
   */
  public static Set<String> eventTypes(
      List<CompiledRule> rules, List<CompiledCorrelation> correlations) {
    Set<String> out = new TreeSet<>();
    for (CompiledCorrelation c : correlations) {
      if (c.enabled()) {
        if (c.rule().anyEventType()) {
          return dev.tapio.rules.internal.compiler.EventTypes.KNOWN;
        }
        out.addAll(c.rule().eventTypes());
      }
    }
    for (CompiledRule r : rules) {
      if (r.enabled()) {
        if (r.anyEventType()) {
          return dev.tapio.rules.internal.compiler.EventTypes.KNOWN;
        }
        out.addAll(r.eventTypes());
      }
    }
    return out;
  }

  /**
   * The kernel filter of the enabled rules and correlations: for each file-open type, the union of
   * what each rule, and each correlation's step, that can match the type needs (see {@link
   * KernelFilter}). A type nothing enabled can match admits nothing; a rule the derivation cannot
   * reduce makes its types admit everything.
   */
  public KernelFilter kernelFilter() {
    return kernelFilterWith(List.of());
  }

  /**
   * The kernel filter of this set (rules and correlation steps) and of {@code more} rules matched
   * beside it (shadow rules): what any of them may need passes.
   */
  public KernelFilter kernelFilterWith(List<CompiledRule> more) {
    List<CompiledRule> all = new java.util.ArrayList<>(rules);
    all.addAll(more);
    return kernelFilter(all, correlations);
  }

  /**
   * The kernel filter of the enabled ones of {@code rules} and of {@code correlations}' steps,
   * without building a rule base: what {@code tapio run} installs for the same rule files.
   */
  public static KernelFilter kernelFilter(
      List<CompiledRule> rules, List<CompiledCorrelation> correlations) {
    List<CompiledRule> all = new java.util.ArrayList<>(rules);
    correlations.stream()
        .filter(CompiledCorrelation::enabled)
        .map(CompiledCorrelation::rule)
        .forEach(all::add);
    List<KernelFilter> enabled =
        all.stream().filter(CompiledRule::enabled).map(CompiledRule::kernelFilter).toList();
    return KernelFilterPass.union(enabled, KernelFilterPass.OPEN_TYPES);
  }

  /**
   * The kernel filter of the enabled ones of {@code rules} alone, correlations left out (see {@link
   * #kernelFilter(List, List)} for the one a rule set installs).
   */
  public static KernelFilter kernelFilter(List<CompiledRule> rules) {
    return kernelFilter(rules, List.of());
  }

  /** Writes the kernel filter to {@code dir}/kernel-filter.yaml, for inspection. */
  public Path writeKernelFilter(Path dir) throws IOException {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve("kernel-filter.yaml"), kernelFilter().describe());
  }

  /** Writes the generated DRL to {@code dir}/rules.drl, for inspection. */
  public Path writeDrl(Path dir) throws IOException {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve("rules.drl"), drl());
  }
}
