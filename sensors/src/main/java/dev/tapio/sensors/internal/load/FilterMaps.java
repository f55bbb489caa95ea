package dev.tapio.sensors.internal.load;

import dev.tapio.api.filter.FilterTerm;
import dev.tapio.api.filter.KernelFilter;
import dev.tapio.api.filter.PathPattern;
import dev.tapio.api.filter.TypeFilter;
import dev.tapio.sensors.internal.abi.Abi.OpenSyscall;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The kernel filter as the file sensor's maps hold it ({@code bpf/lib/filter.h}): per open syscall
 * (the slot) its access modes and success overall, and entries of two LPM tries keyed by the slot
 * byte and the path's bytes, forwards (exact paths end in NUL; prefixes do not; a term without path
 * constraint is the slot byte alone) and backwards (suffixes). The kernel reads only the longest
 * match, so each entry is given the modes and success of every entry that is a prefix of it: the
 * longest match then admits whatever some matching term admits.
 */
record FilterMaps(List<Slot> slots, List<Entry> prefixes, List<Entry> suffixes) {

  /** Longest path the kernel looks up; longer paths pass unchecked, so longer entries are moot. */
  static final int PATH_MAX = KernelFilter.MAX_PATH_BYTES;

  record Slot(int slot, int modes, boolean successOnly) {}

  /** A trie entry: {@code key} is the slot byte and the bytes after it, all of them significant. */
  record Entry(byte[] key, int modes, boolean successOnly) {
    int prefixBits() {
      return key.length * 8;
    }

    boolean isPrefixOf(Entry o) {
      return key.length <= o.key.length && Arrays.equals(key, 0, key.length, o.key, 0, key.length);
    }
  }

  static FilterMaps of(KernelFilter filter) {
    List<Slot> slots = new ArrayList<>();
    List<Entry> prefixes = new ArrayList<>();
    List<Entry> suffixes = new ArrayList<>();
    for (OpenSyscall syscall : OpenSyscall.values()) {
      TypeFilter f = filter.types().get(syscall.label());
      if (f == null) {
        continue;
      }
      int slot = syscall.value();
      slots.add(new Slot(slot, f.accessModes(), f.successOnly()));
      Map<String, Entry> fwd = new LinkedHashMap<>();
      Map<String, Entry> back = new LinkedHashMap<>();
      for (FilterTerm t : f.terms()) {
        switch (t.path()) {
          case PathPattern.Any a -> put(fwd, key(slot, new byte[0], false), t);
          case PathPattern.Exact e -> put(fwd, key(slot, bytes(e.path()), true), t);
          case PathPattern.Prefix p -> put(fwd, key(slot, bytes(p.prefix()), false), t);
          case PathPattern.Suffix s -> put(back, key(slot, reversed(bytes(s.suffix())), false), t);
        }
      }
      prefixes.addAll(fold(fwd.values()));
      suffixes.addAll(fold(back.values()));
    }
    return new FilterMaps(slots, prefixes, suffixes);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] reversed(byte[] b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = b[b.length - 1 - i];
    }
    return out;
  }

  /** Slot byte, path bytes, and a NUL when the entry is an exact path; null when too long. */
  private static byte @Nullable [] key(int slot, byte[] path, boolean exact) {
    if (path.length > PATH_MAX) {
      return null;
    }
    byte[] key = new byte[1 + path.length + (exact ? 1 : 0)];
    key[0] = (byte) slot;
    System.arraycopy(path, 0, key, 1, path.length);
    return key;
  }

  private static void put(Map<String, Entry> out, byte @Nullable [] key, FilterTerm t) {
    if (key == null) {
      return; // no path the kernel checks can match it
    }
    Entry e = new Entry(key, t.accessModes(), t.successOnly());
    out.merge(
        Arrays.toString(key),
        e,
        (a, b) -> new Entry(a.key(), a.modes() | b.modes(), a.successOnly() && b.successOnly()));
  }

  private static List<Entry> fold(Iterable<Entry> entries) {
    List<Entry> all = new ArrayList<>();
    entries.forEach(all::add);
    List<Entry> out = new ArrayList<>();
    for (Entry e : all) {
      int modes = e.modes();
      boolean success = e.successOnly();
      for (Entry a : all) {
        if (a != e && a.isPrefixOf(e)) {
          modes |= a.modes();
          success &= a.successOnly();
        }
      }
      out.add(new Entry(e.key(), modes, success));
    }
    return out;
  }

  /**
   * What the kernel decides for an open, computed from these entries as {@code filter.h} does: for
   * tests, which compare it with {@link KernelFilter#admits}.
   */
  boolean admits(int slot, String path, int flags, long result) {
    @Nullable Slot s = slots.stream().filter(x -> x.slot() == slot).findFirst().orElse(null);
    if (s == null) {
      return true;
    }
    int bit = 1 << (flags & 3);
    if ((s.modes() & bit) == 0 || (result < 0 && s.successOnly())) {
      return false;
    }
    byte[] p = bytes(path);
    if (p.length == 0 || p.length > PATH_MAX || p[0] != '/' || !KernelFilter.isNormal(path)) {
      return true;
    }
    byte[] fwd = new byte[p.length + 2];
    fwd[0] = (byte) slot;
    System.arraycopy(p, 0, fwd, 1, p.length);
    byte[] back = new byte[p.length + 1];
    back[0] = (byte) slot;
    System.arraycopy(reversed(p), 0, back, 1, p.length);
    return admitsLongest(prefixes, fwd, bit, result) || admitsLongest(suffixes, back, bit, result);
  }

  private static boolean admitsLongest(List<Entry> trie, byte[] key, int bit, long result) {
    @Nullable Entry longest = null;
    Entry probe = new Entry(key, 0, false);
    for (Entry e : trie) {
      if (e.isPrefixOf(probe) && (longest == null || e.key().length > longest.key().length)) {
        longest = e;
      }
    }
    return longest != null
        && (longest.modes() & bit) != 0
        && (!longest.successOnly() || result >= 0);
  }
}
