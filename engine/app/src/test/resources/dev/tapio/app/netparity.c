/*
 * The Falco network parity test's helper: the socket calls of the event generator's network
 * actions (its Go helpers NetworkActivity, InboundConnection, OutboundConnection, and the ssh and
 * nc commands it runs), each harmless. Run through a symlink (ssh, sha1sum, lua) so that the
 * process name is what the rule looks for. Addresses are numeric, IPv4 or IPv6.
 *   connect tcp|udp HOST PORT   connect a socket to HOST:PORT (blocking), then close it
 *   listen HOST                 bind a TCP socket to HOST and an ephemeral port, listen, close
 *   serve HOST PORT             listen on HOST:PORT, say "ready", accept and close until killed
 *   dup HOST PORT               connect to HOST:PORT over TCP and dup2 the socket onto fd 0 and 1
 *   packet                      open an AF_PACKET raw socket and close it
 * Run as nc, it takes netcat's arguments instead, as the generator gives them:
 *   nc HOST PORT                connect over TCP, then close
 *   nc -u HOST PORT             connect a UDP socket, then close
 *   nc -e PROG HOST PORT        connect over TCP, make the socket fd 0, 1 and 2, and exec PROG
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <libgen.h>
#include <linux/if_ether.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int resolved(const char *host, const char *port, int type, struct addrinfo **out)
{
	struct addrinfo hints = {.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV, .ai_socktype = type};
	int rc = getaddrinfo(host, port, &hints, out);
	if (rc != 0)
		fprintf(stderr, "netparity: %s:%s: %s\n", host, port, gai_strerror(rc));
	return rc;
}

/* A socket connected to host:port, or -1; a refused connect still counts as the attempt. */
static int connected(const char *proto, const char *host, const char *port)
{
	int type = !strcmp(proto, "udp") ? SOCK_DGRAM : SOCK_STREAM;
	struct addrinfo *ai;
	if (resolved(host, port, type, &ai) != 0)
		return -1;
	int fd = socket(ai->ai_family, type, 0);
	if (fd >= 0 && connect(fd, ai->ai_addr, ai->ai_addrlen) != 0)
		perror("connect");
	freeaddrinfo(ai);
	return fd;
}

static int listening(const char *host, const char *port)
{
	struct addrinfo *ai;
	if (resolved(host, port, SOCK_STREAM, &ai) != 0)
		return -1;
	int fd = socket(ai->ai_family, SOCK_STREAM, 0);
	int on = 1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
	if (bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || listen(fd, 16) != 0) {
		perror("listen");
		close(fd);
		fd = -1;
	}
	freeaddrinfo(ai);
	return fd;
}

static int netcat(int argc, char **argv)
{
	if (argc == 3 || (argc == 4 && !strcmp(argv[1], "-u"))) {
		int fd = connected(argc == 4 ? "udp" : "tcp", argv[argc - 2], argv[argc - 1]);
		return fd < 0 ? 1 : close(fd);
	}
	if (argc == 5 && !strcmp(argv[1], "-e")) {
		int fd = connected("tcp", argv[3], argv[4]);
		if (fd < 0)
			return 1;
		for (int std = 0; std <= 2; std++)
			dup2(fd, std);
		close(fd);
		execl(argv[2], argv[2], (char *)NULL);
		return perror("exec"), 127;
	}
	fprintf(stderr, "nc: usage: nc [-u | -e PROG] HOST PORT\n");
	return 2;
}

int main(int argc, char **argv)
{
	if (!strcmp(basename(argv[0]), "nc"))
		return netcat(argc, argv);
	const char *what = argc > 1 ? argv[1] : "";
	if (!strcmp(what, "connect") && argc == 5) {
		int fd = connected(argv[2], argv[3], argv[4]);
		return fd < 0 ? 1 : close(fd);
	}
	if (!strcmp(what, "listen") && argc == 3) {
		int fd = listening(argv[2], "0");
		return fd < 0 ? 1 : close(fd);
	}
	if (!strcmp(what, "serve") && argc == 4) {
		int fd = listening(argv[2], argv[3]);
		if (fd < 0)
			return 1;
		printf("ready\n");
		fflush(stdout);
		for (int c; (c = accept(fd, NULL, NULL)) >= 0;)
			close(c);
		return 0;
	}
	if (!strcmp(what, "dup") && argc == 4) {
		int fd = connected("tcp", argv[2], argv[3]);
		if (fd < 0 || dup2(fd, 0) != 0 || dup2(fd, 1) != 1)
			return perror("dup2"), 1;
		return 0;
	}
	if (!strcmp(what, "packet")) {
		int fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
		if (fd < 0)
			return perror("socket"), 1;
		return close(fd);
	}
	fprintf(stderr, "netparity: unknown action %s\n", what);
	return 2;
}
