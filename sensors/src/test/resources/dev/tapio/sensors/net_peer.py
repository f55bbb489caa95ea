# A peer for NetSensorPrivilegedTest: "server ADDR PORT" or "client ADDR PORT".
# server: binds TCP and UDP on PORT, says "ready", accepts one connection, reads, closes, then
#         answers one datagram.
# client: connects, sends, waits for the server's close, closes; connects to PORT+1 (refused);
#         sends a datagram to PORT and waits for the answer.
import socket
import sys

role, addr, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
family = socket.AF_INET6 if ":" in addr else socket.AF_INET

if role == "server":
    t = socket.socket(family, socket.SOCK_STREAM)
    t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    t.bind((addr, port))
    t.listen(4)
    u = socket.socket(family, socket.SOCK_DGRAM)
    u.bind((addr, port))
    print("ready", flush=True)
    c, _ = t.accept()
    c.recv(16)
    c.close()
    data, peer = u.recvfrom(16)
    u.sendto(b"pong", peer)
else:
    c = socket.socket(family, socket.SOCK_STREAM)
    c.connect((addr, port))
    c.sendall(b"ping")
    c.recv(16)
    c.close()
    r = socket.socket(family, socket.SOCK_STREAM)
    try:
        r.connect((addr, port + 1))
    except ConnectionRefusedError:
        pass
    u = socket.socket(family, socket.SOCK_DGRAM)
    u.settimeout(5)
    u.sendto(b"ping", (addr, port))
    u.recvfrom(16)
    print("done", flush=True)
