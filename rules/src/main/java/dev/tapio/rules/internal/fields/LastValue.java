package dev.tapio.rules.internal.fields;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A derived value remembered for the last input, by identity: a command line built by joining
 * arguments is built once for the many checks of many rules that read it from one process. Threads
 * sharing it replace each other's entry, never mix them (the entry is immutable).
 */
final class LastValue<K, V> implements Function<K, V> {

  private record Entry<K, V>(K key, V value) {}

  private final Function<K, V> derive;
  private @Nullable Entry<K, V> last;

  LastValue(Function<K, V> derive) {
    this.derive = derive;
  }

  @Override
  public V apply(K key) {
    Entry<K, V> e = last;
    if (e != null && e.key() == key) {
      return e.value();
    }
    V value = derive.apply(key);
    last = new Entry<>(key, value);
    return value;
  }
}
