// SPDX-License-Identifier: Apache-2.0
/*
 * The arm64 guest's loader: proves the arm64 objects load and attach on a real arm64 kernel.
 *
 *   loader PLAN DIR
 *
 * PLAN is what the sensor catalog would attach on arm64, written by the sensors' CatalogPlan:
 *
 *   object process.bpf.o
 *   hook exec tapio_exec_btf tapio_exec_raw tapio_exec_tp     (a hook's ladder, best first)
 *   absent fork_args fork                                     (no such syscall on arm64)
 *
 * For each object in DIR it loads every program the plan names (all rungs of every ladder, so each
 * fallback is proven to pass the verifier too), then attaches each hook on the best rung that
 * attaches, as the sensors do. One line per program: "attached", "fallback" (a better rung
 * attached) or "refused" with the reason and the tail of libbpf's log (the verifier's, for a
 * program that did not load). A hook left out must have no tracepoint here. Exits 1 when a program
 * did not load, a hook attached nowhere or a left-out hook's tracepoint exists.
 *
 * Statically linked for aarch64 (kernels/arm64/run builds it with the arm64 libbpf, libelf, zlib
 * and zstd from kernels/arm64/fetch): the guest has busybox and this, nothing else.
 */
#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#define MAX_LADDER 8
#define LOG_LINES 6

/* The last lines libbpf printed, for a refusal's reason. */
static char log_tail[LOG_LINES][240];
static int log_next;

static int on_libbpf_print(enum libbpf_print_level level, const char *fmt, va_list args)
{
	if (level == LIBBPF_DEBUG)
		return 0;
	char line[4096];
	vsnprintf(line, sizeof(line), fmt, args);
	/* The verifier's log arrives as one message of many lines: keep its last lines. */
	for (char *s = line, *nl; *s; s = nl + 1) {
		nl = strchr(s, '\n');
		if (!nl)
			nl = s + strlen(s) - 1;
		size_t n = (size_t)(nl - s) + (*nl == '\n' ? 0 : 1);
		if (n > 0) {
			snprintf(log_tail[log_next % LOG_LINES], sizeof(log_tail[0]), "%.*s", (int)n, s);
			log_next++;
		}
		if (!nl[0] || !nl[1])
			break;
	}
	return 0;
}

static void print_log_tail(void)
{
	int from = log_next > LOG_LINES ? log_next - LOG_LINES : 0;
	for (int i = from; i < log_next; i++)
		printf("tapio-arm64:     | %s\n", log_tail[i % LOG_LINES]);
	log_next = 0;
}

struct hook {
	char name[64];
	char programs[MAX_LADDER][64];
	int params[MAX_LADDER];	/* the prototype a program is written for (NAME@N); -1: any */
	int rungs;
	char syscall[64];	/* a syscall's hook: its name; else empty */
};

/* The hooks of one object, read from the plan. */
struct plan {
	char object[64];
	struct hook hooks[128];
	int count;
};

static int failures;

/* The running kernel's BTF, where kernel functions are looked up as the sensors do. */
static struct btf *vmlinux;

/*
 * Why a planned program is not loaded here, as the sensors decide it before loading: its kernel
 * function is not in the BTF (a syscall newer than this kernel), or takes another number of
 * parameters than the program is written for (another flavor is). NULL: it is loaded.
 */
static const char *not_here(const struct plan *p, struct bpf_program *prog)
{
	static char why[200];
	const char *section = bpf_program__section_name(prog);
	const char *function = NULL;
	if (!strncmp(section, "fentry/", 7))
		function = section + 7;
	else if (!strncmp(section, "fexit/", 6))
		function = section + 6;
	if (!function || !vmlinux)
		return NULL;
	int id = btf__find_by_name_kind(vmlinux, function, BTF_KIND_FUNC);
	if (id < 0) {
		snprintf(why, sizeof(why), "no kernel function %s", function);
		return why;
	}
	const struct btf_type *proto = btf__type_by_id(vmlinux, btf__type_by_id(vmlinux, id)->type);
	const char *name = bpf_program__name(prog);
	for (int h = 0; h < p->count; h++)
		for (int r = 0; r < p->hooks[h].rungs; r++)
			if (!strcmp(p->hooks[h].programs[r], name) && p->hooks[h].params[r] >= 0 &&
			    p->hooks[h].params[r] != btf_vlen(proto)) {
				snprintf(why, sizeof(why), "%s has %d parameters here, this flavor is for %d",
					 function, btf_vlen(proto), p->hooks[h].params[r]);
				return why;
			}
	return NULL;
}

