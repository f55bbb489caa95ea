package dev.tapio.app.reload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** SIGHUP reloads the rules, as it does for Falco and most daemons. */
public final class ReloadSignal {
  private static final Logger log = LoggerFactory.getLogger(ReloadSignal.class);

  private ReloadSignal() {}

  /**
   * Makes SIGHUP run {@code reload} (on the JVM's signal thread: it must return at once). Returns
   * whether the handler is in place: a process started with SIGHUP ignored ({@code nohup}) keeps
   * ignoring it, which is logged.
   */
  public static boolean install(Runnable reload) {
    SignalHandler previous = Signal.handle(new Signal("HUP"), s -> reload.run());
    if (previous == SignalHandler.SIG_IGN) {
      log.warn(
          "SIGHUP is ignored by this process (started under nohup?): rules reload on file"
              + " change only");
      return false;
    }
    return true;
  }
}
