/*
 * The attack-like actions the privilege end-to-end test performs, each harmless:
 *   openw PATH   open PATH for writing and close it without writing
 *   ptrace       attach to a child with PTRACE_ATTACH, detach, end the child
 *   bpf          load a two-instruction socket filter named tapio_e2e and close it
 *   module       call init_module with a 16-byte non-module (refused by the kernel)
 */
#include <fcntl.h>
#include <linux/bpf.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int openw(const char *path)
{
	int fd = open(path, O_WRONLY);
	if (fd < 0) {
		perror("open");
		return 1;
	}
	return close(fd);
}

static int trace(void)
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
	printf("%d\n", child);
	return rc;
}

static int load(void)
{
	struct bpf_insn insns[2] = {
		{.code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 0},
		{.code = BPF_JMP | BPF_EXIT},
	};
	union bpf_attr attr;
	memset(&attr, 0, sizeof(attr));
	attr.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	attr.insns = (unsigned long)insns;
	attr.insn_cnt = 2;
	attr.license = (unsigned long)"GPL";
	strncpy(attr.prog_name, "tapio_e2e", sizeof(attr.prog_name) - 1);
	int fd = syscall(SYS_bpf, BPF_PROG_LOAD, &attr, sizeof(attr));
	if (fd < 0) {
		perror("bpf");
		return 1;
	}
	return close(fd);
}

static int module(void)
{
	char image[16] = {0};
	/* Refused: ENOSYS without module support, ENOEXEC otherwise. Only the attempt matters. */
	syscall(SYS_init_module, image, sizeof(image), "tapio_e2e=1");
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "openw") == 0)
		return openw(argv[2]);
	if (argc == 2 && strcmp(argv[1], "ptrace") == 0)
		return trace();
	if (argc == 2 && strcmp(argv[1], "bpf") == 0)
		return load();
	if (argc == 2 && strcmp(argv[1], "module") == 0)
		return module();
	fprintf(stderr, "usage: actions openw PATH | ptrace | bpf | module\n");
	return 2;
}
