/*
 * replay.c -- a main() for the fuzz targets without libFuzzer: feeds every
 * file named on the command line (directories are read, one level, in name
 * order) to LLVMFuzzerTestOneInput once. Meson runs it over each target's
 * seed corpus as a plain test; run it on a crash file to reproduce a
 * finding under a debugger.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int replay_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *buf = NULL;
	long n = -1;
	int rc = -1;

	if (fp && fseek(fp, 0, SEEK_END) == 0)
		n = ftell(fp);
	if (n >= 0 && fseek(fp, 0, SEEK_SET) == 0)
		buf = malloc((size_t)n + 1);
	/* an exact-size copy, so that ASan sees any read past the input */
	if (buf && fread(buf, 1, (size_t)n, fp) == (size_t)n) {
		LLVMFuzzerTestOneInput(buf, (size_t)n);
		rc = 0;
	}
	if (rc < 0)
		fprintf(stderr, "replay: cannot read %s\n", path);
	free(buf);
	if (fp)
		fclose(fp);
	return rc;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file in dir, in name order; returns how many, or -1. */
static long replay_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL, path[4096];
	size_t n = 0;
	long done = 0;

	if (!d)
		return -1;
	while ((de = readdir(d)) != NULL) {
		char **p;

		if (de->d_name[0] == '.')
			continue;
		p = realloc(names, (n + 1) * sizeof(*names));
		if (!p)
			break;
		names = p;
		names[n] = strdup(de->d_name);
		if (names[n])
			n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), name_cmp);
	for (size_t i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (done >= 0)
			done = replay_file(path) == 0 ? done + 1 : -1;
		free(names[i]);
	}
	free(names);
	return done;
}

int main(int argc, char **argv)
{
	long total = 0, n;
	struct stat st;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
	}
	for (int i = 1; i < argc && total >= 0; i++) {
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			n = replay_dir(argv[i]);
		else
			n = replay_file(argv[i]) == 0 ? 1 : -1;
		total = n < 0 ? -1 : total + n;
	}
	if (total <= 0) {
		fprintf(stderr, "replay: no input read\n");
		return 1;
	}
	printf("replay: %ld inputs, no crash\n", total);
	return 0;
}
