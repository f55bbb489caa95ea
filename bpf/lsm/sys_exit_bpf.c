/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_bpf, or the fexit of its kernel function (lib/syscall.h). bpf(cmd, uattr, size): the command. */
#include "deny.h"

TAPIO_SYSCALL_EXIT(bpf, tapio_deny_bpf)
{
	tapio_deny_exit(ctx, ret, TAPIO_LSM_BPF, TAPIO_DENY_NUMBER, 1);
	return 0;
}
