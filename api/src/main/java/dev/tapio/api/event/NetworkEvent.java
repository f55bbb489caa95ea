package dev.tapio.api.event;

import org.jspecify.annotations.Nullable;

/**
 * A socket operation: {@code connect}, {@code accept}/{@code accept4}, {@code bind}, {@code
 * listen}, {@code sendto}/{@code sendmsg}, {@code recvfrom}/{@code recvmsg} (the sensor reports the
 * first datagram of each UDP conversation), {@code dup}/{@code dup2}/{@code dup3} of a socket, and
 * three of Tapio's own: {@code connect_async}, the outcome of a connect that returned {@code
 * EINPROGRESS}, {@code close}, the end of a TCP connection, and {@code drop}, an IPv4 or IPv6
 * packet the kernel dropped (its ends, protocol and network namespace from the packet; its process
 * that of the packet's socket when the sensor knows it, else none: pid 0).
 *
 * @param family {@code AF_INET} (2), {@code AF_INET6} (10) or {@code AF_UNIX} (1)
 * @param protocol the L4 protocol number (6 TCP, 17 UDP) or 0 when not an IP socket
 * @param fd the socket's file descriptor (for accept: the new one)
 * @param local this task's end, if known
 * @param remote the peer, if known
 * @param result the syscall's return value (negative errno on failure; for dup the new fd)
 * @param netns the socket's network namespace inode (which may differ from the task's), 0 when
 *     unknown
 * @param newFd for dup: the new descriptor; -1 otherwise
 * @param durationNanos for close: how long the connection was established; 0 otherwise
 * @param traffic for close: which end this is and what the connection carried; null otherwise
 * @param drop for drop: why and which way; null otherwise
 */
public record NetworkEvent(
    EventHeader header,
    String type,
    int family,
    int protocol,
    int fd,
    @Nullable SocketAddress local,
    @Nullable SocketAddress remote,
    long result,
    long netns,
    int newFd,
    long durationNanos,
    @Nullable TcpTraffic traffic,
    @Nullable PacketDrop drop)
    implements Event {

  /** A socket operation other than a drop. */
  public NetworkEvent(
      EventHeader header,
      String type,
      int family,
      int protocol,
      int fd,
      @Nullable SocketAddress local,
      @Nullable SocketAddress remote,
      long result,
      long netns,
      int newFd,
      long durationNanos,
      @Nullable TcpTraffic traffic) {
    this(
        header,
        type,
        family,
        protocol,
        fd,
        local,
        remote,
        result,
        netns,
        newFd,
        durationNanos,
        traffic,
        null);
  }

  /** A socket operation on a socket of the task's own network namespace. */
  public NetworkEvent(
      EventHeader header,
      String type,
      int family,
      int protocol,
      int fd,
      @Nullable SocketAddress local,
      @Nullable SocketAddress remote,
      long result) {
    this(
        header,
        type,
        family,
        protocol,
        fd,
        local,
        remote,
        result,
        header.namespaces().net(),
        -1,
        0,
        null);
  }
}
