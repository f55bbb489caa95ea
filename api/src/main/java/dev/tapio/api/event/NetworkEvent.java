package dev.tapio.api.event;

import org.jspecify.annotations.Nullable;

/**
 * A socket operation: {@code connect}, {@code accept}/{@code accept4}, {@code bind}, {@code
 * listen}, {@code sendto}/{@code sendmsg}, {@code recvfrom}/{@code recvmsg}.
 *
 * @param family {@code AF_INET} (2), {@code AF_INET6} (10) or {@code AF_UNIX} (1)
 * @param protocol the L4 protocol number (6 TCP, 17 UDP) or 0 when not an IP socket
 * @param fd the socket's file descriptor (for accept: the new one)
 * @param local this task's end, if known
 * @param remote the peer, if known
 * @param result the syscall's return value (negative errno on failure)
 */
public record NetworkEvent(
    EventHeader header,
    String type,
    int family,
    int protocol,
    int fd,
    @Nullable SocketAddress local,
    @Nullable SocketAddress remote,
    long result)
    implements Event {}
