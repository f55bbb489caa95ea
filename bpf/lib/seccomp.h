/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The seccomp sensor's errno record, built by each flavor of the scmp_errno hook: at the fexit of
 * __secure_computing (the filter's verdict, no syscall on the slow path) or at raw sys_exit.
 */
#ifndef TAPIO_SECCOMP_H
#define TAPIO_SECCOMP_H

#include "common.h"

#define TAPIO_SECCOMP_MODE_FILTER 2

/* A syscall of a task in filter mode that a filter answered with -errno (ret). */
static __always_inline void tapio_scmp_errno(void *ctx, long ret, int syscall_nr)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	if (BPF_CORE_READ(task, seccomp.mode) != TAPIO_SECCOMP_MODE_FILTER || tapio_is_self())
		return;
	struct tapio_seccomp_event *ev = tapio_scratch_buf(TAPIO_EV_SECCOMP);
	if (!ev)
		return;
	tapio_fill_header(&ev->hdr, TAPIO_EV_SECCOMP);
	ev->result = ret;
	ev->syscall_nr = syscall_nr;
	ev->arch = 0;
	ev->source = TAPIO_SCMP_ERRNO;
	ev->action = TAPIO_SCACT_ERRNO;
	ev->pad = 0;
	ev->hdr.size = sizeof(*ev);
	tapio_emit(ctx, ev, sizeof(*ev), TAPIO_EV_SECCOMP);
}

#endif
