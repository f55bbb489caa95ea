/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: fexit of the kernel function the unshare syscall enters through. Reports the call its fentry
 * remembered with its result and the namespaces after it: the record sys_exit_unshare builds.
 */
#include "priv.h"

SEC("fexit/" TAPIO_SYSCALL_FN "unshare")
int BPF_PROG(tapio_fexit_unshare, struct pt_regs *regs, long ret)
{
	tapio_priv_exit(ctx, ret);
	return 0;
}
