/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_execveat. Marks the thread so its exec record says execveat. */
#include "exec.h"

SEC("tracepoint/syscalls/sys_enter_execveat")
int tapio_enter_execveat(struct trace_event_raw_sys_enter *ctx)
{
	if (tapio_is_self())
		return 0;
	__u64 key = bpf_get_current_pid_tgid();
	__u8 one = 1;
	bpf_map_update_elem(&tapio_execveat, &key, &one, BPF_ANY);
	return 0;
}
