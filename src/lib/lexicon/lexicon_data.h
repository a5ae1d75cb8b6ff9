/*
 * lexicon_data.h -- the data files of src/lib/lexicon/data/, compiled into
 * the binary by src/tools/embed.py (see meson.build next to this file).
 * Internal: only lexicon.c reads them.
 */
#ifndef QG_LEXICON_DATA_H
#define QG_LEXICON_DATA_H

#include "embedded.h"

extern const qg_embedded qg_lexicon_files[];
extern const size_t qg_lexicon_files_count;

#endif
