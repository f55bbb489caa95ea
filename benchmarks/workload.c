/*
 * Syscall-heavy workloads for the sensor overhead benchmark (benchmarks/sensor-overhead.sh).
 *
 *   workload open N FILE     open(FILE, O_RDONLY) + close, N times
 *   workload exec N          fork + execve /bin/true + waitpid, N times
 *   workload getppid N       getppid(), N times: a syscall no sensor hooks
 *   workload run CMD [ARG]   runs CMD once (through execvp) and waits for it
 *
 * Prints one line: "wall_s user_s sys_s", the elapsed time and the CPU time of this process and
 * every child it waited for. Exit status 1 on any failure.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double seconds(struct timeval tv)
{
	return tv.tv_sec + tv.tv_usec / 1e6;
}

static int wait_ok(pid_t pid)
{
	int status;
	if (waitpid(pid, &status, 0) < 0)
		return 0;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static int open_loop(long n, const char *file)
{
	for (long i = 0; i < n; i++) {
		int fd = open(file, O_RDONLY);
		if (fd < 0) {
			perror(file);
			return 0;
		}
		close(fd);
	}
	return 1;
}

static int exec_loop(long n)
{
	char *argv[] = {"true", NULL};
	char *envp[] = {NULL};
	for (long i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid < 0) {
			perror("fork");
			return 0;
		}
		if (pid == 0) {
			execve("/bin/true", argv, envp);
			_exit(127);
		}
		if (!wait_ok(pid)) {
			fprintf(stderr, "workload: /bin/true failed\n");
			return 0;
		}
	}
	return 1;
}

static int getppid_loop(long n)
{
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
	return 1;
}

static int run_once(char **cmd)
{
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork");
		return 0;
	}
	if (pid == 0) {
		execvp(cmd[0], cmd);
		perror(cmd[0]);
		_exit(127);
	}
	if (!wait_ok(pid)) {
		fprintf(stderr, "workload: %s failed\n", cmd[0]);
		return 0;
	}
	return 1;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: workload open N FILE | exec N | getppid N | run CMD [ARG...]\n");
		return 2;
	}
	double start = now();
	int ok;
	if (strcmp(argv[1], "open") == 0 && argc == 4)
		ok = open_loop(atol(argv[2]), argv[3]);
	else if (strcmp(argv[1], "exec") == 0 && argc == 3)
		ok = exec_loop(atol(argv[2]));
	else if (strcmp(argv[1], "getppid") == 0 && argc == 3)
		ok = getppid_loop(atol(argv[2]));
	else if (strcmp(argv[1], "run") == 0)
		ok = run_once(argv + 2);
	else {
		fprintf(stderr, "workload: unknown mode %s\n", argv[1]);
		return 2;
	}
	double wall = now() - start;
	struct rusage self, kids;
	getrusage(RUSAGE_SELF, &self);
	getrusage(RUSAGE_CHILDREN, &kids);
	printf("%.4f %.4f %.4f\n", wall, seconds(self.ru_utime) + seconds(kids.ru_utime),
	       seconds(self.ru_stime) + seconds(kids.ru_stime));
	return ok ? 0 : 1;
}
