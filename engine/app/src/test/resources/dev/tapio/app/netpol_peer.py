# A simulated pod's peer for NetworkPolicyEndToEndTest.
# serve V4 V6 TCP_PORTS UDP_PORTS: listens on every port (comma-separated) at both addresses, says
#   "ready", then accepts and closes connections and reads datagrams without answering (an answer
#   would be a connection of its own to judge) until killed.
# connect tcp|udp SOURCE DESTINATION PORT: from SOURCE, connects (TCP) or sends one datagram (UDP),
#   then says "done".
import selectors
import socket
import sys


def family(addr):
    return socket.AF_INET6 if ":" in addr else socket.AF_INET


if sys.argv[1] == "serve":
    v4, v6, tcp, udp = sys.argv[2:6]
    sel = selectors.DefaultSelector()
    for addr in (v4, v6):
        for port in tcp.split(","):
            s = socket.socket(family(addr), socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((addr, int(port)))
            s.listen(64)
            sel.register(s, selectors.EVENT_READ, "tcp")
        for port in udp.split(","):
            u = socket.socket(family(addr), socket.SOCK_DGRAM)
            u.bind((addr, int(port)))
            sel.register(u, selectors.EVENT_READ, "udp")
    print("ready", flush=True)
    while True:
        for key, _ in sel.select():
            if key.data == "tcp":
                c, _ = key.fileobj.accept()
                c.close()
            else:
                key.fileobj.recvfrom(64)
else:
    proto, source, destination, port = sys.argv[2:6]
    kind = socket.SOCK_STREAM if proto == "tcp" else socket.SOCK_DGRAM
    s = socket.socket(family(destination), kind)
    s.bind((source, 0))
    if proto == "tcp":
        s.settimeout(10)
        s.connect((destination, int(port)))
    else:
        s.sendto(b"x", (destination, int(port)))
    s.close()
    print("done", flush=True)
