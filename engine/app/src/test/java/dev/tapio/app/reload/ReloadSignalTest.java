package dev.tapio.app.reload;

import static dev.tapio.app.reload.RuleFixtures.options;
import static dev.tapio.app.reload.RuleFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** SIGHUP, raised for real on this process, reloads the rules, changed or not. */
class ReloadSignalTest {
  @TempDir Path dir;

  @Test
  void sighupReloadsTheRules() throws Exception {
    Path file = Files.writeString(dir.resolve("rules.yaml"), rule("Before", "/tmp/x"));
    BlockingQueue<RuleBase> swapped = new LinkedBlockingQueue<>();
    Signal hup = new Signal("HUP");
    SignalHandler previous = Signal.handle(hup, s -> {});
    try (LiveRules live = LiveRules.load(options(List.of(file), "rules.watch=false"))) {
      live.startReloading(false, swapped::add);
      assertThat(ReloadSignal.install(() -> live.request("SIGHUP"))).isTrue();

      Signal.raise(hup); // nothing changed: rebuilt anyway
      RuleBase same = swapped.poll(20, TimeUnit.SECONDS);
      assertThat(same).isNotNull();
      assertThat(same.live().rule("Before")).isPresent();

      Files.writeString(file, rule("After", "/tmp/x"));
      Signal.raise(hup);
      RuleBase after = swapped.poll(20, TimeUnit.SECONDS);
      assertThat(after).isNotNull();
      assertThat(after.live().rule("After")).isPresent();
      assertThat(live.stats().succeeded()).isEqualTo(2);
      live.matcher().close();
    } finally {
      Signal.handle(hup, previous);
    }
  }
}
