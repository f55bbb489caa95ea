package dev.tapio.api.event;

import java.util.List;

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
    boolean exeUpperLayer)
    implements Event {

  public ProcessExec {
    argv = List.copyOf(argv);
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
        exeUpperLayer);
  }
}
