/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_execve. Clears an execveat mark left by a failed execveat. */
#include "exec.h"

SEC("tracepoint/syscalls/sys_enter_execve")
int tapio_enter_execve(struct trace_event_raw_sys_enter *ctx)
{
	__u64 key = bpf_get_current_pid_tgid();
	bpf_map_delete_elem(&tapio_execveat, &key);
	return 0;
}
