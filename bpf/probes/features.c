/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Feature probes: the smallest program of each kind. The Java feature probe loads and attaches
 * one at a time (all others have autoload off) and detaches it at once; whether that works is
 * the answer, so nothing here does any work.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("tp_btf/sched_process_exec")
int BPF_PROG(probe_tp_btf, struct task_struct *p)
{
	return 0;
}

SEC("raw_tp/sys_enter")
int probe_raw_tp(void *ctx)
{
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_getppid")
int probe_tracepoint(void *ctx)
{
	return 0;
}

/* fentry/fexit need BPF trampolines; security_file_open exists on every supported kernel. */
SEC("fentry/security_file_open")
int BPF_PROG(probe_fentry, struct file *file)
{
	return 0;
}

SEC("lsm/file_open")
int BPF_PROG(probe_lsm, struct file *file)
{
	return 0;
}

SEC("kprobe/security_file_open")
int probe_kprobe(void *ctx)
{
	return 0;
}

SEC("cgroup_skb/ingress")
int probe_cgroup_skb(struct __sk_buff *skb)
{
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
