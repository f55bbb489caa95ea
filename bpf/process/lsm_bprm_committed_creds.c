/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: BPF LSM bprm_committed_creds, where bpf is in the kernel's LSM list. Every LSM has let the
 * exec through and its credentials are the task's; the new program's memory and executable are
 * current->mm and mm->exe_file, but the binary format's loader has not yet noted where argv and
 * the environment are in it (mm->arg_start..env_end). They are where copy_strings put them: argc
 * strings from bprm->p, then the environment up to bprm->exec (the copy of the file name above
 * it). The strings of argv are walked to find where the environment starts; the record is the
 * one the tracepoint flavors of process/exec.c build.
 */
#include "exec.h"

/* Reads of one piece of a string each: enough for 1024 arguments of up to 255 bytes. */
#define TAPIO_ARGV_READS 1024
#define TAPIO_ARGV_PIECE 256

/*
 * The end of `count` NUL-terminated user strings from `p` (not beyond `end`), or 0 when they do
 * not end within the reads allowed. A read that fills the piece without its NUL moves on by the
 * bytes before it and reads on: the string goes on, or its NUL is the next byte read.
 */
static __always_inline unsigned long tapio_skip_strings(unsigned long p, int count, unsigned long end)
{
	char *piece = tapio_scratch_buf(TAPIO_EV_EXEC);
	if (!piece)
		return 0;
	for (int i = 0; i < TAPIO_ARGV_READS; i++) {
		if (count <= 0)
			return p;
		if (p >= end)
			return 0;
		long n = bpf_probe_read_user_str(piece, TAPIO_ARGV_PIECE, (const void *)p);
		if (n <= 0)
			return 0;
		if (n == TAPIO_ARGV_PIECE) {
			p += TAPIO_ARGV_PIECE - 1;
			continue;
		}
		p += n;
		count--;
	}
	return count <= 0 ? p : 0;
}

SEC("lsm/bprm_committed_creds")
int BPF_PROG(tapio_exec_lsm, struct linux_binprm *bprm)
{
	struct tapio_exec_strings s = {
		.arg_start = BPF_CORE_READ(bprm, p),
		.env_end = BPF_CORE_READ(bprm, exec),
	};
	s.arg_end = tapio_skip_strings(s.arg_start, BPF_CORE_READ(bprm, argc), s.env_end);
	if (s.arg_end == 0) {
		/* argv too long to walk: as much of it as the record holds, no environment */
		s.arg_end = s.env_end;
		s.env_end = 0;
	}
	s.env_start = s.arg_end;
	tapio_exec_strings(ctx, BPF_CORE_READ(bprm, filename), &s);
	tapio_frame_release();
	return 0;
}
