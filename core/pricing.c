/* pricing.c - loading and validating the price list; see pricing.h. */
#include "config.h"

#include "pricing.h"
#include "ydoc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ploader {
	struct pricing *p;
	struct ydoc doc;
	struct err *e;
};

#define FAIL(n, ...) yerr(&L->doc, (n), L->e, __VA_ARGS__)

static const char *const block_keys[PB_NBLOCKS] = {
	[PB_FUNCTIONS] = "functions", [PB_GATEWAY] = "gateway",
	[PB_KUBERNETES] = "kubernetes", [PB_NODES] = "nodes",
	[PB_CONTAINERS] = "containers", [PB_LEGACY] = "legacy_functions"
};

/* ---- dates ---- */

long
pricing_days(int y, int m, int d)
{
	/* Days from civil: shift the year to start in March so the leap
	 * day ends it, then count 400-year eras. */
	long yy = (long)y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

static int
month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

int
pricing_date_valid(int y, int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= month_days(y, m);
}

/* Split "YYYY-MM-DD" into numbers; 0 when the shape is wrong. */
static int
date_fields(const char *s, int *y, int *m, int *d)
{
	int i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	*y = atoi(s);
	*m = atoi(s + 5);
	*d = atoi(s + 8);
	return 1;
}

long
pricing_parse_date(const char *s)
{
	int y, m, d;

	if (!date_fields(s, &y, &m, &d) || y < 2000 || y > 2099 ||
	    !pricing_date_valid(y, m, d))
		return -1;
	return pricing_days(y, m, d);
}

/* The day of NOW, rounding towards the past. */
static long
now_day(long long now)
{
	long long d = now / 86400;

	if (now % 86400 < 0)
		d--;
	return (long)d;
}

/* The calendar date of DAY (days since 1970): days_from_civil undone. */
static void
civil(long day, int *y, int *m, int *d)
{
	long z = day + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
pricing_is_stale(long day, long long now)
{
	int y, m, d, limit;

	/* Twelve calendar months after DAY, clamped to the month's end
	 * (a price of 29 February is stale after 28 February). */
	civil(day, &y, &m, &d);
	limit = month_days(y + 1, m);
	return now_day(now) > pricing_days(y + 1, m, d < limit ? d : limit);
}

long
pricing_age_days(long day, long long now)
{
	return now_day(now) - day;
}

/* ---- numbers for people ---- */

const char *
pricing_group(double v, int decimals, char *buf, size_t size)
{
	char tmp[64], *dot;
	size_t i, o = 0, intlen, start = 0;

	if (!isfinite(v))
		v = 0;
	snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
	if (strspn(tmp, "-0.") == strlen(tmp) && tmp[0] == '-')
		memmove(tmp, tmp + 1, strlen(tmp));	/* no "-0.00" */
	dot = strchr(tmp, '.');
	intlen = dot != NULL ? (size_t)(dot - tmp) : strlen(tmp);
	if (tmp[0] == '-') {
		start = 1;
		if (o + 1 < size)
			buf[o++] = '-';
	}
	for (i = start; i < intlen && o + 1 < size; i++) {
		if (i > start && (intlen - i) % 3 == 0 && o + 2 < size)
			buf[o++] = ',';
		buf[o++] = tmp[i];
	}
	for (i = intlen; tmp[i] != '\0' && o + 1 < size; i++)
		buf[o++] = tmp[i];
	if (size > 0)
		buf[o] = '\0';
	return buf;
}

const char *
pricing_money(const struct pricing *p, double v, int decimals, char *buf,
    size_t size)
{
	char num[64];

	pricing_group(v, decimals, num, sizeof num);
	if (p == NULL || strcmp(p->currency, "USD") == 0)
		snprintf(buf, size, "%s$%s", num[0] == '-' ? "-" : "",
		    num[0] == '-' ? num + 1 : num);
	else
		snprintf(buf, size, "%s %s", num, p->currency);
	return buf;
}

/* ---- loading ---- */

int
pricing_node_index(const struct pricing_provider *pv, const char *type)
{
	int i;

	for (i = 0; i < pv->nnodes; i++)
		if (strcmp(pv->nodes[i].type, type) == 0)
			return i;
	return -1;
}

/* A node type as the providers write them: a letter or digit, then
 * letters, digits, '.', '_' or '-'. */
static int
node_type_valid(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || len > PRICING_NODE_TYPE_MAX || strlen(s) != len)
		return 0;
	for (i = 0; i < len; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') ||
		    (i > 0 && (c == '.' || c == '_' || c == '-'))))
			return 0;
	}
	return 1;
}

/* A number in [0, MAX]. */
static int
price(struct ploader *L, const struct ynode *n, const char *what, double max,
    double *out)
{
	return yscalar_double(&L->doc, n, what, 0, max, out, L->e);
}

