/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_openat2. openat2(dfd, filename, struct open_how *how, size). */
#include "open.h"

SEC("tracepoint/syscalls/sys_enter_openat2")
int tapio_enter_openat2(struct trace_event_raw_sys_enter *ctx)
{
	struct open_how how = {};
	bpf_probe_read_user(&how, sizeof(how), (void *)ctx->args[2]);
	tapio_open_enter(TAPIO_OPEN_OPENAT2, ctx->args[0], ctx->args[1], how.flags, how.mode);
	tapio_frame_release();
	return 0;
}
