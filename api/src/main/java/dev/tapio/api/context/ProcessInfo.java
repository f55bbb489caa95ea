package dev.tapio.api.context;

import dev.tapio.api.event.Credentials;
import java.util.List;

/**
 * A process as the process table knows it when an event happens.
 *
 * @param pid thread-group id in the host pid namespace
 * @param vpid the pid inside the process's own pid namespace, or {@code pid} when unknown
 * @param ppid parent's pid
 * @param name the program name ({@code proc.name}: basename of the executable, as Falco shows it)
 * @param exe {@code argv[0]} as passed ({@code proc.exe})
 * @param exePath resolved executable path ({@code proc.exepath})
 * @param args arguments after {@code argv[0]}
 * @param cwd working directory, empty when unknown
 * @param sessionId session id
 * @param pgid process group id
 * @param tty controlling terminal device number, 0 when none
 * @param credentials ids and capabilities
 * @param startTimeNanos wall-clock start (exec or fork time), epoch nanoseconds
 * @param exeFromMemfd the executable was a memfd
 * @param exeUpperLayer the executable lives in an overlayfs upper layer
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
    boolean exeUpperLayer) {

  public ProcessInfo {
    args = List.copyOf(args);
  }

  /** {@code proc.cmdline}: the name followed by the arguments, separated by spaces. */
  public String cmdline() {
    return args.isEmpty() ? name : name + " " + String.join(" ", args);
  }
}
