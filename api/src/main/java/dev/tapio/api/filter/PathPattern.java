package dev.tapio.api.filter;

/**
 * What a {@link FilterTerm} asks of an absolute path: nothing, equality, a leading or a trailing
 * part. Byte-wise, case-sensitive, as the kernel compares.
 */
public sealed interface PathPattern {

  /** Whether {@code path} has this pattern. */
  boolean matches(String path);

  /** The pattern as {@code describe} text: {@code any}, {@code = /etc/shadow}, ... */
  String describe();

  /** Every path. */
  record Any() implements PathPattern {
    @Override
    public boolean matches(String path) {
      return true;
    }

    @Override
    public String describe() {
      return "any";
    }
  }

  /** Exactly {@code path}. */
  record Exact(String path) implements PathPattern {
    @Override
    public boolean matches(String p) {
      return p.equals(path);
    }

    @Override
    public String describe() {
      return "= " + path;
    }
  }

  /** Paths starting with {@code prefix} (byte-wise: {@code /etc} also takes {@code /etcd}). */
  record Prefix(String prefix) implements PathPattern {
    @Override
    public boolean matches(String p) {
      return p.startsWith(prefix);
    }

    @Override
    public String describe() {
      return "startswith " + prefix;
    }
  }

  /** Paths ending with {@code suffix}. */
  record Suffix(String suffix) implements PathPattern {
    @Override
    public boolean matches(String p) {
      return p.endsWith(suffix);
    }

    @Override
    public String describe() {
      return "endswith " + suffix;
    }
  }

  PathPattern ANY = new Any();
}
