package dev.tapio.api.event;

/**
 * What one TCP connection carried, as the kernel's {@code struct tcp_sock} counted it when the
 * connection closed.
 *
 * @param outbound whether this end connected (the client); otherwise it accepted
 * @param bytesOut bytes sent that the peer acknowledged
 * @param bytesIn bytes received
 * @param packetsOut segments sent, acknowledgements included
 * @param packetsIn segments received
 * @param retransmits segments sent again
 */
public record TcpTraffic(
    boolean outbound,
    long bytesOut,
    long bytesIn,
    long packetsOut,
    long packetsIn,
    long retransmits) {}
