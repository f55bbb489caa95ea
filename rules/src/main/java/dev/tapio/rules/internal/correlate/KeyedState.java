package dev.tapio.rules.internal.correlate;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Per-key state of one correlation, bounded: at most {@code maxKeys} keys, the oldest evicted (and
 * counted) when a new key would exceed that. Kept in the order expiry runs in (insertion order, or
 * access order when each touch extends the window), so expiring is a walk from the head that stops
 * at the first live entry.
 */
final class KeyedState<S> {

  private final LinkedHashMap<Object, S> map;
  private final int maxKeys;
  private final Consumer<S> onEvict;
  private long evicted;
  private long expired;

  /** {@code onEvict} gets the state of a key evicted to make room. */
  KeyedState(int maxKeys, boolean accessOrder, Consumer<S> onEvict) {
    this.maxKeys = maxKeys;
    this.onEvict = onEvict;
    this.map = new LinkedHashMap<>(16, 0.75f, accessOrder);
  }

  @Nullable S get(Object key) {
    return map.get(key);
  }

  /** Puts {@code state} at the tail (as the newest), evicting the oldest key when full. */
  void put(Object key, S state) {
    if (map.remove(key) == null && map.size() >= maxKeys) {
      Iterator<S> oldest = map.values().iterator();
      S dropped = oldest.next();
      oldest.remove();
      evicted++;
      onEvict.accept(dropped);
    }
    map.put(key, state);
  }

  @Nullable S remove(Object key) {
    return map.remove(key);
  }

  /** Removes the window that ran out, counting it as expired. */
  void expire(Object key) {
    if (map.remove(key) != null) {
      expired++;
    }
  }

  /**
   * Removes entries from the head while {@code done} holds for them and returns them through {@code
   * removed}; {@code countExpired} says whether they count as expired windows.
   */
  void sweep(Predicate<S> done, Consumer<S> removed, boolean countExpired) {
    Iterator<Map.Entry<Object, S>> it = map.entrySet().iterator();
    while (it.hasNext()) {
      S s = it.next().getValue();
      if (!done.test(s)) {
        return;
      }
      it.remove();
      if (countExpired) {
        expired++;
      }
      removed.accept(s);
    }
  }

  int size() {
    return map.size();
  }

  long evicted() {
    return evicted;
  }

  long expired() {
    return expired;
  }
}
