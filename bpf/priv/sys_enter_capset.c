/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_capset. capset(header, data): the capability sets after the call are read from the task. */
#include "priv.h"

SEC("tracepoint/syscalls/sys_enter_capset")
int tapio_enter_capset(struct trace_event_raw_sys_enter *ctx)
{
	tapio_priv_enter(TAPIO_PRIV_CAPSET, 0, 0, 0, 0);
	return 0;
}
