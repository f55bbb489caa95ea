/*
 * Test helper: puts itself under a seccomp filter or a Landlock domain, then does what that
 * forbids. Usage:
 *   violate kill|trap|errno|log|errno-log   filter getppid(2) with that action, then call it
 *   violate kill-child                      a child is killed by the filter; the parent reaps it
 *                                           only after 2 s, so /proc still shows the dead child
 *                                           (its cgroup) when the kernel's audit record is read
 *   violate landlock-open PATH              forbid reading files, then open PATH
 *   violate landlock-abi                    exit with the kernel's Landlock ABI version (0: none)
 *   violate landlock-connect PORT           forbid TCP connects (Landlock ABI >= 4), connect to
 *                                           127.0.0.1:PORT
 * Exits 0 when the forbidden call was refused as expected (kill and trap do not return).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/landlock.h>
#include <linux/seccomp.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <signal.h>
#include <unistd.h>

static int filter(unsigned int action, unsigned int flags)
{
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_getppid, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, action),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = {.len = sizeof(code) / sizeof(code[0]), .filter = code};
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		return perror("no_new_privs"), 2;
	if (syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, flags, &prog) != 0)
		return perror("seccomp"), 2;
	long r = syscall(__NR_getppid);
	return r == -1 && errno == EPERM ? 0 : (action == SECCOMP_RET_LOG && r > 0 ? 0 : 1);
}

/* The ABI 4 ruleset attributes, spelled out: the installed headers may predate them. */
struct ruleset_attr {
	__u64 handled_access_fs;
	__u64 handled_access_net;
};
#define ACCESS_NET_CONNECT_TCP (1ULL << 1)

static int restrict_self(__u64 fs, __u64 net)
{
	struct ruleset_attr attr = {.handled_access_fs = fs, .handled_access_net = net};
	size_t size = net ? sizeof(attr) : sizeof(__u64);
	int fd = syscall(__NR_landlock_create_ruleset, &attr, size, 0);
	if (fd < 0)
		return perror("landlock_create_ruleset"), 2;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
	    syscall(__NR_landlock_restrict_self, fd, 0) != 0)
		return perror("landlock_restrict_self"), 2;
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	const char *what = argv[1];
	if (!strcmp(what, "landlock-abi")) {
		long v = syscall(__NR_landlock_create_ruleset, NULL, 0, 1 /* CREATE_RULESET_VERSION */);
		return v < 0 ? 0 : (int)v;
	}
	if (!strcmp(what, "kill"))
		return filter(SECCOMP_RET_KILL_PROCESS, 0);
	if (!strcmp(what, "kill-child")) {
		pid_t child = fork();
		if (child == 0) {
			usleep(20000); /* its fork is seen well before its death */
			_exit(filter(SECCOMP_RET_KILL_PROCESS, 0));
		}
		sleep(2);
		int status = 0;
		waitpid(child, &status, 0);
		return WIFSIGNALED(status) && WTERMSIG(status) == SIGSYS ? 0 : 1;
	}
	if (!strcmp(what, "trap"))
		return filter(SECCOMP_RET_TRAP, 0);
	if (!strcmp(what, "errno"))
		return filter(SECCOMP_RET_ERRNO | EPERM, 0);
	if (!strcmp(what, "errno-log"))
		return filter(SECCOMP_RET_ERRNO | EPERM, SECCOMP_FILTER_FLAG_LOG);
	if (!strcmp(what, "log"))
		return filter(SECCOMP_RET_LOG, 0);
	if (!strcmp(what, "landlock-open") && argc == 3) {
		int rc = restrict_self(LANDLOCK_ACCESS_FS_READ_FILE, 0);
		if (rc)
			return rc;
		return open(argv[2], O_RDONLY) < 0 && errno == EACCES ? 0 : 1;
	}
	if (!strcmp(what, "landlock-connect") && argc == 3) {
		int rc = restrict_self(0, ACCESS_NET_CONNECT_TCP);
		if (rc)
			return rc;
		int s = socket(AF_INET, SOCK_STREAM, 0);
		struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[2]))};
		inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
		return connect(s, (struct sockaddr *)&to, sizeof(to)) < 0 && errno == EACCES ? 0 : 1;
	}
	return 2;
}
