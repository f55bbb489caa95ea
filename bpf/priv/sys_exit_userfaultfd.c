/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: syscalls/sys_exit_userfaultfd, or the fexit of its kernel function (lib/syscall.h). Reports the call remembered at sys_enter_userfaultfd with
 * its result: the new descriptor, or -EPERM where vm.unprivileged_userfaultfd refuses a caller
 * without CAP_SYS_PTRACE that did not ask for UFFD_USER_MODE_ONLY.
 */
#include "priv.h"

TAPIO_SYSCALL_EXIT(userfaultfd, tapio_exit_userfaultfd)
{
	tapio_priv_exit(ctx, ret);
	return 0;
}
