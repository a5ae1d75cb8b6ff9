/*
 * cluster.h -- grouping quote occurrences into quotes (clusters) across
 * articles: exact after normalisation, fragment of a longer quote, or a
 * variant with a few words changed. Internal.
 */
#ifndef QG_CLUSTER_H
#define QG_CLUSTER_H

#include "../store/store.h"

/*
 * Place every occurrence of the article `article_id` (just inserted) into a
 * cluster. Called by the store inside the article's own transaction, so that
 * an article and its clustering commit together or not at all. The cost
 * must not grow with the number of stored articles beyond an index lookup.
 */
qg_status qg__cluster_article(qg_db *db, int64_t article_id);

#endif
