/*
 * provdb.h -- the CLI tests of the provenance commands (trace, report)
 * run against one database of the invented pension articles, made once
 * per program by the group setup and removed by its teardown.
 */
#ifndef QG_TEST_PROVDB_H
#define QG_TEST_PROVDB_H

#include "clitest.h"
#include "../unit/prov_fixture.h"

static char provdb_path[64];

static int provdb_setup(void **state)
{
	(void)state;
	clitest_tmpdir();
	qg_db_close(pv_db_all(provdb_path));
	return 0;
}

static int provdb_teardown(void **state)
{
	(void)state;
	clitest_rmdir();
	pv_db_remove(provdb_path);
	return 0;
}

/* Run `quotegraph COMMAND --db DB REST` (REST as a shell would split). */
static inline run_result provdb_run(const char *command, const char *rest)
{
	char args[1024];

	snprintf(args, sizeof(args), "%s --db '%s' %s", command, provdb_path,
	         rest);
	return clitest_run(args, NULL);
}

#endif
