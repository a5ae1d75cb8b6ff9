/* The public header stands alone: no internal header, no missing include. */
#include "quotegraph.h"

int main(void)
{
	qg_span span = {0, 0};

	return (int)(span.start + span.end) + (QG_OK != 0);
}
