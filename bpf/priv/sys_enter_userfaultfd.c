/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_userfaultfd. userfaultfd(flags). */
#include "priv.h"

SEC("tracepoint/syscalls/sys_enter_userfaultfd")
int tapio_enter_userfaultfd(struct trace_event_raw_sys_enter *ctx)
{
	tapio_priv_enter(TAPIO_PRIV_USERFAULTFD, ctx->args[0], 0, 0, 0);
	return 0;
}