/* A number in (0, MAX]. */
static int
positive(struct ploader *L, const struct ynode *n, const char *what,
    double max, double *out)
{
	if (yscalar_double(&L->doc, n, what, 0, max, out, L->e) != 0)
		return -1;
	if (*out <= 0)
		return FAIL(n, "%s must be more than 0", what);
	return 0;
}

static int
load_date(struct ploader *L, const struct ynode *n, const char *what,
    struct pricing_block *b)
{
	char q[128];
	int y, m, d;

	if (yscalar_text(&L->doc, n, what, 64, 0, 0, &b->date, L->e) != 0)
		return -1;
	err_quote(q, sizeof q, n->str, n->len);
	if (!date_fields(b->date, &y, &m, &d))
		return FAIL(n, "%s must be a date written YYYY-MM-DD, not '%s'",
		    what, q);
	if (!pricing_date_valid(y, m, d))
		return FAIL(n, "%s '%s' is not a day of the calendar", what, q);
	if (y < 2000 || y > 2099)
		return FAIL(n, "%s '%s' must be in the years 2000 to 2099",
		    what, q);
	b->day = pricing_days(y, m, d);
	return 0;
}

static int
load_source(struct ploader *L, const struct ynode *n, const char *what,
    const char **out)
{
	char q[128];
	const char *s;

	if (yscalar_text(&L->doc, n, what, YDOC_MAX_LINE, 0, 0, out,
	    L->e) != 0)
		return -1;
	s = *out;
	if ((strncmp(s, "https://", 8) != 0 && strncmp(s, "http://", 7) != 0) ||
	    strchr(s, ' ') != NULL || strlen(s) <= 8)
		return FAIL(n, "%s must be a web address (https://...), not "
		    "'%s'", what, err_quote(q, sizeof q, n->str, n->len));
	return 0;
}

/* The keys every block has: service, date, source. */
static int
load_block_meta(struct ploader *L, const struct ynode *n, const char *path,
    struct pricing_block *b)
{
	char what[128];

