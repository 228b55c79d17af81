/* fuzz_pricing.c - the price list loader (--pricing FILE).
 *
 * Any bytes either load as a price list whose every figure is within
 * the bounds pricing.h promises, with a default node type per
 * provider, or give a positioned error. */
#include "config.h"

#include "fuzz.h"

#include <math.h>

#include "pricing.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pricing *p;
	struct err e;
	char buf[64];
	int i, n;

	err_clear(&e);
	p = pricing_load_buffer("fuzz.yaml", (const char *)data, size, &e);
	if (p == NULL) {
		FUZZ_CHECK_ERR(e, "pricing");
		return 0;
	}
	for (i = 0; i < WL_NPROVIDERS; i++) {
		const struct pricing_provider *pv = &p->provider[i];

		FUZZ_ASSERT(pv->nnodes > 0 && pv->nnodes <= PRICING_MAX_NODES,
		    "%d node types", pv->nnodes);
		FUZZ_ASSERT(pv->default_node >= 0 &&
		    pv->default_node < pv->nnodes, "default %d",
		    pv->default_node);
		FUZZ_ASSERT(pv->functions.gb_second[WL_X86_64] >= 0 &&
		    pv->functions.gb_second[WL_X86_64] <= PRICING_MAX_GB_SECOND,
		    "gb_second %g", pv->functions.gb_second[WL_X86_64]);
		for (n = 0; n < pv->nnodes; n++) {
			const struct pricing_node *nd = &pv->nodes[n];

			FUZZ_ASSERT(nd->per_hour > 0 &&
			    nd->per_hour <= PRICING_MAX_NODE_HOUR &&
			    nd->vcpu >= PRICING_MIN_NODE_SIZE &&
			    nd->memory_gib >= PRICING_MIN_NODE_SIZE,
			    "node %s", nd->type);
			FUZZ_ASSERT(pricing_node_index(pv, nd->type) == n,
			    "node type %s found elsewhere", nd->type);
		}
		FUZZ_ASSERT(pricing_parse_date(pv->date) == pv->day,
		    "date %s", pv->date);
		pricing_money(p, pv->control_plane_per_hour * 730, 2, buf,
		    sizeof buf);
	}
	pricing_free(p);
	return 0;
}