/* Whether the kernel has the syscall: its tracepoint exists (tracefs is mounted in the guest). */
static bool has_syscall(const char *syscall)
{
	char path[256];
	snprintf(path, sizeof(path), "/sys/kernel/tracing/events/syscalls/sys_enter_%s", syscall);
	return access(path, F_OK) == 0;
}

static bool planned(const struct plan *p, const char *program)
{
	for (int h = 0; h < p->count; h++)
		for (int r = 0; r < p->hooks[h].rungs; r++)
			if (!strcmp(p->hooks[h].programs[r], program))
				return true;
	return false;
}

/* Opens the object with exactly the planned programs (or only one) set to load. */
static struct bpf_object *open_object(const char *path, const struct plan *p, const char *only)
{
	struct bpf_object *obj = bpf_object__open_file(path, NULL);
	if (!obj) {
		printf("tapio-arm64: %s refused: cannot open: %s\n", p->object, strerror(errno));
		print_log_tail();
		failures++;
		return NULL;
	}
	struct bpf_program *prog;
	bpf_object__for_each_program(prog, obj)
	{
		const char *name = bpf_program__name(prog);
		bpf_program__set_autoload(prog, (only ? !strcmp(name, only) : planned(p, name)) &&
							!not_here(p, prog));
	}
	struct bpf_map *perf = bpf_object__find_map_by_name(obj, "tapio_perf");
	if (perf)
		bpf_map__set_autocreate(perf, false); /* the ring buffer is used, as Java picks on >= 5.8 */
	return obj;
}

static void run_object(const char *dir, const struct plan *p)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", dir, p->object);
	struct bpf_object *obj = open_object(path, p, NULL);
	if (!obj)
		return;
	if (bpf_object__load(obj)) {
		/* Which program: each alone, so every culprit gets its own verifier log. */
		int err = errno;
		bpf_object__close(obj);
		log_next = 0;
		printf("tapio-arm64: %s did not load (%s); each program alone:\n", p->object, strerror(err));
		for (int h = 0; h < p->count; h++) {
			for (int r = 0; r < p->hooks[h].rungs; r++) {
				const char *name = p->hooks[h].programs[r];
				struct bpf_object *one = open_object(path, p, name);
				struct bpf_program *alone = one ? bpf_object__find_program_by_name(one, name) : NULL;
				if (alone && not_here(p, alone)) {
					bpf_object__close(one);
					continue;
				}
				if (one && bpf_object__load(one)) {
					printf("tapio-arm64: %s %s %s refused: load: %s\n", p->object, p->hooks[h].name,
					       name, strerror(errno));
					print_log_tail();
					failures++;
				}
				bpf_object__close(one);
			}
		}
		return;
	}
	for (int h = 0; h < p->count; h++) {
		const struct hook *hk = &p->hooks[h];
		bool attached = false;
		for (int r = 0; r < hk->rungs; r++) {
			struct bpf_program *prog = bpf_object__find_program_by_name(obj, hk->programs[r]);
			if (!prog) {
				printf("tapio-arm64: %s %s %s refused: not in the object\n", p->object, hk->name,
				       hk->programs[r]);
				failures++;
				continue;
			}
			const char *why = not_here(p, prog);
			if (why) {
				printf("tapio-arm64: %s %s %s not loaded: %s\n", p->object, hk->name,
				       hk->programs[r], why);
				continue;
			}
			if (attached) {
				printf("tapio-arm64: %s %s %s fallback (loaded)\n", p->object, hk->name,
				       hk->programs[r]);
				continue;
			}
			log_next = 0;
			struct bpf_link *link = bpf_program__attach(prog);
			if (link) {
				attached = true;
				printf("tapio-arm64: %s %s %s attached (%s)\n", p->object, hk->name, hk->programs[r],
				       bpf_program__section_name(prog));
				/* Detached with the object: the proof is that it attached. */
				bpf_link__destroy(link);
			} else {
				printf("tapio-arm64: %s %s %s refused: attach %s: %s\n", p->object, hk->name,
				       hk->programs[r], bpf_program__section_name(prog), strerror(errno));
				print_log_tail();
			}
		}
		if (!attached && hk->syscall[0] && !has_syscall(hk->syscall)) {
			/* a syscall newer than this kernel: no task can make it, the sensors say so */
			printf("tapio-arm64: %s %s not in this kernel: no %s syscall here\n", p->object,
			       hk->name, hk->syscall);
		} else if (!attached) {
			printf("tapio-arm64: %s %s attached nowhere\n", p->object, hk->name);
			failures++;
		}
	}
	bpf_object__close(obj);
}

