/*
 * pv_group.h -- for test programs that all read one database of the
 * pension fixture articles: made by the group setup, closed and removed
 * by its teardown. Tests use `db`.
 */
#ifndef QG_PV_GROUP_H
#define QG_PV_GROUP_H

#include "prov_fixture.h"

static char path[64];
static qg_db *db;

static int setup(void **state)
{
	(void)state;
	db = pv_db_all(path);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	qg_db_close(db);
	pv_db_remove(path);
	return 0;
}

#endif
