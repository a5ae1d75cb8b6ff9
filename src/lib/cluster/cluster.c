/*
 * cluster.c -- quote clusters. Placeholder: clustering lands with the
 * provenance work (issue 4); until then occurrences stay unclustered.
 */
#include "cluster.h"

qg_status qg__cluster_article(qg_db *db, int64_t article_id)
{
	(void)db;
	(void)article_id;
	return QG_OK;
}
