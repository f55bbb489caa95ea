package dev.tapio.app.reload;

import static dev.tapio.app.reload.RuleFixtures.options;
import static dev.tapio.app.reload.RuleFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File changes reload the rules by themselves: a ConfigMap update, a file added to a directory. */
class RuleWatcherTest {
  @TempDir Path dir;

  /**
   * What a kubelet does to a mounted ConfigMap: the files live in a timestamped directory, {@code
   * ..data} links to it, each key is a link through {@code ..data}; an update writes a new
   * timestamped directory, links {@code ..data_tmp} to it and renames that over {@code ..data} (one
   * atomic rename), then removes the old directory.
   */
  @Test
  void aConfigMapStyleDataSymlinkSwapReloads() throws Exception {
    Path first = Files.createDirectory(dir.resolve("..2026_01_01_00_00_00.000000001"));
    Files.writeString(first.resolve("rules.yaml"), rule("Before", "/tmp/x"));
    Files.createSymbolicLink(dir.resolve("..data"), first.getFileName());
    Path rules = Files.createSymbolicLink(dir.resolve("rules.yaml"), Path.of("..data/rules.yaml"));

    BlockingQueue<RuleBase> swapped = new LinkedBlockingQueue<>();
    try (LiveRules live = LiveRules.load(options(List.of(rules)))) {
      live.startReloading(true, swapped::add);
      assertThat(live.current().live().rule("Before")).isPresent();

      Path second = Files.createDirectory(dir.resolve("..2026_01_01_00_01_00.000000002"));
      Files.writeString(second.resolve("rules.yaml"), rule("After", "/tmp/x"));
      Files.createSymbolicLink(dir.resolve("..data_tmp"), second.getFileName());
      Files.move(dir.resolve("..data_tmp"), dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
      Files.delete(first.resolve("rules.yaml"));
      Files.delete(first);

      RuleBase base = swapped.poll(20, TimeUnit.SECONDS);
      assertThat(base).isNotNull();
      assertThat(base.live().rules()).extracting(r -> r.name()).containsExactly("After");
      assertThat(live.current()).isSameAs(base);
      assertThat(live.stats().succeeded()).isEqualTo(1);
      live.matcher().close();
    }
  }

  @Test
  void aFileAddedToARulesDirectoryReloadsAndAnUntouchedDirectoryDoesNot() throws Exception {
    Path rulesDir = Files.createDirectory(dir.resolve("rules.d"));
    Files.writeString(rulesDir.resolve("10-a.yaml"), rule("A", "/tmp/a"));
    BlockingQueue<RuleBase> swapped = new LinkedBlockingQueue<>();
    var opts =
        options(
            dev.tapio.app.RuleFiles.collect(List.of(), List.of(rulesDir)),
            "rules.directories=" + rulesDir);
    try (LiveRules live = LiveRules.load(opts)) {
      live.startReloading(true, swapped::add);
      Files.writeString(rulesDir.resolve("notes.txt"), "not rules");
      assertThat(swapped.poll(1, TimeUnit.SECONDS)).isNull(); // nothing that loads changed

      Files.writeString(rulesDir.resolve("20-b.yaml"), rule("B", "/tmp/b"));
      RuleBase base = swapped.poll(20, TimeUnit.SECONDS);
      assertThat(base).isNotNull();
      assertThat(base.live().rules()).extracting(r -> r.name()).containsExactly("A", "B");
      live.matcher().close();
    }
  }
}
