package dev.tapio.app.reload;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One load of the rules, for the audit trail: why it ran, what it read, and how it ended.
 *
 * @param reason {@code start}, {@code file change}, {@code SIGHUP}
 * @param sha256 the fingerprint of every file read (names and contents)
 * @param files the rule files read, live then shadow, in load order
 * @param liveRules enabled live rules after the load (0 when it failed)
 * @param shadowRules enabled shadow rules after the load (0 when it failed)
 * @param error why the files did not load (the previous rules stayed live), or null
 */
public record RuleLoad(
    String reason,
    String sha256,
    List<String> files,
    long liveRules,
    long shadowRules,
    @Nullable String error) {

  public RuleLoad {
    files = List.copyOf(files);
  }

  static RuleLoad loaded(String reason, RuleInputs inputs, RuleBase base) {
    return new RuleLoad(
        reason,
        base.hash(),
        inputs.fileNames(),
        base.live().rules().stream().filter(r -> r.enabled()).count(),
        base.shadowRules().size(),
        null);
  }

  static RuleLoad failed(String reason, RuleInputs inputs, String hash, String error) {
    return new RuleLoad(reason, hash, inputs.fileNames(), 0, 0, error);
  }
}
