package dev.tapio.app.reload;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the directories rules load from and asks for a reload when anything in them changes: an
 * edit in place, an editor's write-and-rename, a file added to a rule directory, or the swap a
 * kubelet performs on a mounted ConfigMap (a new {@code ..2026_...} directory, a {@code ..data_tmp}
 * link renamed over {@code ..data}). Changes are settled for {@link #QUIET} first, so one save is
 * one reload; whether the files really changed is for the reloader's fingerprint to say.
 */
public final class RuleWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RuleWatcher.class);

  /** How long the directories must be quiet before a burst of changes becomes one reload. */
  static final Duration QUIET = Duration.ofMillis(200);

  private final WatchService watcher;
  private final Thread thread;
  private final Runnable onChange;

  private RuleWatcher(WatchService watcher, Runnable onChange) {
    this.watcher = watcher;
    this.onChange = onChange;
    this.thread = Thread.ofPlatform().name("tapio-rules-watch").daemon(true).unstarted(this::loop);
  }

  /** Starts watching {@code directories}; a directory that cannot be watched is logged, skipped. */
  public static RuleWatcher start(Set<Path> directories, Runnable onChange) throws IOException {
    WatchService service = FileSystems.getDefault().newWatchService();
    for (Path dir : directories) {
      try {
        dir.register(
            service,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
        log.info("watching {} for rule changes", dir);
      } catch (IOException e) {
        log.warn("cannot watch {} for rule changes (SIGHUP still reloads): {}", dir, e.toString());
      }
    }
    RuleWatcher w = new RuleWatcher(service, onChange);
    w.thread.start();
    return w;
  }

  private void loop() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        settle(key);
        // Quiet until nothing more arrives for QUIET: one reload per burst.
        WatchKey more;
        while ((more = watcher.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          settle(more);
        }
        onChange.run();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closing
    } catch (RuntimeException e) {
      log.error("the rule watcher stopped (SIGHUP still reloads)", e);
    }
  }

  private static void settle(WatchKey key) {
    key.pollEvents();
    key.reset();
  }

  @Override
  public void close() throws IOException {
    watcher.close();
    thread.interrupt();
  }
}
