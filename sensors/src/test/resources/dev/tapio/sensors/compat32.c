/*
 * Syscalls through x86-64's 32-bit entry (int 0x80, what a 32-bit binary uses), from a 64-bit
 * program: setuid32(uid) there, then setuid(uid) through the 64-bit entry, then execve of
 * argv[1] with argv[1..] through the 32-bit entry (its strings and pointer array below 4 GiB, as
 * the 32-bit ABI passes them). Exits 3 when the kernel has no 32-bit entry.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define IA32_EXECVE 11
#define IA32_SETUID32 213

static long int80(long nr, long a, long b, long c)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
	return r;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	long uid = getuid();
	if (int80(IA32_SETUID32, uid, 0, 0) != 0) {
		fprintf(stderr, "compat32: no 32-bit syscall entry\n");
		return 3;
	}
	if (syscall(SYS_setuid, uid) != 0)
		return 4;
	char *low = mmap(NULL, 1 << 16, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT,
			 -1, 0);
	if (low == MAP_FAILED)
		return 5;
	uint32_t *ptrs = (uint32_t *)low;
	char *strings = low + 4096;
	int n = 0;
	for (int i = 1; i < argc && i < 64; i++) {
		size_t len = strlen(argv[i]) + 1;
		memcpy(strings, argv[i], len);
		ptrs[n++] = (uint32_t)(uintptr_t)strings;
		strings += len;
	}
	ptrs[n] = 0;
	uint32_t env = 0;
	memcpy(low + 2048, &env, sizeof(env));
	int80(IA32_EXECVE, (long)(uintptr_t)(low + 4096), (long)(uintptr_t)ptrs,
	      (long)(uintptr_t)(low + 2048));
	return 6;
}
