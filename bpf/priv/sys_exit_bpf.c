/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_bpf, or the fexit of its kernel function (lib/syscall.h). Reports the call remembered at sys_enter_bpf with its result. */
#include "priv.h"

TAPIO_SYSCALL_EXIT(bpf, tapio_exit_bpf)
{
	tapio_priv_exit(ctx, ret);
	return 0;
}