/*
 * A hook the catalog leaves out because the architecture has no such syscall: the kernel must
 * agree, or the catalog would be leaving out a hook that could work.
 */
static void absent(const char *object, const char *hook, const char *syscall)
{
	if (has_syscall(syscall)) {
		printf("tapio-arm64: %s %s refused: left out, but sys_enter_%s exists\n", object, hook,
		       syscall);
		failures++;
	} else {
		printf("tapio-arm64: %s %s not applicable: no %s syscall here\n", object, hook, syscall);
	}
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: loader PLAN DIR\n");
		return 2;
	}
	struct rlimit unlimited = { RLIM_INFINITY, RLIM_INFINITY };
	setrlimit(RLIMIT_MEMLOCK, &unlimited);
	libbpf_set_print(on_libbpf_print);
	vmlinux = btf__load_vmlinux_btf();
	if (libbpf_get_error(vmlinux))
		vmlinux = NULL;
	FILE *in = fopen(argv[1], "r");
	if (!in) {
		perror(argv[1]);
		return 2;
	}
	static struct plan plan;
	char line[1024];
	int objects = 0;
	while (fgets(line, sizeof(line), in)) {
		char *word = strtok(line, " \t\n");
		if (!word)
			continue;
		if (!strcmp(word, "object")) {
			if (plan.object[0])
				run_object(argv[2], &plan);
			memset(&plan, 0, sizeof(plan));
			snprintf(plan.object, sizeof(plan.object), "%s", strtok(NULL, " \t\n"));
			objects++;
		} else if (!strcmp(word, "hook") && plan.count < 128) {
			struct hook *hk = &plan.hooks[plan.count++];
			snprintf(hk->name, sizeof(hk->name), "%s", strtok(NULL, " \t\n"));
			for (char *p; hk->rungs < MAX_LADDER && (p = strtok(NULL, " \t\n"));) {
				char *at = strchr(p, '@');
				hk->params[hk->rungs] = at ? atoi(at + 1) : -1;
				if (at)
					*at = 0;
				snprintf(hk->programs[hk->rungs++], sizeof(hk->programs[0]), "%s", p);
			}
		} else if (!strcmp(word, "syscall") && plan.count > 0) {
			snprintf(plan.hooks[plan.count - 1].syscall, sizeof(plan.hooks[0].syscall), "%s",
				 strtok(NULL, " \t\n"));
		} else if (!strcmp(word, "absent")) {
			char *hook = strtok(NULL, " \t\n"), *syscall = strtok(NULL, " \t\n");
			absent(plan.object, hook ? hook : "?", syscall ? syscall : "?");
		}
	}
	fclose(in);
	if (plan.object[0])
		run_object(argv[2], &plan);
	printf("tapio-arm64: done: %d objects, %d failures\n", objects, failures);
	return failures || !objects ? 1 : 0;
}
