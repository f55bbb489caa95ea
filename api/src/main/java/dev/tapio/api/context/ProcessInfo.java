package dev.tapio.api.context;

import dev.tapio.api.event.Credentials;
import java.util.List;

/**
 * A process as the process table knows it when an event happens.
 *
 * @param pid thread-group id in the host pid namespace
 * @param vpid the pid inside the process's own pid namespace, or {@code pid} when unknown
 * @param ppid parent's pid
 * @param name the task's command name, the kernel's {@code comm} ({@code proc.name}): at most 15
 *     characters, set by exec from the last component of the path executed (a symlink's own name, a
 *     script's name rather than its interpreter's), inherited by fork, changed by {@code
 *     prctl(PR_SET_NAME)}
 * @param exe {@code argv[0]} as passed ({@code proc.exe})
 * @param exePath the full path of the executable file, symlinks resolved ({@code proc.exepath})
 * @param args arguments after {@code argv[0]}
 * @param cwd working directory, empty when unknown
 * @param sessionId session id
 * @param pgid process group id
 * @param tty controlling terminal device number, 0 when none
 * @param credentials ids and capabilities
 * @param startTimeNanos wall-clock start (exec or fork time), epoch nanoseconds
 * @param exeFromMemfd the executable was a memfd
 * @param exeUpperLayer the executable lives in an overlayfs upper layer
 * @param env the environment its program was given at exec ({@code NAME=value}, cut as the exec
 *     record cuts it), inherited by fork; empty when not known
 */
public record ProcessInfo(
    int pid,
    int vpid,
    int ppid,
    String name,
    String exe,
    String exePath,
    List<String> args,
    String cwd,
    int sessionId,
    int pgid,
    int tty,
    Credentials credentials,
    long startTimeNanos,
    boolean exeFromMemfd,
    boolean exeUpperLayer,
    List<String> env) {

  /** The longest command name the kernel keeps ({@code TASK_COMM_LEN} less its terminator). */
  public static final int COMM_MAX = 15;

  public ProcessInfo {
    args = List.copyOf(args);
    env = List.copyOf(env);
  }

  /** A process whose environment is not known. */
  public ProcessInfo(
      int pid,
      int vpid,
      int ppid,
      String name,
      String exe,
      String exePath,
      List<String> args,
      String cwd,
      int sessionId,
      int pgid,
      int tty,
      Credentials credentials,
      long startTimeNanos,
      boolean exeFromMemfd,
      boolean exeUpperLayer) {
    this(
        pid,
        vpid,
        ppid,
        name,
        exe,
        exePath,
        args,
        cwd,
        sessionId,
        pgid,
        tty,
        credentials,
        startTimeNanos,
        exeFromMemfd,
        exeUpperLayer,
        List.of());
  }

  /**
   * The value of environment variable {@code name}, as Falco's {@code proc.env[NAME]}, or null when
   * the environment has none (or is not known).
   */
  public @org.jspecify.annotations.Nullable String envVar(String name) {
    for (String entry : env) {
      if (entry.length() > name.length()
          && entry.charAt(name.length()) == '='
          && entry.startsWith(name)) {
        return entry.substring(name.length() + 1);
      }
    }
    return null;
  }

  /**
   * The command name the kernel gives a task that executes {@code path}: its last component, cut to
   * {@link #COMM_MAX} characters ({@code /usr/bin/kube-controller-manager} runs as {@code
   * kube-controller}).
   */
  public static String commOf(String path) {
    String base = path.substring(path.lastIndexOf('/') + 1);
    return base.length() > COMM_MAX ? base.substring(0, COMM_MAX) : base;
  }

  /** {@code proc.cmdline}: the name followed by the arguments, separated by spaces. */
  public String cmdline() {
    return args.isEmpty() ? name : name + " " + String.join(" ", args);
  }

  /** The same process with {@code args} as its arguments. */
  public ProcessInfo withArgs(List<String> args) {
    return new ProcessInfo(
        pid,
        vpid,
        ppid,
        name,
        exe,
        exePath,
        args,
        cwd,
        sessionId,
        pgid,
        tty,
        credentials,
        startTimeNanos,
        exeFromMemfd,
        exeUpperLayer,
        env);
  }

  /** The same process in session {@code sessionId}. */
  public ProcessInfo withSessionId(int sessionId) {
    return new ProcessInfo(
        pid,
        vpid,
        ppid,
        name,
        exe,
        exePath,
        args,
        cwd,
        sessionId,
        pgid,
        tty,
        credentials,
        startTimeNanos,
        exeFromMemfd,
        exeUpperLayer,
        env);
  }

  /** The same process with {@code env} as its environment. */
  public ProcessInfo withEnv(List<String> env) {
    return new ProcessInfo(
        pid,
        vpid,
        ppid,
        name,
        exe,
        exePath,
        args,
        cwd,
        sessionId,
        pgid,
        tty,
        credentials,
        startTimeNanos,
        exeFromMemfd,
        exeUpperLayer,
        env);
  }

  /** The same process with {@code credentials} (after a setuid, capset and the like). */
  public ProcessInfo withCredentials(Credentials credentials) {
    return new ProcessInfo(
        pid,
        vpid,
        ppid,
        name,
        exe,
        exePath,
        args,
        cwd,
        sessionId,
        pgid,
        tty,
        credentials,
        startTimeNanos,
        exeFromMemfd,
        exeUpperLayer,
        env);
  }
}