	snprintf(what, sizeof what, "'%s.service'", path);
	if (yscalar_text(&L->doc, ymap_get(n, "service"), what, YDOC_MAX_LINE,
	    0, 0, &b->service, L->e) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.date'", path);
	if (load_date(L, ymap_get(n, "date"), what, b) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.source'", path);
	return load_source(L, ymap_get(n, "source"), what, &b->source);
}

/* Open block KEY of provider node PN: a mapping with ALLOWED keys and
 * REQUIRED ones, and its service, date and source. */
static const struct ynode *
open_block(struct ploader *L, const struct ynode *pn,
    struct pricing_provider *pv, enum pricing_block_id id,
    const char *const *allowed, const char *const *required)
{
	const struct ynode *n = ymap_get(pn, block_keys[id]);
	char path[64], what[72];

	snprintf(path, sizeof path, "%s.%s", pv->id, block_keys[id]);
	snprintf(what, sizeof what, "'%s'", path);
	if (yexpect(&L->doc, n, Y_MAP, what, L->e) != 0 ||
	    ymap_check(&L->doc, n, what, allowed, required, L->e) != 0 ||
	    load_block_meta(L, n, path, &pv->block[id]) != 0)
		return NULL;
	return n;
}

/* {x86_64: price, arm64: price}; LIKE, when not NULL, is the gb_second
 * mapping whose architectures this one must match. */
static int
load_arch_prices(struct ploader *L, const struct ynode *n, const char *path,
    const struct ynode *like, unsigned *mask, double *out)
{
	static const char *const keys[] = { "x86_64", "arm64", NULL };
	static const char *const req[] = { "x86_64", NULL };
	char what[128];
	int a;

	snprintf(what, sizeof what, "'%s'", path);
	if (yexpect(&L->doc, n, Y_MAP, what, L->e) != 0 ||
	    ymap_check(&L->doc, n, what, keys, req, L->e) != 0)
		return -1;
	for (a = 0; a < WL_NARCHS; a++) {
		const struct ynode *v = ymap_get(n, keys[a]);

		if (like != NULL && (v == NULL) != (ymap_get(like,
		    keys[a]) == NULL))
			return FAIL(v != NULL ? v : n, "'%s' and 'gb_second' "
			    "must price the same architectures (%s is in one "
			    "only)", path, keys[a]);
		if (v == NULL)
			continue;
		snprintf(what, sizeof what, "'%s.%s'", path, keys[a]);
		if (price(L, v, what, PRICING_MAX_GB_SECOND, &out[a]) != 0)
			return -1;
		*mask |= 1u << a;
	}
	return 0;
}

/* tiers: {x86_64: [{above: GB-s, gb_second: price}, ...], ...} for
 * architectures GB_SECOND prices, thresholds rising. */
static int
load_tiers(struct ploader *L, const struct ynode *n, const char *path,
    const struct ynode *gb, struct pricing_functions *fn)
{
	static const char *const archs[] = { "x86_64", "arm64", NULL };
	static const char *const keys[] = { "above", "gb_second", NULL };
	char what[160];
	size_t i;
	int a;

	snprintf(what, sizeof what, "'%s'", path);
	if (yexpect(&L->doc, n, Y_MAP, what, L->e) != 0 ||
	    ymap_check(&L->doc, n, what, archs, NULL, L->e) != 0)
		return -1;
	for (a = 0; a < WL_NARCHS; a++) {
		const struct ynode *list = ymap_get(n, archs[a]);

		if (list == NULL)
			continue;
		if (ymap_get(gb, archs[a]) == NULL)
			return FAIL(list, "'%s' has tiers for %s, which "
			    "'gb_second' does not price", path, archs[a]);
		snprintf(what, sizeof what, "'%s.%s'", path, archs[a]);
		if (yexpect(&L->doc, list, Y_SEQ, what, L->e) != 0)
			return -1;
		if (list->len == 0 || list->len > PRICING_MAX_TIERS)
			return FAIL(list, "%s must list 1 to %d tiers", what,
			    PRICING_MAX_TIERS);
		for (i = 0; i < list->len; i++) {
			const struct ynode *t = list->kids[i];
			struct pricing_tier *tr = &fn->tiers[a][i];

			snprintf(what, sizeof what, "'%s.%s[%zu]'", path,
			    archs[a], i);
			if (yexpect(&L->doc, t, Y_MAP, what, L->e) != 0 ||
			    ymap_check(&L->doc, t, what, keys, keys,
			    L->e) != 0 ||
			    positive(L, ymap_get(t, "above"), what,
			    PRICING_MAX_TIER_ABOVE, &tr->above) != 0 ||
			    price(L, ymap_get(t, "gb_second"), what,
			    PRICING_MAX_GB_SECOND, &tr->rate) != 0)
				return -1;
			if (i > 0 && tr->above <= fn->tiers[a][i - 1].above)
				return FAIL(ymap_get(t, "above"), "%s: the "
				    "thresholds of tiers must rise", what);
		}
		fn->ntiers[a] = (int)list->len;
	}
	return 0;
}

/* warm: {gb_second, vcpu_second, execution_gb_second}: capacity kept
 * warm. */
static int
load_warm(struct ploader *L, const struct ynode *n, const char *path,
    struct pricing_functions *fn)
{
	static const char *const keys[] = { "gb_second", "vcpu_second",
	    "execution_gb_second", NULL };
	static const char *const req[] = { "gb_second", NULL };
	const struct ynode *v;
	char what[160];

	snprintf(what, sizeof what, "'%s'", path);
	if (yexpect(&L->doc, n, Y_MAP, what, L->e) != 0 ||
	    ymap_check(&L->doc, n, what, keys, req, L->e) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.gb_second'", path);
	if (price(L, ymap_get(n, "gb_second"), what, PRICING_MAX_GB_SECOND,
	    &fn->warm_gb_second) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.vcpu_second'", path);
	if ((v = ymap_get(n, "vcpu_second")) != NULL && price(L, v, what,
	    PRICING_MAX_GB_SECOND, &fn->warm_vcpu_second) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.execution_gb_second'", path);
	if ((v = ymap_get(n, "execution_gb_second")) != NULL && price(L, v,
	    what, PRICING_MAX_GB_SECOND, &fn->warm_execution_gb_second) != 0)
		return -1;
	fn->has_warm = 1;
	return 0;
}

/* limits: {memory_mb, duration_ms}: what one function may have. */
static int
load_limits(struct ploader *L, const struct ynode *n, const char *path,
    struct pricing_functions *fn)
{
	static const char *const keys[] = { "memory_mb", "duration_ms", NULL };
	const struct ynode *v;
	char what[160];

	snprintf(what, sizeof what, "'%s'", path);
	if (yexpect(&L->doc, n, Y_MAP, what, L->e) != 0 ||
	    ymap_check(&L->doc, n, what, keys, NULL, L->e) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.memory_mb'", path);
	if ((v = ymap_get(n, "memory_mb")) != NULL &&
	    yscalar_double(&L->doc, v, what, wl_fields[WL_MEMORY].min,
	    PRICING_MAX_LIMIT_MB, &fn->max_memory_mb, L->e) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.duration_ms'", path);
	if ((v = ymap_get(n, "duration_ms")) != NULL &&
	    yscalar_double(&L->doc, v, what, wl_fields[WL_DURATION].min,
	    PRICING_MAX_LIMIT_MS, &fn->max_duration_ms, L->e) != 0)
		return -1;
	return 0;
}

/* A functions plan: block ID of provider node PN into FN. */
static int
load_functions(struct ploader *L, const struct ynode *pn,
    struct pricing_provider *pv, enum pricing_block_id id,
    struct pricing_functions *fn)
{
	static const char *const keys[] = { "service", "date", "source",
	    "gb_second", "vcpu_second", "per_million_requests", "free_tier",
	    "tiers", "init_billed", "limits", "warm", NULL };
	static const char *const req[] = { "service", "date", "source",
	    "gb_second", "per_million_requests", "free_tier", NULL };
	static const char *const fkeys[] = { "requests", "gb_seconds",
	    "vcpu_seconds", NULL };
	static const char *const freq[] = { "requests", "gb_seconds", NULL };
	const struct ynode *n, *v, *gb, *ft;
	char path[96], what[128], base[64];
	unsigned vmask = 0;

	if ((n = open_block(L, pn, pv, id, keys, req)) == NULL)
		return -1;
	snprintf(base, sizeof base, "%s.%s", pv->id, block_keys[id]);
	gb = ymap_get(n, "gb_second");
	snprintf(path, sizeof path, "%s.gb_second", base);
	if (load_arch_prices(L, gb, path, NULL, &fn->has_arch,
	    fn->gb_second) != 0)
		return -1;
	if ((v = ymap_get(n, "vcpu_second")) != NULL) {
		snprintf(path, sizeof path, "%s.vcpu_second", base);
		if (load_arch_prices(L, v, path, gb, &vmask,
		    fn->vcpu_second) != 0)
			return -1;
	}
	snprintf(what, sizeof what, "'%s.per_million_requests'", base);
	if (price(L, ymap_get(n, "per_million_requests"), what,
	    PRICING_MAX_PER_MILLION, &fn->per_million_requests) != 0)
		return -1;
	ft = ymap_get(n, "free_tier");
	snprintf(path, sizeof path, "%s.free_tier", base);
	snprintf(what, sizeof what, "'%s'", path);
	if (yexpect(&L->doc, ft, Y_MAP, what, L->e) != 0 ||
	    ymap_check(&L->doc, ft, what, fkeys, freq, L->e) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.requests'", path);
	if (price(L, ymap_get(ft, "requests"), what, PRICING_MAX_FREE,
	    &fn->free_requests) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.gb_seconds'", path);
	if (price(L, ymap_get(ft, "gb_seconds"), what, PRICING_MAX_FREE,
	    &fn->free_gb_seconds) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.vcpu_seconds'", path);
	if ((v = ymap_get(ft, "vcpu_seconds")) != NULL &&
	    price(L, v, what, PRICING_MAX_FREE, &fn->free_vcpu_seconds) != 0)
		return -1;
	snprintf(path, sizeof path, "%s.tiers", base);
	if ((v = ymap_get(n, "tiers")) != NULL &&
	    load_tiers(L, v, path, gb, fn) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.init_billed'", base);
	if ((v = ymap_get(n, "init_billed")) != NULL &&
	    yscalar_bool(&L->doc, v, what, &fn->init_billed, L->e) != 0)
		return -1;
	snprintf(path, sizeof path, "%s.limits", base);
	if ((v = ymap_get(n, "limits")) != NULL &&
	    load_limits(L, v, path, fn) != 0)
		return -1;
	snprintf(path, sizeof path, "%s.warm", base);
	if ((v = ymap_get(n, "warm")) != NULL && load_warm(L, v, path, fn) != 0)
		return -1;
	return 0;
}

static int
load_gateway(struct ploader *L, const struct ynode *pn,
    struct pricing_provider *pv)
{
	static const char *const keys[] = { "service", "date", "source",
	    "http", "rest", "free_requests", NULL };
	static const char *const req[] = { "service", "date", "source",
	    "http", "rest", NULL };
	const struct ynode *n, *v;
	char what[96];

	if ((n = open_block(L, pn, pv, PB_GATEWAY, keys, req)) == NULL)
		return -1;
	snprintf(what, sizeof what, "'%s.gateway.http'", pv->id);
	if (price(L, ymap_get(n, "http"), what, PRICING_MAX_PER_MILLION,
	    &pv->gateway[WL_GW_HTTP]) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.gateway.rest'", pv->id);
	if (price(L, ymap_get(n, "rest"), what, PRICING_MAX_PER_MILLION,
	    &pv->gateway[WL_GW_REST]) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.gateway.free_requests'", pv->id);
	if ((v = ymap_get(n, "free_requests")) != NULL &&
	    price(L, v, what, PRICING_MAX_FREE, &pv->gateway_free_requests) != 0)
		return -1;
	return 0;
}

static int
load_kubernetes(struct ploader *L, const struct ynode *pn,
    struct pricing_provider *pv)
{
	static const char *const keys[] = { "service", "date", "source",
	    "control_plane_per_hour", "extended_support_per_hour", NULL };
	static const char *const req[] = { "service", "date", "source",
	    "control_plane_per_hour", NULL };
	const struct ynode *n, *v;
	char what[96];

	if ((n = open_block(L, pn, pv, PB_KUBERNETES, keys, req)) == NULL)
		return -1;
	snprintf(what, sizeof what, "'%s.kubernetes.control_plane_per_hour'",
	    pv->id);
	if (price(L, ymap_get(n, "control_plane_per_hour"), what,
	    PRICING_MAX_CONTROL_PLANE, &pv->control_plane_per_hour) != 0)
		return -1;
	snprintf(what, sizeof what,
	    "'%s.kubernetes.extended_support_per_hour'", pv->id);
	if ((v = ymap_get(n, "extended_support_per_hour")) != NULL &&
	    positive(L, v, what, PRICING_MAX_CONTROL_PLANE,
	    &pv->extended_per_hour) != 0)
		return -1;
	return 0;
}

/* The node type's name: valid, and new among PATH's provider's; TYPES
 * keeps where each was given, for the message about a duplicate. */
static int
node_type(struct ploader *L, const struct ynode *n, const char *path,
    struct pricing_provider *pv, const struct ynode **types)
{
	struct pricing_node *nd = &pv->nodes[pv->nnodes];
	const struct ynode *t;
	char what[128], q[128];
	int i;

	t = ymap_get(n, "type");
	snprintf(what, sizeof what, "'%s.type'", path);
	if (yscalar_text(&L->doc, t, what, YDOC_MAX_LINE, 0, 0, &nd->type,
	    L->e) != 0)
		return -1;
	err_quote(q, sizeof q, t->str, t->len);
	if (!node_type_valid(t->str, t->len))
		return FAIL(t, "node type '%s' is not a valid name (a letter or "
		    "digit, then letters, digits, '.', '_' or '-', at most %d)",
		    q, PRICING_NODE_TYPE_MAX);
	for (i = 0; i < pv->nnodes; i++)
		if (strcmp(pv->nodes[i].type, nd->type) == 0)
			return FAIL(t, "duplicate node type '%s' for %s (first "
			    "at %d:%d)", q, pv->id, types[i]->line,
			    types[i]->col);
	types[pv->nnodes] = t;
	return 0;
}

/* The node type's size and hourly price. */
static int
node_size(struct ploader *L, const struct ynode *n, const char *path,
    struct pricing_node *nd)
{
	char what[128];

	snprintf(what, sizeof what, "'%s.vcpu'", path);
	if (yscalar_double(&L->doc, ymap_get(n, "vcpu"), what,
	    PRICING_MIN_NODE_SIZE, PRICING_MAX_NODE_VCPU, &nd->vcpu,
	    L->e) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.memory_gib'", path);
	if (yscalar_double(&L->doc, ymap_get(n, "memory_gib"), what,
	    PRICING_MIN_NODE_SIZE, PRICING_MAX_NODE_GIB, &nd->memory_gib,
	    L->e) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.per_hour'", path);
	return positive(L, ymap_get(n, "per_hour"), what,
	    PRICING_MAX_NODE_HOUR, &nd->per_hour);
}

/* Whether the node type (named by T) is the default: one per provider,
 * FIRST_DEFAULT where the first was marked. */
static int
node_default(struct ploader *L, const struct ynode *n, const char *path,
    struct pricing_provider *pv, const struct ynode *t,
    const struct ynode **first_default)
{
	const struct ynode *v;
	char what[128], q[128];
	int def = 0;

	snprintf(what, sizeof what, "'%s.default'", path);
	if ((v = ymap_get(n, "default")) != NULL &&
	    yscalar_bool(&L->doc, v, what, &def, L->e) != 0)
		return -1;
	if (!def)
		return 0;
	if (*first_default != NULL)
		return FAIL(v, "a second default node type for %s: '%s' (the "
		    "first, '%s', is at %d:%d)", pv->id, err_quote(q, sizeof q,
		    t->str, t->len), pv->nodes[pv->default_node].type,
		    (*first_default)->line, (*first_default)->col);
	*first_default = v;
	pv->default_node = pv->nnodes;
	return 0;
}

static int
load_node(struct ploader *L, const struct ynode *n, const char *path,
    struct pricing_provider *pv, const struct ynode **types,
    const struct ynode **first_default)
{
	static const char *const keys[] = { "type", "vcpu", "memory_gib",
	    "per_hour", "default", NULL };
	static const char *const req[] = { "type", "vcpu", "memory_gib",
	    "per_hour", NULL };

	if (yexpect(&L->doc, n, Y_MAP, "a node type", L->e) != 0 ||
	    ymap_check(&L->doc, n, "a node type", keys, req, L->e) != 0)
		return -1;
	if (node_type(L, n, path, pv, types) != 0 ||
	    node_size(L, n, path, &pv->nodes[pv->nnodes]) != 0 ||
	    node_default(L, n, path, pv, types[pv->nnodes],
	    first_default) != 0)
		return -1;
	pv->nnodes++;
	return 0;
}

static int
load_nodes(struct ploader *L, const struct ynode *pn,
    struct pricing_provider *pv)
{
	static const char *const keys[] = { "service", "date", "source",
	    "types", NULL };
	const struct ynode *n, *list, *first_default = NULL;
	const struct ynode *types[PRICING_MAX_NODES];
	char path[96];
	size_t i;

	if ((n = open_block(L, pn, pv, PB_NODES, keys, keys)) == NULL)
		return -1;
	list = ymap_get(n, "types");
	snprintf(path, sizeof path, "'%s.nodes.types'", pv->id);
	if (yexpect(&L->doc, list, Y_SEQ, path, L->e) != 0)
		return -1;
	if (list->len == 0)
		return FAIL(list, "%s must list at least one node type", path);
	if (list->len > PRICING_MAX_NODES)
		return FAIL(list, "%s has %zu node types; the limit is %d", path,
		    list->len, PRICING_MAX_NODES);
	pv->nodes = arena_array(L->p->arena, list->len, sizeof *pv->nodes);
	if (pv->nodes == NULL)
		return FAIL(list, "out of memory");
	for (i = 0; i < list->len; i++) {
		snprintf(path, sizeof path, "%s.nodes.types[%zu]", pv->id, i);
		if (load_node(L, list->kids[i], path, pv, types,
		    &first_default) != 0)
			return -1;
	}
	if (first_default == NULL)
		return FAIL(list, "no default node type for %s: mark one with "
		    "'default: true'", pv->id);
	return 0;
}

/* The containers' prices per vCPU-second, GiB-second and request. */
static int
load_ct_prices(struct ploader *L, const struct ynode *n, const char *path,
    struct pricing_provider *pv)
{
	char what[128];

	snprintf(what, sizeof what, "'%s.vcpu_second'", path);
	if (price(L, ymap_get(n, "vcpu_second"), what, PRICING_MAX_GB_SECOND,
	    &pv->ct_vcpu_second) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.gib_second'", path);
	if (price(L, ymap_get(n, "gib_second"), what, PRICING_MAX_GB_SECOND,
	    &pv->ct_gib_second) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.per_million_requests'", path);
	return price(L, ymap_get(n, "per_million_requests"), what,
	    PRICING_MAX_PER_MILLION, &pv->ct_per_million_requests);
}

/* The size of a container instance, and how many always run. */
static int
load_ct_instance(struct ploader *L, const struct ynode *n,
    const char *path, struct pricing_provider *pv)
{
	static const char *const ikeys[] = { "vcpu", "memory_gib", NULL };
	const struct ynode *v;
	char what[128];

	v = ymap_get(n, "instance");
	snprintf(what, sizeof what, "'%s.instance'", path);
	if (yexpect(&L->doc, v, Y_MAP, what, L->e) != 0 ||
	    ymap_check(&L->doc, v, what, ikeys, ikeys, L->e) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.instance.vcpu'", path);
	if (yscalar_double(&L->doc, ymap_get(v, "vcpu"), what,
	    PRICING_MIN_NODE_SIZE, PRICING_MAX_NODE_VCPU, &pv->ct_instance_vcpu,
	    L->e) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.instance.memory_gib'", path);
	if (yscalar_double(&L->doc, ymap_get(v, "memory_gib"), what,
	    PRICING_MIN_NODE_SIZE, PRICING_MAX_NODE_GIB, &pv->ct_instance_gib,
	    L->e) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.min_instances'", path);
	if ((v = ymap_get(n, "min_instances")) != NULL &&
	    price(L, v, what, PRICING_MAX_INSTANCES, &pv->ct_min_instances) != 0)
		return -1;
	return 0;
}

/* The containers' free tier V: optional, and each figure in it. */
static int
load_ct_free_tier(struct ploader *L, const struct ynode *v,
    const char *path, struct pricing_provider *pv)
{
	static const char *const fkeys[] = { "requests", "vcpu_seconds",
	    "gib_seconds", NULL };
	char what[128];

	snprintf(what, sizeof what, "'%s.free_tier'", path);
	if (yexpect(&L->doc, v, Y_MAP, what, L->e) != 0 ||
	    ymap_check(&L->doc, v, what, fkeys, NULL, L->e) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.free_tier.requests'", path);
	if (ymap_get(v, "requests") != NULL && price(L, ymap_get(v,
	    "requests"), what, PRICING_MAX_FREE,
	    &pv->ct_free_requests) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.free_tier.vcpu_seconds'", path);
	if (ymap_get(v, "vcpu_seconds") != NULL && price(L, ymap_get(v,
	    "vcpu_seconds"), what, PRICING_MAX_FREE,
	    &pv->ct_free_vcpu_seconds) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.free_tier.gib_seconds'", path);
	if (ymap_get(v, "gib_seconds") != NULL && price(L, ymap_get(v,
	    "gib_seconds"), what, PRICING_MAX_FREE,
	    &pv->ct_free_gib_seconds) != 0)
		return -1;
	return 0;
}

/* containers: optional; without it no option is priced as containers
 * (cost_check_model says so to a model that needs it). */
static int
load_containers(struct ploader *L, const struct ynode *pn,
    struct pricing_provider *pv)
{
	static const char *const keys[] = { "service", "date", "source",
	    "vcpu_second", "gib_second", "per_million_requests", "instance",
	    "min_instances", "free_tier", NULL };
	static const char *const req[] = { "service", "date", "source",
	    "vcpu_second", "gib_second", "per_million_requests", "instance",
	    NULL };
	const struct ynode *n, *v;
	char path[96];

	if (ymap_get(pn, block_keys[PB_CONTAINERS]) == NULL)
		return 0;
	if ((n = open_block(L, pn, pv, PB_CONTAINERS, keys, req)) == NULL)
		return -1;
	snprintf(path, sizeof path, "%s.containers", pv->id);
	if (load_ct_prices(L, n, path, pv) != 0 ||
	    load_ct_instance(L, n, path, pv) != 0)
		return -1;
	if ((v = ymap_get(n, "free_tier")) != NULL &&
	    load_ct_free_tier(L, v, path, pv) != 0)
		return -1;
	pv->has_containers = 1;
	return 0;
}

static int
load_provider(struct ploader *L, const struct ynode *n,
    struct pricing_provider *pv)
{
	static const char *const keys[] = { "name", "region", "functions",
	    "gateway", "kubernetes", "nodes", "containers", "legacy_functions",
	    NULL };
	static const char *const req[] = { "name", "region", "functions",
	    "gateway", "kubernetes", "nodes", NULL };
	char what[64];
	int b;

	snprintf(what, sizeof what, "'%s'", pv->id);
	if (yexpect(&L->doc, n, Y_MAP, what, L->e) != 0 ||
	    ymap_check(&L->doc, n, what, keys, req, L->e) != 0)
		return -1;
	pv->line = n->line;
	pv->col = n->col;
	snprintf(what, sizeof what, "'%s.name'", pv->id);
	if (yscalar_text(&L->doc, ymap_get(n, "name"), what, YDOC_MAX_LINE, 0,
	    0, &pv->name, L->e) != 0)
		return -1;
	snprintf(what, sizeof what, "'%s.region'", pv->id);
	if (yscalar_text(&L->doc, ymap_get(n, "region"), what, YDOC_MAX_LINE,
	    0, 0, &pv->region, L->e) != 0)
		return -1;
	if (load_functions(L, n, pv, PB_FUNCTIONS, &pv->functions) != 0 ||
	    load_gateway(L, n, pv) != 0 ||
	    load_kubernetes(L, n, pv) != 0 || load_nodes(L, n, pv) != 0 ||
	    load_containers(L, n, pv) != 0)
		return -1;
	if (ymap_get(n, block_keys[PB_LEGACY]) != NULL) {
		if (load_functions(L, n, pv, PB_LEGACY, &pv->legacy) != 0)
			return -1;
		pv->has_legacy = 1;
	}
	pv->date = pv->block[0].date;
	pv->day = pv->block[0].day;
	for (b = 1; b < PB_NBLOCKS; b++)
		if (pv->block[b].date != NULL && pv->block[b].day < pv->day) {
			pv->day = pv->block[b].day;
			pv->date = pv->block[b].date;
		}
	return 0;
}

static int
load_header(struct ploader *L, const struct ynode *n)
{
	static const char *const keys[] = { "version", "currency", "title",
	    NULL };
	static const char *const req[] = { "version", "currency", NULL };
	struct pricing *p = L->p;
	const struct ynode *v;
	char q[128];
	size_t i;

	if (yexpect(&L->doc, n, Y_MAP, "'pricing'", L->e) != 0 ||
	    ymap_check(&L->doc, n, "'pricing'", keys, req, L->e) != 0)
		return -1;
	v = ymap_get(n, "version");
	if (yscalar_long(&L->doc, v, "'pricing.version'", 1, 1000000,
	    &p->version, L->e) != 0)
		return -1;
	if (p->version != PRICING_VERSION)
		return FAIL(v, "price list version %ld is not supported (this "
		    "program reads version %d)", p->version, PRICING_VERSION);
	v = ymap_get(n, "currency");
	if (yscalar_text(&L->doc, v, "'pricing.currency'", 16, 0, 0,
	    &p->currency, L->e) != 0)
		return -1;
	for (i = 0; p->currency[i] >= 'A' && p->currency[i] <= 'Z'; i++)
		;
	if (i != 3 || p->currency[3] != '\0')
		return FAIL(v, "'pricing.currency' must be a three-letter code "
		    "such as USD, not '%s'", err_quote(q, sizeof q, v->str,
		    v->len));
	p->title = "";
	if ((v = ymap_get(n, "title")) != NULL &&
	    yscalar_text(&L->doc, v, "'pricing.title'", YDOC_MAX_LINE, 0, 1,
	    &p->title, L->e) != 0)
		return -1;
	return 0;
}

static int
load_root(struct ploader *L)
{
	static const char *const keys[] = { "pricing", "providers", NULL };
	const struct wl_field *pf = &wl_fields[WL_PROVIDER];
	const struct ynode *root = L->doc.root, *provs;
	int i;

	if (root == NULL)
		return FAIL(NULL, "empty file: a price list is a mapping with "
		    "'pricing' and 'providers'");
	if (yexpect(&L->doc, root, Y_MAP, "a price list", L->e) != 0 ||
	    ymap_check(&L->doc, root, "a price list", keys, keys, L->e) != 0 ||
	    load_header(L, ymap_get(root, "pricing")) != 0)
		return -1;
	provs = ymap_get(root, "providers");
	if (yexpect(&L->doc, provs, Y_MAP, "'providers'", L->e) != 0 ||
	    ymap_check(&L->doc, provs, "'providers'", pf->choices, pf->choices,
	    L->e) != 0)
		return -1;
	for (i = 0; i < WL_NPROVIDERS; i++) {
		L->p->provider[i].id = pf->choices[i];
		if (load_provider(L, ymap_get(provs, pf->choices[i]),
		    &L->p->provider[i]) != 0)
			return -1;
	}
	return 0;
}

/* The compiled price list of the shipped file in the LEN bytes at BUF,
 * as a price list of its own named NAME; NULL when BUF is no such file
 * (or memory ran out: then it is loaded from its tree). */
static struct pricing *
pricing_builtin(const char *name, const char *buf, size_t len)
{
	const struct ydoc_builtin *bi = ydoc_builtin_find(buf, len);
	const struct pricing_builtin *pb;
	struct arena *arena;
	struct pricing *p;

	if (bi == NULL)
		return NULL;
	for (pb = pricing_builtins; pb->name != NULL; pb++)
		if (strcmp(pb->name, bi->name) == 0)
			break;
	if (pb->name == NULL || (p = malloc(sizeof *p)) == NULL)
		return NULL;
	*p = *pb->pricing;
	if ((p->arena = arena = arena_new()) == NULL ||
	    (p->file = arena_strdup(arena, name)) == NULL) {
		pricing_free(p);
		return NULL;
	}
	return p;
}

struct pricing *
pricing_load_buffer(const char *name, const char *buf, size_t len,
    struct err *e)
{
	struct ploader L;

	if ((L.p = pricing_builtin(name, buf, len)) != NULL)
		return L.p;
	memset(&L, 0, sizeof L);
	L.e = e;
	L.p = calloc(1, sizeof *L.p);
	if (L.p == NULL || (L.p->arena = arena_new()) == NULL) {
		err_set(e, "out of memory");
		pricing_free(L.p);
		return NULL;
	}
	if (ydoc_parse(&L.doc, L.p->arena, name, buf, len, e) != 0 ||
	    load_root(&L) != 0) {
		pricing_free(L.p);
		return NULL;
	}
	L.p->file = L.doc.name;
	return L.p;
}

struct pricing *
pricing_load(const char *path, struct err *e)
{
	struct pricing *p;
	char *buf;
	size_t len;

	if (ydoc_read_file(path, YDOC_MAX_BYTES, &buf, &len, e) != 0)
		return NULL;
	p = pricing_load_buffer(path, buf, len, e);
	free(buf);
	return p;
}

void
pricing_free(struct pricing *p)
{
	if (p == NULL)
		return;
	arena_free(p->arena);
	free(p);
}
