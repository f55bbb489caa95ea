/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_pivot_root, or the fentry of its kernel function (lib/syscall.h). pivot_root(new_root, put_old). */
#include "priv.h"

TAPIO_SYSCALL_ENTER(pivot_root, tapio_enter_pivot_root)
{
	tapio_priv_enter_str(TAPIO_PRIV_PIVOT_ROOT, 0, tapio_arg(sys, 1), tapio_arg(sys, 2), 0);
	return 0;
}
