package dev.tapio.rules.internal.fields;

import static dev.tapio.rules.internal.fields.FieldType.BOOL;
import static dev.tapio.rules.internal.fields.FieldType.NUMBER;
import static dev.tapio.rules.internal.fields.FieldType.STRING;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.event.CredentialChange;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.NamespaceChange;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.Privileges;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.event.ProcessFork;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Tapio's own fields for namespace and privilege changes, where Falco has none: {@code tapio.ns.*}
 * (what a setns/unshare/clone changed, and whether it reached the host's namespaces, compared with
 * the engine's own) and {@code tapio.priv.*} (what a credential change or a set-uid exec gained).
 * Lists of names are comma-separated, empty when there is none; on events they do not describe they
 * are not extracted, so every comparison is false.
 */
final class PrivilegeFields {
  private PrivilegeFields() {}

  /** Clone flags that create namespaces, in {@link Namespaces#NAMES} order. */
  private static final long[] CLONE_NEW = {
    0x00020000L, 0x20000000L, 0x40000000L, 0x04000000L, 0x08000000L, 0x10000000L, 0x02000000L
  };

  static void register(List<FieldDef> out) {
    out.add(
        ns(
            "tapio.ns.changed",
            STRING,
            "namespaces the call changed (mnt,net,...)",
            n -> String.join(",", n.after().changedFrom(n.before()))));
    out.add(
        ns(
            "tapio.ns.entered_host",
            STRING,
            "namespaces that were not the host's before the call and are after it",
            n -> String.join(",", n.enteredHost())));
    out.add(
        ns(
            "tapio.ns.to_host",
            BOOL,
            "whether the call moved the task into any of the host's namespaces",
            n -> !n.enteredHost().isEmpty()));
    out.add(
        ns(
            "tapio.ns.is_host",
            BOOL,
            "whether every namespace of the task is the host's after the call",
            n -> n.after().sameAs(n.host()).size() == Namespaces.NAMES.size()));
    out.add(
        FieldDef.simple(
            "tapio.ns.created",
            STRING,
            "namespaces an unshare or clone creates, from its flags (mnt,net,...)",
            PrivilegeFields::created));
    out.add(
        FieldDef.simple(
            "tapio.priv.gained_root",
            BOOL,
            "the call made a non-root task root; an exec runs as root for a non-root user",
            PrivilegeFields::gainedRoot));
    out.add(
        FieldDef.simple(
            "tapio.priv.caps_gained",
            STRING,
            "permitted capabilities the call added (CAP_SYS_ADMIN ...); an exec's effective ones,"
                + " for a non-root user",
            PrivilegeFields::capsGained));
    out.add(cred("tapio.priv.uid_before", true, Credentials::uid));
    out.add(cred("tapio.priv.euid_before", true, Credentials::euid));
    out.add(cred("tapio.priv.uid_after", false, Credentials::uid));
    out.add(cred("tapio.priv.euid_after", false, Credentials::euid));
  }

  private static FieldDef ns(
      String name, FieldType type, String description, Function<NamespaceChange, Object> read) {
    return FieldDef.simple(
        name,
        type,
        description,
        e -> e.event() instanceof NamespaceChange n ? read.apply(n) : null);
  }

  private static FieldDef cred(String name, boolean before, Function<Credentials, Integer> id) {
    return FieldDef.simple(
        name,
        NUMBER,
        (before ? "id before" : "id after") + " a credential change",
        e ->
            e.event() instanceof CredentialChange c
                ? (long) id.apply(before ? c.before() : c.after())
                : null);
  }

  private static @Nullable Object created(EnrichedEvent e) {
    long flags =
        switch (e.event()) {
          case ProcessFork f -> f.cloneFlags();
          case NamespaceChange n when n.type().equals("unshare") -> n.flags();
          default -> -1;
        };
    if (flags == -1) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < CLONE_NEW.length; i++) {
      if ((flags & CLONE_NEW[i]) != 0) {
        names.add(Namespaces.NAMES.get(i));
      }
    }
    return String.join(",", names);
  }

  private static @Nullable Object gainedRoot(EnrichedEvent e) {
    return switch (e.event()) {
      case CredentialChange c -> c.result() >= 0 && Privileges.gainedRoot(c.before(), c.after());
      // real uid survives exec: a non-root user running with effective uid 0 got it from the file
      case ProcessExec x -> x.credentials().uid() != 0 && x.credentials().euid() == 0;
      default -> null;
    };
  }

  private static @Nullable Object capsGained(EnrichedEvent e) {
    return switch (e.event()) {
      case CredentialChange c ->
          KernelNames.capabilities(
              c.result() >= 0 ? Privileges.gainedCapabilities(c.before(), c.after()) : 0);
      case ProcessExec x ->
          KernelNames.capabilities(x.credentials().uid() != 0 ? x.credentials().capEffective() : 0);
      default -> null;
    };
  }
}
