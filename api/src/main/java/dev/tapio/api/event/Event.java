package dev.tapio.api.event;

/**
 * A fact the kernel reported. Each kind is one record; {@link #type()} is the Falco event type name
 * ({@code evt.type}) such as {@code execve}, {@code openat} or {@code connect}.
 */
public sealed interface Event
    permits ProcessExec,
        ProcessFork,
        ProcessExit,
        FileOpen,
        FileChange,
        NetworkEvent,
        NamespaceChange,
        CredentialChange,
        SeccompViolation,
        LsmDenial,
        NetworkFlow,
        SyscallEvent,
        CgroupCreated {

  EventHeader header();

  /** The Falco event type name ({@code evt.type}). */
  String type();

  /** Which Falco rule source this event belongs to. Every kernel event is {@code syscall}. */
  default String ruleSource() {
    return "syscall";
  }
}
