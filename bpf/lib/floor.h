/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The floor: what a hook costs when its program does nothing but count. The Makefile generates
 * one floor object per sensor (floor-<sensor>.bpf.o) with a program of the same name and section
 * for every program of the sensor's object, each calling tapio_floor_hit(), so the loader attaches
 * them exactly where it would attach the sensor. What a sensor costs above its floor is its own.
 */
#ifndef TAPIO_FLOOR_H
#define TAPIO_FLOOR_H

#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} tapio_floor_hits SEC(".maps");

static __always_inline int tapio_floor_hit(void)
{
	__u32 key = 0;
	__u64 *hits = bpf_map_lookup_elem(&tapio_floor_hits, &key);
	if (hits)
		*hits += 1;
	return 0;
}

#endif
