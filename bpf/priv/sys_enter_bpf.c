/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: syscalls/sys_enter_bpf, or the fentry of its kernel function (lib/syscall.h). bpf(cmd, attr, size), remembered only for BPF_PROG_LOAD: the
 * program type and name are read from the caller's union bpf_attr (user memory, a stable UAPI
 * layout). Every other command (map lookups run all the time) returns here.
 */
#define TAPIO_PRIV_ARGS_OWNER
#include "priv.h"

#define TAPIO_BPF_PROG_LOAD 5

TAPIO_SYSCALL_ENTER(bpf, tapio_enter_bpf)
{
	if (tapio_arg(sys, 1) != TAPIO_BPF_PROG_LOAD)
		return 0;
	__u64 attr = tapio_arg(sys, 2);
	__u32 size = (__u32)tapio_arg(sys, 3);
	__u64 name = 0;
	if (size >= offsetof(union bpf_attr, prog_name) + 16)
		name = attr + offsetof(union bpf_attr, prog_name);
	struct tapio_priv_args *a = tapio_priv_begin(TAPIO_PRIV_BPF);
	if (!a)
		return 0;
	__u32 type = 0;
	bpf_probe_read_user(&type, sizeof(type), (const void *)(attr + offsetof(union bpf_attr, prog_type)));
	a->args[0] = TAPIO_BPF_PROG_LOAD;
	a->args[1] = type;
	a->str[0] = name;
	return 0;
}
