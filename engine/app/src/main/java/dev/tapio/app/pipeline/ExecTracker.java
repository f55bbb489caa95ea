package dev.tapio.app.pipeline;

import dev.tapio.api.event.Event;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What the pipeline asks enrichment about programs whose exec it has not applied yet (see {@link
 * ExecWait}).
 */
public interface ExecTracker {
  /** Tracks nothing: no event ever waits. */
  ExecTracker NONE =
      new ExecTracker() {
        @Override
        public boolean awaitsExec(Event event) {
          return false;
        }

        @Override
        public void execMissed(Event event) {}
      };

  /** A tracker made of its two answers. */
  static ExecTracker of(Predicate<Event> awaitsExec, Consumer<Event> execMissed) {
    return new ExecTracker() {
      @Override
      public boolean awaitsExec(Event event) {
        return awaitsExec.test(event);
      }

      @Override
      public void execMissed(Event event) {
        execMissed.accept(event);
      }
    };
  }

  /** Whether {@code event} was made by a program newer than the one its process is known as. */
  boolean awaitsExec(Event event);

  /**
   * {@code event}'s exec did not come in time (its record was lost): its process is to be taken as
   * it is now, so that its later events need not wait too.
   */
  void execMissed(Event event);
}
