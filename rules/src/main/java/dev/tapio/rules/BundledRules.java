package dev.tapio.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The rule files shipped inside Tapio, loaded when no rule file is given. */
public final class BundledRules {
  /**
   * The bundled files, in load order. With {@code rule_matching: first} an event raises the alert
   * of the first rule it matches, so the narrow, severe detections (escape, privilege, seccomp and
   * LSM) come before the broad ones: a set-uid-root program run from /tmp is reported as a
   * privilege escalation, not as a program run from a temporary directory. The first file also
   * defines the event macros the others use, as a macro must be defined before a rule uses it; the
   * network rules come after tapio_rules.yaml, as they use its lists (a reverse shell has no
   * terminal, so no earlier rule takes its exec); the correlations come last, as their steps use
   * the other files' lists, macros and rules.
   */
  public static final List<String> FILES =
      List.of(
          "tapio_escape_privilege_rules.yaml",
          "tapio_seccomp_lsm_rules.yaml",
          "tapio_rules.yaml",
          "tapio_network_rules.yaml",
          "tapio_correlations.yaml");

  private static final String DIRECTORY = "/dev/tapio/rules/defaults/";

  private BundledRules() {}

  /** Their texts, named {@code bundled:<file>} in diagnostics. */
  public static List<RuleLoader.Source> sources() {
    List<RuleLoader.Source> out = new ArrayList<>();
    for (String file : FILES) {
      try (InputStream in = BundledRules.class.getResourceAsStream(DIRECTORY + file)) {
        if (in == null) {
          throw new IllegalStateException("bundled rule file missing from the jar: " + file);
        }
        out.add(
            new RuleLoader.Source(
                "bundled:" + file, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
