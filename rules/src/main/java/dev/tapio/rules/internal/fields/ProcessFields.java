package dev.tapio.rules.internal.fields;

import static dev.tapio.rules.internal.fields.FieldType.BOOL;
import static dev.tapio.rules.internal.fields.FieldType.NUMBER;
import static dev.tapio.rules.internal.fields.FieldType.STRING;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.event.Credentials;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** {@code proc.*}, {@code thread.*}, {@code user.*} and {@code group.*}: read from the lineage. */
final class ProcessFields {

  private ProcessFields() {}

  private static final Function<ProcessInfo, String> ARGS =
      new LastValue<>(p -> String.join(" ", p.args()));

  static void register(List<FieldDef> out) {
    // each field gets its own accessor classes, so the JIT sees one call target in each
    perProcess(
        out,
        "name",
        "the command name, the kernel's comm (at most 15 characters): named by the path"
            + " executed, so a symlink, busybox applet or #! script is known by its own name",
        ProcessInfo::name,
        e -> e.process().name(),
        e -> e.lineage().parent() instanceof ProcessInfo p ? p.name() : null);
    perProcess(
        out,
        "exe",
        "the first command-line argument (argv[0])",
        ProcessInfo::exe,
        e -> e.process().exe(),
        e -> e.lineage().parent() instanceof ProcessInfo p ? p.exe() : null);
    perProcess(
        out,
        "exepath",
        "the full path of the executable file, symlinks resolved",
        ProcessInfo::exePath,
        e -> e.process().exePath(),
        e -> e.lineage().parent() instanceof ProcessInfo p ? p.exePath() : null);
    Function<ProcessInfo, String> cmdline = new LastValue<>(ProcessInfo::cmdline);
    perProcess(
        out,
        "cmdline",
        "proc.name followed by the arguments, space separated",
        cmdline,
        e -> cmdline.apply(e.process()),
        e -> e.lineage().parent() instanceof ProcessInfo p ? cmdline.apply(p) : null);
    perProcessNumber(out, "pid", "process id", p -> (long) p.pid());
    out.add(
        FieldDef.simple(
            "proc.args",
            STRING,
            "the arguments after argv[0], space separated",
            e -> ARGS.apply(proc(e))));
    out.add(
        FieldDef.simple(
            "proc.ppid", NUMBER, "the parent's process id", e -> (long) proc(e).ppid()));
    out.add(
        FieldDef.simple(
            "proc.vpid",
            NUMBER,
            "the process id in its own pid namespace",
            e -> (long) proc(e).vpid()));
    out.add(
        FieldDef.simple(
            "proc.tty",
            NUMBER,
            "the controlling terminal's device number, 0 without one",
            e -> (long) proc(e).tty()));
    out.add(
        FieldDef.simple(
            "proc.cwd",
            STRING,
            "the current working directory, ending in a slash",
            e -> proc(e).cwd().isEmpty() ? null : withSlash(proc(e).cwd())));
    out.add(
        FieldDef.simple(
            "proc.sid",
            NUMBER,
            "the session id (the session leader's pid)",
            e -> (long) proc(e).sessionId()));
    out.add(
        FieldDef.simple(
            "proc.vpgid",
            NUMBER,
            "the process group id (the group leader's pid)",
            e -> (long) proc(e).pgid()));
    out.add(
        FieldDef.simple(
            "proc.is_vpgid_leader",
            BOOL,
            "whether the process leads its group",
            e -> proc(e).pid() == proc(e).pgid()));
    out.add(
        FieldDef.simple(
            "proc.is_sid_leader",
            BOOL,
            "whether the process leads its session",
            e -> proc(e).pid() == proc(e).sessionId()));
    out.add(
        FieldDef.simple(
            "proc.sname",
            STRING,
            "the session leader's proc.name",
            e -> leader(e, proc(e).sessionId(), ProcessInfo::name)));
    out.add(
        FieldDef.simple(
            "proc.vpgid.name",
            STRING,
            "the process group leader's proc.name",
            e -> leader(e, proc(e).pgid(), ProcessInfo::name)));
    out.add(
        FieldDef.simple(
            "proc.vpgid.exe",
            STRING,
            "the process group leader's proc.exe",
            e -> leader(e, proc(e).pgid(), ProcessInfo::exe)));
    out.add(
        FieldDef.simple(
            "proc.duration",
            NUMBER,
            "nanoseconds since the process started",
            e ->
                proc(e).startTimeNanos() == 0
                    ? null
                    : e.event().header().timeNanos() - proc(e).startTimeNanos()));
    out.add(
        FieldDef.simple(
            "proc.ppid.duration",
            NUMBER,
            "nanoseconds since the parent started",
            e -> {
              ProcessInfo p = e.lineage().parent();
              return p == null || p.startTimeNanos() == 0
                  ? null
                  : e.event().header().timeNanos() - p.startTimeNanos();
            }));
    out.add(
        FieldDef.simple(
            "proc.is_exe_upper_layer",
            BOOL,
            "the executable lives in the writable upper layer of an overlayfs (a file added to a container, not in its image)",
            e -> proc(e).exeUpperLayer()));
    out.add(
        FieldDef.simple(
            "proc.is_exe_from_memfd",
            BOOL,
            "the executable is a memfd (fileless execution)",
            e -> proc(e).exeFromMemfd()));
    out.add(
        new FieldDef(
            "proc.env",
            STRING,
            FieldDef.Arg.OPTIONAL_KEY,
            "the environment the program was given at exec, NAME=value strings joined by spaces;"
                + " proc.env[NAME] is one variable's value. Read from the exec record, which"
                + " carries the first 4095 bytes of the environment block (a longer one is cut)",
            new FieldDef.Reader() {
              @Override
              public @Nullable Object read(EnrichedEvent e, @Nullable String arg) {
                return bind(arg).get(e);
              }

              @Override
              public FieldAccessor bind(@Nullable String arg) {
                return arg == null
                    ? e -> String.join(" ", proc(e).env())
                    : e -> proc(e).envVar(arg);
              }
            }));
    for (String name :
        List.of(
            "proc.exe_ino",
            "proc.exe_ino.ctime",
            "proc.exe_ino.mtime",
            "proc.exe_ino.ctime_duration_proc_start",
            "proc.is_container_healthcheck",
            "proc.is_container_liveness_probe",
            "proc.is_container_readiness_probe",
            "proc.loginshellid")) {
      out.add(
          FieldDef.notExtracted(
              name,
              name.startsWith("proc.is_")
                  ? BOOL
                  : name.contains("ino") && !name.equals("proc.exe_ino") ? NUMBER : STRING,
              "not collected by Tapio's sensors: never extracted"));
    }

    out.add(
        FieldDef.simple(
            "thread.tid", NUMBER, "the thread id", e -> (long) e.event().header().tid()));
    out.add(
        FieldDef.simple(
            "thread.vtid",
            NUMBER,
            "the thread id (Tapio gives the host's)",
            e -> (long) e.event().header().tid()));
    capability(out, "thread.cap_effective", Credentials::capEffective);
    capability(out, "thread.cap_permitted", Credentials::capPermitted);
    capability(out, "thread.cap_inheritable", Credentials::capInheritable);

    out.add(
        FieldDef.simple("user.uid", NUMBER, "the effective user id", e -> (long) e.user().uid()));
    out.add(
        FieldDef.simple("user.name", STRING, "the effective user's name", e -> e.user().name()));
    out.add(
        FieldDef.simple(
            "user.homedir", STRING, "the user's home directory", e -> e.user().homeDir()));
    out.add(FieldDef.simple("user.shell", STRING, "the user's login shell", e -> e.user().shell()));
    out.add(
        FieldDef.simple(
            "user.loginuid",
            NUMBER,
            "the login uid (auid), -1 when unset",
            e -> (long) e.user().loginUid()));
    out.add(
        FieldDef.simple(
            "user.loginname", STRING, "the login uid's user name", e -> e.user().loginName()));
    out.add(
        FieldDef.simple("group.gid", NUMBER, "the effective group id", e -> (long) e.user().gid()));
    out.add(
        FieldDef.simple(
            "group.name", STRING, "the effective group's name", e -> e.user().groupName()));
  }

