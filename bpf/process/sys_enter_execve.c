/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_execve, or the fentry of its kernel function (lib/syscall.h). Clears an execveat mark left by a failed execveat. */
#include "exec.h"

TAPIO_SYSCALL_ENTER(execve, tapio_enter_execve)
{
	__u64 key = bpf_get_current_pid_tgid();
	bpf_map_delete_elem(&tapio_execveat, &key);
	return 0;
}
