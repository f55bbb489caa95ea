/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: fexit of security_socket_connect. Its return value is the combined verdict of every LSM on
 * a connect, so -EACCES/-EPERM here is an LSM's denial; the object is the address asked for (the
 * kernel's copy of it). Connects by the connect syscall are reported (sendto and io_uring also
 * come here), named by the syscall number in the task's registers.
 */
#include "deny.h"

#if defined(__TARGET_ARCH_x86)
#define TAPIO_NR_CONNECT 42
#else
#define TAPIO_NR_CONNECT 203
#endif

SEC("fexit/security_socket_connect")
int BPF_PROG(tapio_deny_socket_connect, struct socket *sock, struct sockaddr *address, int addrlen,
	     int ret)
{
	if (ret != -TAPIO_EACCES && ret != -TAPIO_EPERM)
		return 0;
	if (tapio_syscall_nr(tapio_current_regs()) != TAPIO_NR_CONNECT)
		return 0;
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct tapio_lsm_event *ev = tapio_deny_begin(ret, TAPIO_LSM_CONNECT, task, true);
	if (!ev)
		return 0;
	/* constant-size reads, as at sys_exit (lib/deny.h): Java reads the family first */
	__u32 n = addrlen;
	long rc = -1;
	if (n > 28)
		rc = bpf_probe_read_kernel(ev->data, TAPIO_SOCKADDR_MAX, address);
	if (rc != 0 && n >= 28)
		rc = bpf_probe_read_kernel(ev->data, 28, address);
	if (rc != 0 && n >= 16)
		rc = bpf_probe_read_kernel(ev->data, 16, address);
	__u32 len = 0;
	if (rc == 0) {
		ev->object_kind = TAPIO_OBJ_SOCKADDR;
		len = n > TAPIO_SOCKADDR_MAX ? TAPIO_SOCKADDR_MAX : n;
	}
	tapio_deny_send(ctx, ev, len, 0);
	tapio_frame_release();
	return 0;
}
