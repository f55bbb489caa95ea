/* SPDX-License-Identifier: Apache-2.0 */
/* Defines the shared maps and the license once per sensor object (see maps.h). */
#define TAPIO_MAPS_OWNER
#include "common.h"

char LICENSE[] SEC("license") = "GPL";
