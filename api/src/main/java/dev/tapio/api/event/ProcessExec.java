package dev.tapio.api.event;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A successful {@code execve}/{@code execveat}: the task now runs a new program.
 *
 * @param type {@code execve} or {@code execveat}
 * @param filename the path passed to the syscall
 * @param exePath the resolved path of the executable now running
 * @param argv the arguments, {@code argv[0]} first
 * @param cwd working directory, empty when unknown
 * @param comm the kernel's task name after exec (at most 15 characters)
 * @param ppid the parent's thread-group id
 * @param sessionId session id (setsid leader's pid)
 * @param pgid process group id
 * @param tty controlling terminal device number, 0 when none
 * @param credentials ids and capabilities after exec
 * @param exeFromMemfd whether the executable was a memfd (fileless execution)
 * @param exeUpperLayer whether the executable lives in the writable upper layer of an overlayfs
 * @param stdio what the new program's descriptors 0, 1 and 2 are (a socket there is a shell on a
 *     connection); empty when not known
 * @param env the environment the program was given, {@code NAME=value} strings in order; cut by the
 *     sensor to the first 4095 bytes of the block (the last string may be cut); empty when not
 *     known
 */
public record ProcessExec(
    EventHeader header,
    String type,
    String filename,
    String exePath,
    List<String> argv,
    String cwd,
    String comm,
    int ppid,
    int sessionId,
    int pgid,
    int tty,
    Credentials credentials,
    boolean exeFromMemfd,
    boolean exeUpperLayer,
    List<OpenFd> stdio,
    List<String> env)
    implements Event {

  public ProcessExec {
    argv = List.copyOf(argv);
    stdio = List.copyOf(stdio);
    env = List.copyOf(env);
  }

  /** An exec whose environment is not known. */
  public ProcessExec(
      EventHeader header,
      String type,
      String filename,
      String exePath,
      List<String> argv,
      String cwd,
      String comm,
      int ppid,
      int sessionId,
      int pgid,
      int tty,
      Credentials credentials,
      boolean exeFromMemfd,
      boolean exeUpperLayer,
      List<OpenFd> stdio) {
    this(
        header,
        type,
        filename,
        exePath,
        argv,
        cwd,
        comm,
        ppid,
        sessionId,
        pgid,
        tty,
        credentials,
        exeFromMemfd,
        exeUpperLayer,
        stdio,
        List.of());
  }

  /** An exec whose standard streams are not known. */
  public ProcessExec(
      EventHeader header,
      String type,
      String filename,
      String exePath,
      List<String> argv,
      String cwd,
      String comm,
      int ppid,
      int sessionId,
      int pgid,
      int tty,
      Credentials credentials,
      boolean exeFromMemfd,
      boolean exeUpperLayer) {
    this(
        header,
        type,
        filename,
        exePath,
        argv,
        cwd,
        comm,
        ppid,
        sessionId,
        pgid,
        tty,
        credentials,
        exeFromMemfd,
        exeUpperLayer,
        List.of());
  }

  /** Descriptor {@code fd} (0, 1 or 2), or {@code null} when not known. */
  public @Nullable OpenFd stdio(int fd) {
    return fd < stdio.size() ? stdio.get(fd) : null;
  }

  /** The same execution with {@code argv} as its arguments. */
  public ProcessExec withArgv(List<String> argv) {
    return new ProcessExec(
        header,
        type,
        filename,
        exePath,
        argv,
        cwd,
        comm,
        ppid,
        sessionId,
        pgid,
        tty,
        credentials,
        exeFromMemfd,
        exeUpperLayer,
        stdio,
        env);
  }

  /** The same execution with {@code env} as its environment. */
  public ProcessExec withEnv(List<String> env) {
    return new ProcessExec(
        header,
        type,
        filename,
        exePath,
        argv,
        cwd,
        comm,
        ppid,
        sessionId,
        pgid,
        tty,
        credentials,
        exeFromMemfd,
        exeUpperLayer,
        stdio,
        env);
  }
}
