/*
 * error.c -- status names and the error record kept on each handle.
 */
#include <stdio.h>
#include <string.h>

#include "core.h"

const char *qg_status_str(qg_status status)
{
	switch (status) {
	case QG_OK: return "ok";
	case QG_ERR_INPUT: return "input";
	case QG_ERR_NOTFOUND: return "not found";
	case QG_ERR_DB: return "database";
	case QG_ERR_NOMEM: return "out of memory";
	case QG_ERR_USAGE: return "usage";
	case QG_ERR_IO: return "i/o";
	}
	return "unknown";
}

qg_status qg__error(qg_error *err, qg_status code, size_t offset,
                    const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	err->code = code;
	err->offset = offset;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return code;
}

void qg__error_clear(qg_error *err)
{
	err->code = QG_OK;
	err->offset = 0;
	err->msg[0] = '\0';
}
