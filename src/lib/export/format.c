/*
 * format.c -- names of the output formats.
 */
#include <string.h>

#include "../core/core.h"

static const struct {
	const char *name;
	qg_format format;
} formats[] = {
	{"text", QG_FORMAT_TEXT}, {"jsonl", QG_FORMAT_JSONL},
	{"csv", QG_FORMAT_CSV},   {"table", QG_FORMAT_TABLE},
	{"json", QG_FORMAT_JSON}, {"md", QG_FORMAT_MD},
	{"markdown", QG_FORMAT_MD}, {"html", QG_FORMAT_HTML},
	{"dot", QG_FORMAT_DOT},   {"prov", QG_FORMAT_PROV},
	{"prov-json", QG_FORMAT_PROV},
};

qg_status qg_format_parse(const char *name, qg_format *out)
{
	for (size_t i = 0; name && i < QG_ARRAY_LEN(formats); i++) {
		if (strcmp(name, formats[i].name) == 0) {
			*out = formats[i].format;
			return QG_OK;
		}
	}
	return QG_ERR_USAGE;
}
