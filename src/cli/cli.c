/*
 * cli.c -- input walking, messages and option helpers shared by the
 * subcommands.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

void cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("quotegraph: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

int cli_is_jsonl(const char *path)
{
	return has_suffix(path, ".jsonl") || has_suffix(path, ".ndjson");
}

/* Is the file at `path`, found inside a directory, an article file? Its
 * own name decides, not the directories above it ("../articles"). */
static int wanted_in_dir(const char *path)
{
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;

	return name[0] != '.' &&
	       (has_suffix(name, ".txt") || has_suffix(name, ".text") ||
	        has_suffix(name, ".md") || cli_is_jsonl(name));
}

/* Read a whole stream; refuses more than CLI_MAX_FILE bytes. */
static int read_stream(FILE *fp, const char *path, char **out, size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap), *p;
	int rc = CLI_OK;

	while (buf) {
		size_t got = fread(buf + n, 1, cap - n, fp);

		n += got;
		if (got == 0)
			break;
		if (n == cap) {
			if (cap >= CLI_MAX_FILE) {
				cli_error("%s: larger than %zu MiB; refused", path,
				          CLI_MAX_FILE >> 20);
				rc = CLI_INPUT;
				break;
			}
			p = realloc(buf, cap * 2);
			if (!p)
				break;
			buf = p;
			cap *= 2;
		}
	}
	if (rc == CLI_OK && (!buf || ferror(fp))) {
		cli_error("%s: %s", path, buf ? strerror(errno) : "out of memory");
		rc = buf ? CLI_INPUT : CLI_FAIL;
	}
	if (rc != CLI_OK) {
		free(buf);
		buf = NULL;
	}
	*out = buf;
	*len = n;
	return rc;
}

static int each_file(const char *path, cli_file_fn fn, void *ctx)
{
	FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	char *data = NULL;
	size_t len = 0;
	int rc;

	if (!fp) {
		cli_error("%s: %s", path, strerror(errno));
		return CLI_INPUT;
	}
	rc = read_stream(fp, path, &data, &len);
	if (fp != stdin)
		fclose(fp);
	if (rc == CLI_OK)
		rc = fn(path, data, len, ctx);
	free(data);
	return rc;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(const char *path, cli_file_fn fn, void *ctx, int depth);

static int each_dir(const char *path, cli_file_fn fn, void *ctx, int depth)
{
	DIR *dir = opendir(path);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = CLI_OK, r;

	if (!dir) {
		cli_error("%s: %s", path, strerror(errno));
		return CLI_INPUT;
	}
	while ((de = readdir(dir)) != NULL) {
		char *full;

		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			char **p = realloc(names, (cap ? cap * 2 : 64) * sizeof(*p));

			if (!p) {
				rc = CLI_FAIL;
				break;
			}
			names = p;
			cap = cap ? cap * 2 : 64;
		}
		size_t size = strlen(path) + strlen(de->d_name) + 2;

		full = malloc(size);
		if (!full) {
			rc = CLI_FAIL;
			break;
		}
		snprintf(full, size, "%s/%s", path, de->d_name);
		names[n++] = full;
	}
	closedir(dir);
	if (rc != CLI_OK)
		cli_error("%s: out of memory listing the directory", path);
	qsort(names, n, sizeof(*names), name_cmp);
	for (size_t i = 0; i < n; i++) {
		struct stat st;

		if (stat(names[i], &st) == 0 &&
		    (S_ISDIR(st.st_mode) || wanted_in_dir(names[i]))) {
			r = walk(names[i], fn, ctx, depth + 1);
			rc = r > rc ? r : rc;
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

static int walk(const char *path, cli_file_fn fn, void *ctx, int depth)
{
	struct stat st;

	if (strcmp(path, "-") == 0)
		return each_file(path, fn, ctx);
	if (stat(path, &st) != 0) {
		cli_error("%s: %s", path, strerror(errno));
		return CLI_INPUT;
	}
	if (S_ISDIR(st.st_mode)) {
		/* a link loop would recurse without end */
		if (depth > 64) {
			cli_error("%s: directories nested too deep", path);
			return CLI_INPUT;
		}
		return each_dir(path, fn, ctx, depth);
	}
	return each_file(path, fn, ctx);
}

int cli_each_input(int npaths, char **paths, cli_file_fn fn, void *ctx)
{
	int rc = CLI_OK, r;

	for (int i = 0; i < npaths; i++) {
		r = walk(paths[i], fn, ctx, 0);
		rc = r > rc ? r : rc;
	}
	return rc;
}

int cli_format(const char *name, const qg_format *allowed, size_t n,
               qg_format *out)
{
	qg_format f;

	if (qg_format_parse(name, &f) == QG_OK)
		for (size_t i = 0; i < n; i++)
			if (allowed[i] == f) {
				*out = f;
				return CLI_OK;
			}
	cli_error("unknown or unsupported --format '%s'", name);
	return CLI_USAGE;
}

const char *cli_db_path(const char *opt)
{
	const char *env = getenv("QUOTEGRAPH_DB");

	if (opt)
		return opt;
	return env && *env ? env : "quotegraph.db";
}