  static ProcessInfo proc(EnrichedEvent e) {
    return e.process();
  }

  private static String withSlash(String dir) {
    return dir.endsWith("/") ? dir : dir + "/";
  }

  private static @Nullable String leader(
      EnrichedEvent e, int pid, Function<ProcessInfo, String> what) {
    for (ProcessInfo p : e.lineage().chain()) {
      if (p.pid() == pid) {
        return what.apply(p);
      }
    }
    return null;
  }

  /**
   * {@code proc.X}, {@code proc.pX} and {@code proc.aX[N]} for one per-process string; the parent's
   * and ancestors' fields are described by the process's field name.
   */
  private static void perProcess(
      List<FieldDef> out,
      String suffix,
      String what,
      Function<ProcessInfo, String> get,
      FieldAccessor self,
      FieldAccessor parent) {
    String field = "proc." + suffix;
    out.add(FieldDef.simple(field, STRING, what, self));
    out.add(FieldDef.simple("proc.p" + suffix, STRING, "the parent's " + field, parent));
    out.add(
        new FieldDef(
            "proc.a" + suffix,
            STRING,
            FieldDef.Arg.OPTIONAL_INDEX,
            "an ancestor's "
                + field
                + " (0 = the process itself, 1 = its parent); without index, in a filter: any"
                + " ancestor's",
            new FieldDef.ByLevel(
                (e, level) -> {
                  ProcessInfo p = e.lineage().ancestor(level);
                  return p == null ? null : get.apply(p);
                })));
  }

  private static void perProcessNumber(
      List<FieldDef> out, String suffix, String what, Function<ProcessInfo, Long> get) {
    out.add(
        new FieldDef(
            "proc.a" + suffix,
            NUMBER,
            FieldDef.Arg.OPTIONAL_INDEX,
            "an ancestor's " + what + " (0 = the process itself, 1 = its parent)",
            new FieldDef.ByLevel(
                (e, level) -> {
                  ProcessInfo p = e.lineage().ancestor(level);
                  return p == null ? null : get.apply(p);
                })));
    out.add(FieldDef.simple("proc." + suffix, NUMBER, what, e -> get.apply(proc(e))));
  }

  private static void capability(
      List<FieldDef> out, String name, java.util.function.ToLongFunction<Credentials> set) {
    out.add(
        FieldDef.simple(
            name,
            STRING,
            name.substring("thread.cap_".length()) + " capabilities by name, space separated",
            e -> KernelNames.capabilities(set.applyAsLong(proc(e).credentials()))));
  }
}
