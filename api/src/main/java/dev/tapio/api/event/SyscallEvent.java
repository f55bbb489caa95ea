package dev.tapio.api.event;

import java.util.Map;

/**
 * Any other syscall a sensor reports by name with its arguments ({@code ptrace}, {@code bpf},
 * {@code setuid}, {@code capset}, {@code init_module}, ...). Arguments are keyed by Falco's
 * parameter names ({@code evt.arg.request}, {@code evt.arg.uid}, ...).
 */
public record SyscallEvent(EventHeader header, String type, Map<String, String> args, long result)
    implements Event {

  public SyscallEvent {
    args = Map.copyOf(args);
  }
}
