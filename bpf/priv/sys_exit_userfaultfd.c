/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: syscalls/sys_exit_userfaultfd. Reports the call remembered at sys_enter_userfaultfd with
 * its result: the new descriptor, or -EPERM where vm.unprivileged_userfaultfd refuses a caller
 * without CAP_SYS_PTRACE that did not ask for UFFD_USER_MODE_ONLY.
 */
#include "priv.h"

SEC("tracepoint/syscalls/sys_exit_userfaultfd")
int tapio_exit_userfaultfd(struct trace_event_raw_sys_exit *ctx)
{
	tapio_priv_exit(ctx, ctx->ret);
	return 0;
}
