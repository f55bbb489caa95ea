package dev.tapio.app.reload;

import dev.tapio.app.EngineOptions;
import dev.tapio.app.RuleFiles;
import dev.tapio.app.RuleSelection;
import dev.tapio.app.RuleSets;
import dev.tapio.app.config.Settings;
import dev.tapio.rules.LoadReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the rule base is loaded from: rule files, rule directories (listed again at every load, so a
 * file added to one is picked up), the bundled rules, the selection by name and tag, and the shadow
 * files. The same inputs load the rules at start and at every reload.
 *
 * @param files rule files given one by one, in order
 * @param directories directories whose YAML files load after {@code files}, in name order
 */
public record RuleInputs(
    List<Path> files,
    List<Path> directories,
    boolean bundled,
    RuleSelection selection,
    List<Path> shadowFiles) {

  public RuleInputs {
    files = List.copyOf(files);
    directories = List.copyOf(directories);
    shadowFiles = List.copyOf(shadowFiles);
  }

  /**
   * The inputs of {@code options}: its rule files, less those its directories supplied (they are
   * listed again at each load).
   */
  public static RuleInputs of(EngineOptions options) {
    List<Path> dirs = options.config().get(Settings.RULES_DIRECTORIES);
    Set<Path> inDirs = new LinkedHashSet<>();
    dirs.forEach(d -> inDirs.add(d.toAbsolutePath().normalize()));
    List<Path> files =
        options.ruleFiles().stream()
            .filter(f -> !inDirs.contains(f.toAbsolutePath().normalize().getParent()))
            .toList();
    return new RuleInputs(
        files,
        dirs,
        options.bundledRules(),
        RuleSelection.of(options.config()),
        options.config().get(Settings.RULES_SHADOW_FILES));
  }

  /** The live rule files in load order, the directories listed now. */
  public List<Path> ruleFiles() {
    return RuleFiles.collect(files, directories);
  }

  /** The live files (directories listed now), then the shadow files; what a load reads. */
  List<String> fileNames() {
    List<String> out = new ArrayList<>();
    try {
      ruleFiles().forEach(f -> out.add(f.toString()));
    } catch (RuntimeException e) {
      files.forEach(f -> out.add(f.toString()));
    }
    shadowFiles.forEach(f -> out.add(f.toString()));
    return out;
  }

  /**
   * Loads and builds the live rules and, with shadow files, the shadow rules.
   *
   * @throws RuleSets.InvalidRulesException when a file does not load; nothing is swapped then
   */
  public RuleBase load() {
    return read().build();
  }

  /**
   * Loads the live rules and, with shadow files, the shadow rules, without building their rule
   * bases: enough to know what they need from the sensors ({@link RuleReports#shape()}).
   *
   * @throws RuleSets.InvalidRulesException when a file does not load
   */
  public RuleReports read() {
    String hash = fingerprint();
    List<Path> live = ruleFiles();
    LoadReport liveReport = RuleSets.report(live, bundled, selection);
    if (shadowFiles.isEmpty()) {
      return new RuleReports(liveReport, null, hash);
    }
    List<Path> withShadow = new ArrayList<>(live);
    withShadow.addAll(shadowFiles);
    return new RuleReports(liveReport, RuleSets.report(withShadow, bundled, selection), hash);
  }

  /**
   * The directories whose entries decide what loads: each file's directory (a Kubernetes ConfigMap
   * swaps its {@code ..data} link there) and each rule directory.
   */
  public Set<Path> watchedDirectories() {
    Set<Path> out = new LinkedHashSet<>();
    Stream.concat(files.stream(), shadowFiles.stream())
        .map(f -> f.toAbsolutePath().normalize().getParent())
        .forEach(out::add);
    directories.forEach(d -> out.add(d.toAbsolutePath().normalize()));
    return out;
  }

  /**
   * A SHA-256 over the names and contents of every file that would load now (the bundled rules
   * aside: they change only with the binary). Equal fingerprints mean nothing to reload; a file
   * that cannot be read counts as its error text, so its return is a change.
   */
  public String fingerprint() {
    MessageDigest sha = sha256();
    List<Path> all = new ArrayList<>();
    try {
      all.addAll(ruleFiles());
    } catch (RuntimeException e) {
      sha.update(String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
    }
    all.addAll(shadowFiles);
    for (Path f : all) {
      sha.update(f.toString().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      try {
        sha.update(Files.readAllBytes(f));
      } catch (IOException e) {
        sha.update(("unreadable: " + e).getBytes(StandardCharsets.UTF_8));
      }
      sha.update((byte) 0);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
