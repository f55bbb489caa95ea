package dev.tapio.app.reload;

import dev.tapio.app.BuildInfo;
import dev.tapio.app.config.EffectiveConfig;
import dev.tapio.app.config.Settings;
import dev.tapio.rules.BundledRules;
import dev.tapio.rules.CompiledRuleSet;
import dev.tapio.rules.RuleLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link RuleShape} of each rule set loaded, under {@code rules.cache.directory}, by a
 * SHA-256 over everything that decides it: the rule files' names and contents (live and shadow),
 * the bundled rules when they load, the rule selection, and this build of Tapio (its version and
 * its jar). A start whose key is there starts the sensors at once and compiles the rules beside
 * them; the rules compiled are then checked against the shape the sensors started with.
 *
 * <p>A cache is never needed: a directory that cannot be created, read or written, or a damaged
 * file, is logged and the rules are compiled first, as without a cache.
 */
public final class RuleShapeCache {
  private static final Logger log = LoggerFactory.getLogger(RuleShapeCache.class);

  static final String SUFFIX = ".shape";

  /** Entries kept; older ones (other rule files, older builds) are deleted when one is written. */
  static final int KEEP = 8;

  static final String DAMAGED = "rule cache: {} is damaged ({}); compiling the rules first";
  static final String UNREADABLE = "rule cache: cannot read {} ({}); compiling the rules first";
  static final String UNWRITABLE =
      "rule cache: cannot write {} ({}); the next start compiles first";

  private final @Nullable Path directory;

  private RuleShapeCache(@Nullable Path directory) {
    this.directory = directory;
  }

  /** The cache {@code rules.cache.*} configure (off when {@code rules.cache.enabled} is false). */
  public static RuleShapeCache of(EffectiveConfig config) {
    return config.get(Settings.RULES_CACHE_ENABLED)
        ? in(config.get(Settings.RULES_CACHE_DIRECTORY))
        : off();
  }

  public static RuleShapeCache in(Path directory) {
    return new RuleShapeCache(directory);
  }

  public static RuleShapeCache off() {
    return new RuleShapeCache(null);
  }

  public boolean enabled() {
    return directory != null;
  }

  /** The key of what {@code inputs} load now; it changes with any input and with Tapio's build. */
  public static String key(RuleInputs inputs) {
    return key(inputs, build());
  }

  /**
   * This build of Tapio as the key sees it: its version and where its code comes from (a jar's
   * path, size and time), so another version, or a rebuilt snapshot, never reads this one's
   * entries.
   */
  static String build() {
    return BuildInfo.version()
        + "\0"
        + codeIdentity(CompiledRuleSet.class)
        + "\0"
        + codeIdentity(RuleShapeCache.class);
  }

  /** The key of what {@code inputs} load now in the given {@link #build()}. */
  static String key(RuleInputs inputs, String build) {
    MessageDigest sha = sha256();
    update(sha, RuleShape.HEADER);
    update(sha, build);
    update(sha, inputs.fingerprint());
    update(sha, "bundled=" + inputs.bundled());
    if (inputs.bundled()) {
      for (RuleLoader.Source s : BundledRules.sources()) {
        update(sha, s.name());
        update(sha, s.content());
      }
    }
    selectionKey(inputs).forEach(part -> update(sha, part));
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The shape stored under {@code key}, if there is one and it reads. */
  public Optional<RuleShape> find(String key) {
    if (directory == null) {
      return Optional.empty();
    }
    Path file = directory.resolve(key + SUFFIX);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      log.warn(UNREADABLE, file, e.toString());
      return Optional.empty();
    }
    try {
      return Optional.of(RuleShape.parse(text));
    } catch (RuntimeException e) {
      log.warn(DAMAGED, file, e.getMessage());
      delete(file);
      return Optional.empty();
    }
  }

  /**
   * Stores the shape of {@code base} under the key of {@code inputs}, when the files still hash as
   * they did when {@code base} was read from them (else the next load stores its own).
   */
  public void store(RuleInputs inputs, RuleBase base) {
    if (enabled() && inputs.fingerprint().equals(base.hash())) {
      store(key(inputs), RuleShape.of(base));
    }
  }

  /** Stores {@code shape} under {@code key}; a failure is logged, never thrown. */
  public void store(String key, RuleShape shape) {
    if (directory == null) {
      return;
    }
    Path file = directory.resolve(key + SUFFIX);
    try {
      Files.createDirectories(directory);
      Path temp = Files.createTempFile(directory, key, ".tmp");
      try {
        Files.writeString(temp, shape.text(), StandardCharsets.UTF_8);
        move(temp, file);
      } finally {
        Files.deleteIfExists(temp);
      }
      prune(file);
      log.debug("rule cache: stored {}", file);
    } catch (IOException | RuntimeException e) {
      log.warn(UNWRITABLE, file, e.toString());
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes all but the {@link #KEEP} newest entries, never {@code keep}. */
  private void prune(Path keep) throws IOException {
    if (directory == null) {
      return;
    }
    List<Path> entries;
    try (Stream<Path> files = Files.list(directory)) {
      entries =
          files
              .filter(p -> p.getFileName().toString().endsWith(SUFFIX) && !p.equals(keep))
              .sorted(Comparator.comparing(RuleShapeCache::modified).reversed())
              .toList();
    }
    entries.stream().skip(KEEP - 1).forEach(RuleShapeCache::delete);
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      log.debug("rule cache: cannot delete {}: {}", p, e.toString());
    }
  }

  /**
   * Where {@code type}'s code comes from, with its size and time for a jar: a rebuilt jar of the
   * same version (a snapshot) is another build.
   */
  private static String codeIdentity(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return type.getName();
    }
    String location = source.getLocation().toString();
    try {
      Path path = Path.of(source.getLocation().toURI());
      if (Files.isRegularFile(path)) {
        return location + " " + Files.size(path) + " " + Files.getLastModifiedTime(path);
      }
    } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
      // the location alone
    }
    return location;
  }

  private static void update(MessageDigest sha, String part) {
    sha.update(part.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The rule selection as sorted text parts, so the same selection always hashes the same. */
  private static List<String> selectionKey(RuleInputs inputs) {
    var s = inputs.selection();
    return List.of(
        "disable.names=" + new TreeSet<>(s.disableNames()),
        "disable.tags=" + new TreeSet<>(s.disableTags()),
        "enable.names=" + new TreeSet<>(s.enableNames()),
        "enable.tags=" + new TreeSet<>(s.enableTags()));
  }
}
