package dev.tapio.api.event;

import java.util.Map;

/**
 * A change of a task's credentials: {@code setuid}, {@code setreuid}, {@code setresuid}, {@code
 * setgid}, {@code setregid}, {@code setresgid}, {@code setfsuid}, {@code setfsgid}, {@code capset}.
 *
 * @param args the syscall's parameters by Falco's names ({@code uid}, {@code ruid}, {@code euid},
 *     ...), as Falco renders them
 * @param before the credentials before the call
 * @param after the credentials after it (equal to {@code before} when the call failed)
 * @param result the return value or a negative errno
 */
public record CredentialChange(
    EventHeader header,
    String type,
    Map<String, String> args,
    Credentials before,
    Credentials after,
    long result)
    implements Event {

  public CredentialChange {
    args = Map.copyOf(args);
  }
}
