package dev.tapio.rules.internal.fields;

import static dev.tapio.rules.internal.fields.FieldType.NUMBER;
import static dev.tapio.rules.internal.fields.FieldType.STRING;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.event.LsmDenial;
import dev.tapio.api.event.SeccompViolation;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code tapio.seccomp.*} and {@code tapio.lsm.*}: seccomp violations and LSM denials, which Falco
 * has no fields for. Every field is unset on other events, so {@code !=} is false there too.
 */
final class SecurityFields {
  /** How a seccomp violation was seen, as tapio.seccomp.source describes it. */
  private static final String SOURCE =
      "how it was seen: signal (SIGSYS, certain), errno (the filter's verdict at"
          + " __secure_computing where the kernel allows fentry, certain; else EPERM/EACCES"
          + " returned to a task under a filter: probable) or audit (the kernel's seccomp record,"
          + " certain)";

  private SecurityFields() {}

  static void register(List<FieldDef> out) {
    seccomp(
        out,
        "action",
        STRING,
        "what the filter did: kill, trap, errno or log",
        v -> v.action().label());
    seccomp(
        out,
        "syscall",
        STRING,
        "the refused syscall's name (empty when unknown)",
        SeccompViolation::syscall);
    seccomp(out, "syscall_nr", NUMBER, "the refused syscall's number", v -> (long) v.syscallNr());
    seccomp(
        out, "errno", NUMBER, "the errno returned (errno action), else 0", v -> (long) v.errno());
    seccomp(out, "source", STRING, SOURCE, v -> v.source().label());
    lsm(
        out,
        "name",
        STRING,
        "the LSM that refused: landlock, apparmor, selinux, or unknown. From errno returns,"
            + " landlock means the process or an ancestor called landlock_restrict_self while the"
            + " sensor ran (a heuristic: the Landlock domain itself is not readable)",
        LsmDenial::lsm);
    lsm(out, "syscall", STRING, "the refused syscall or operation", LsmDenial::operation);
    lsm(out, "object", STRING, "the denied object: path, ip:port, or target", LsmDenial::object);
    lsm(out, "path", STRING, "the denied path, if the object is one", LsmDenial::path);
    lsm(out, "errno", NUMBER, "the errno returned, 0 when unknown", d -> (long) d.errno());
    lsm(
        out,
        "source",
        STRING,
        "how it was seen: errno (the syscall's return) or audit (the LSM's record)",
        d -> d.source().label());
  }

  private static void seccomp(
      List<FieldDef> out,
      String name,
      FieldType type,
      String description,
      Function<SeccompViolation, @Nullable Object> read) {
    out.add(
        FieldDef.simple(
            "tapio.seccomp." + name,
            type,
            description,
            (EnrichedEvent e) -> e.event() instanceof SeccompViolation v ? read.apply(v) : null));
  }

  private static void lsm(
      List<FieldDef> out,
      String name,
      FieldType type,
      String description,
      Function<LsmDenial, @Nullable Object> read) {
    out.add(
        FieldDef.simple(
            "tapio.lsm." + name,
            type,
            description,
            (EnrichedEvent e) -> e.event() instanceof LsmDenial d ? read.apply(d) : null));
  }
}
