/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_execveat, or the fentry of its kernel function (lib/syscall.h). Marks the thread so its exec record says execveat. */
#include "exec.h"

TAPIO_SYSCALL_ENTER(execveat, tapio_enter_execveat)
{
	if (tapio_is_self())
		return 0;
	__u64 key = bpf_get_current_pid_tgid();
	__u8 one = 1;
	bpf_map_update_elem(&tapio_execveat, &key, &one, BPF_ANY);
	return 0;
}
