/*
 * The Falco parity test's helper: the syscall-level parts of the event generator's host actions,
 * each harmless. Run under its own name or through a symlink (httpd, mysqld, vipw) so that the
 * process name is what the rule looks for.
 *   write PATH          open PATH O_WRONLY|O_CREAT|O_TRUNC, write one line, close
 *   create PATH         open PATH O_RDWR|O_CREAT|O_TRUNC and close it
 *   read PATH           open PATH read-only and close it (a refused open counts too)
 *   sleep-read S PATH   sleep S seconds, then read PATH (a server reading after start-up)
 *   spawn PROG ARGS...  run PROG as a child and wait for it
 *   memfd PROG          copy PROG into a memfd and run it through /proc/self/fd/N
 *   traceme PROG        a child asks to be traced (PTRACE_TRACEME) and runs PROG; then killed
 *   attach              attach to a child with PTRACE_ATTACH, detach, kill it
 *   setns               setns(0, 0): refused, only the attempt matters
 *   setuid              become daemon (uid 1), then try to become root again (refused)
 *   userfaultfd         become daemon (uid 1), then create a userfaultfd for user-mode faults
 *                       only (UFFD_USER_MODE_ONLY: allowed without privilege even where
 *                       vm.unprivileged_userfaultfd is 0, since Linux 5.11)
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int opened(const char *path, int flags)
{
	int fd = open(path, flags, 0644);
	if (fd < 0)
		return 0; /* a refused open is still the attempt the rule looks for */
	if ((flags & O_ACCMODE) != O_RDONLY && write(fd, "parity\n", 7) != 7)
		perror("write");
	return close(fd);
}

static int wait_for(pid_t child)
{
	int status = 0;
	waitpid(child, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

static int spawn(char **argv)
{
	pid_t child = fork();
	if (child == 0) {
		execv(argv[0], argv);
		_exit(127);
	}
	return wait_for(child);
}

static int memfd(const char *program)
{
	int in = open(program, O_RDONLY);
	struct stat st;
	if (in < 0 || fstat(in, &st) != 0)
		return perror("open"), 1;
	int fd = memfd_create("program", 0);
	if (fd < 0 || sendfile(fd, in, NULL, st.st_size) != st.st_size)
		return perror("memfd"), 1;
	char path[64];
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	char *argv[] = {path, NULL};
	return spawn(argv);
}

static int traceme(char *program)
{
	pid_t child = fork();
	if (child == 0) {
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		char *argv[] = {program, "3600", NULL};
		execv(program, argv);
		_exit(127);
	}
	waitpid(child, NULL, 0); /* stopped at exec */
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	return 0;
}

static int attach(void)
{
	pid_t child = fork();
	if (child == 0) {
		for (;;)
			pause();
	}
	int rc = 0;
	if (ptrace(PTRACE_ATTACH, child, 0, 0) != 0) {
		perror("ptrace");
		rc = 1;
	} else {
		waitpid(child, NULL, 0);
		ptrace(PTRACE_DETACH, child, 0, 0);
	}
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	return rc;
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";
	if (!strcmp(what, "write") && argc == 3)
		return opened(argv[2], O_WRONLY | O_CREAT | O_TRUNC);
	if (!strcmp(what, "create") && argc == 3)
		return opened(argv[2], O_RDWR | O_CREAT | O_TRUNC);
	if (!strcmp(what, "read") && argc == 3)
		return opened(argv[2], O_RDONLY);
	if (!strcmp(what, "sleep-read") && argc == 4) {
		sleep(atoi(argv[2]));
		return opened(argv[3], O_RDONLY);
	}
	if (!strcmp(what, "spawn") && argc > 2)
		return spawn(argv + 2);
	if (!strcmp(what, "memfd") && argc == 3)
		return memfd(argv[2]);
	if (!strcmp(what, "traceme") && argc == 3)
		return traceme(argv[2]);
	if (!strcmp(what, "attach"))
		return attach();
	if (!strcmp(what, "setns")) {
		setns(0, 0);
		return 0;
	}
	if (!strcmp(what, "setuid") || !strcmp(what, "userfaultfd")) {
		if (syscall(SYS_setuid, 1) != 0)
			return perror("setuid"), 1;
		if (!strcmp(what, "setuid"))
			syscall(SYS_setuid, 0); /* refused: daemon cannot become root */
		else
			syscall(SYS_userfaultfd, O_CLOEXEC | 1 /* UFFD_USER_MODE_ONLY */);
		return 0;
	}
	fprintf(stderr, "parity: unknown action %s\n", what);
	return 2;
}
