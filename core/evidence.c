/* evidence.c - a decision record's evidence written and read; see
 * evidence.h. */
#include "config.h"

#include "evidence.h"
#include "export_yaml.h"
#include "sha256.h"
#include "ydoc.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The first N bytes at NEEDLE in the LEN bytes at BUF, or NULL. */
static const char *
find(const char *buf, size_t len, const char *needle, size_t n)
{
	const char *p = buf, *end = buf + len;

	while ((size_t)(end - p) >= n &&
	    (p = memchr(p, needle[0], (size_t)(end - p) - n + 1)) != NULL) {
		if (memcmp(p, needle, n) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* Unit prices ---------------------------------------------------------------- */

static void
add_price(struct evidence_price *out, int *n, const char *key, double v,
    const char *service, const char *what)
{
	struct evidence_price *p;

	if (*n >= EVIDENCE_MAX_PRICES)
		return;
	p = &out[(*n)++];
	p->key = key;
	p->value = v;
	snprintf(p->what, sizeof p->what, "%s %s", service != NULL ? service :
	    "the price", what);
}

int
evidence_unit_prices(const struct cost_result *c, const struct answers *a,
    struct evidence_price *out)
{
	const struct pricing_provider *pv = c->provider;
	const struct pricing_functions *fn;
	const char *fs;
	char what[64];
	int n = 0, arch = c->arch, i, containers = 0;

	if (pv == NULL)
		return 0;
	fn = cost_plan(pv, &a->workload);
	fs = pv->block[fn == &pv->legacy ? PB_LEGACY : PB_FUNCTIONS].service;
	if (arch < 0 || arch >= WL_NARCHS)
		arch = WL_X86_64;
	snprintf(what, sizeof what, "per GB-second (%s)",
	    wl_fields[WL_ARCH].choices[arch]);
	add_price(out, &n, "functions_gb_second", fn->gb_second[arch], fs,
	    what);
	if (fn->vcpu_second[arch] > 0) {
		snprintf(what, sizeof what, "per vCPU-second (%s)",
		    wl_fields[WL_ARCH].choices[arch]);
		add_price(out, &n, "functions_vcpu_second",
		    fn->vcpu_second[arch], fs, what);
	}
	add_price(out, &n, "functions_requests", fn->per_million_requests, fs,
	    "per million requests");
	if (c->gateway > WL_GW_NONE && c->gateway < WL_NGATEWAYS)
		add_price(out, &n, "gateway_requests", pv->gateway[c->gateway],
		    pv->block[PB_GATEWAY].service, "per million requests");
	add_price(out, &n, "control_plane_hour",
	    cost_control_plane_rate(pv, &a->workload),
	    pv->block[PB_KUBERNETES].service, "control plane per hour");
	if (c->node != NULL) {
		snprintf(what, sizeof what, "%s node per hour", c->node->type);
		add_price(out, &n, "node_hour", c->node->per_hour,
		    pv->block[PB_NODES].service, what);
	}
	for (i = 0; i < c->noptions; i++)
		containers |= c->option_shape[i] == MODEL_SHAPE_CONTAINERS;
	if (containers && pv->has_containers && c->containers.present) {
		add_price(out, &n, "containers_vcpu_second", pv->ct_vcpu_second,
		    pv->block[PB_CONTAINERS].service, "per vCPU-second");
		add_price(out, &n, "containers_gib_second", pv->ct_gib_second,
		    pv->block[PB_CONTAINERS].service, "per GiB-second");
	}
	return n;
}

/* The digest ------------------------------------------------------------------ */

/* Feed node N to C in a form that depends on its content only (not on
 * how it was written: flow or block, quoted or plain), skipping the
 * key SKIP of a mapping at the top. */
static void
digest_node(struct sha256 *c, const struct ynode *n, const char *skip)
{
	char head[32];
	size_t i;

	if (n == NULL) {
		sha256_update(c, "~", 1);
		return;
	}
	switch (n->type) {
	case Y_SCALAR:
		snprintf(head, sizeof head, "s%zu:", n->len);
		sha256_update(c, head, strlen(head));
		sha256_update(c, n->str, n->len);
		break;
	case Y_SEQ:
		sha256_update(c, "[", 1);
		for (i = 0; i < n->len; i++)
			digest_node(c, n->kids[i], NULL);
		sha256_update(c, "]", 1);
		break;
	case Y_MAP:
		sha256_update(c, "{", 1);
		for (i = 0; i < n->len; i++) {
			const struct ynode *k = n->kids[2 * i];

			if (skip != NULL && k->type == Y_SCALAR &&
			    strcmp(k->str, skip) == 0)
				continue;
			digest_node(c, k, NULL);
			digest_node(c, n->kids[2 * i + 1], NULL);
		}
		sha256_update(c, "}", 1);
		break;
	}
}

static void
digest_of(const struct ynode *evidence, char out[80])
{
	struct sha256 c;
	char hex[65];

	sha256_init(&c);
	digest_node(&c, evidence, "digest");
	sha256_hex(&c, hex);
	snprintf(out, 80, "sha256:%s", hex);
}

/* Writing ---------------------------------------------------------------------- */

/* A figure of money or a price: as many digits as it needs. */
static void
write_price(struct yamlw *w, double v)
{
	yamlw_num(w, v, 10);
}

static void
write_pricing(struct yamlw *w, const struct report *r)
{
	const struct cost_result *c = r->cost;
	const struct pricing *p = r->pricing;
	const struct model *m = r->model;
	struct evidence_price prices[EVIDENCE_MAX_PRICES];
	int i, n;

	yamlw_key(w, "pricing");
	yamlw_map(w, 0);
	yamlw_key(w, "version");
	yamlw_int(w, p->version);
	if (p->title != NULL && p->title[0] != '\0') {
		yamlw_key(w, "title");
		yamlw_text(w, p->title);
	}
	yamlw_key(w, "provider");
	yamlw_key(w, c->provider->id);
	yamlw_key(w, "region");
	yamlw_text(w, c->provider->region);
	yamlw_key(w, "currency");
	yamlw_text(w, p->currency);
	yamlw_key(w, "date");
	yamlw_text(w, c->provider->date);
	yamlw_map_end(w);
	n = evidence_unit_prices(c, r->answers, prices);
	yamlw_key(w, "unit_prices");
	yamlw_map(w, 0);
	for (i = 0; i < n; i++) {
		yamlw_key(w, prices[i].key);
		write_price(w, prices[i].value);
	}
	yamlw_map_end(w);
	yamlw_key(w, "monthly");
	yamlw_map(w, 0);
	for (i = 0; i < m->noptions; i++) {
		if (c->option_shape[i] < 0)
			continue;
		yamlw_key(w, m->options[i].id);
		yamlw_fixed(w, c->option_monthly[i], 2);
	}
	yamlw_map_end(w);
	yamlw_key(w, "break_even_requests_per_month");
	if (c->break_even_kind == COST_BE_CROSSING)
		yamlw_int(w, llround(c->break_even));
	else
		yamlw_null(w);
}

/* The evidence mapping; DIGEST NULL leaves the digest out (to compute
 * it). */
static void
write_body(struct yamlw *w, const struct report *r, const char *rec,
    const char *digest)
{
	const struct model *m = r->model;
	const struct eval_result *res = r->result;
	int q, o;

	yamlw_map(w, 0);
	yamlw_key(w, "evidence");
	yamlw_int(w, EVIDENCE_VERSION);
	yamlw_key(w, "recommendation");
	yamlw_key(w, rec);
	yamlw_key(w, "confidence");
	yamlw_num(w, res->confidence, 2);
	yamlw_key(w, "model");
	yamlw_map(w, 1);
	yamlw_key(w, "id");
	yamlw_text(w, m->id);
	yamlw_key(w, "version");
	yamlw_text(w, m->version);
	yamlw_map_end(w);
	if (r->cost != NULL && r->pricing != NULL)
		write_pricing(w, r);
	yamlw_key(w, "asked");
	yamlw_seq(w, 1);
	for (q = 0; q < m->nquestions; q++)
		if (res->visible_q[q])
			yamlw_key(w, m->questions[q].id);
	yamlw_seq_end(w);
	yamlw_key(w, "blocked");
	yamlw_seq(w, 1);
	for (o = 0; o < m->noptions; o++)
		if (res->blocked & (1u << o))
			yamlw_key(w, m->options[o].id);
	yamlw_seq_end(w);
	if (digest != NULL) {
		yamlw_key(w, "digest");
		yamlw_key(w, digest);
	}
	yamlw_key(w, "answers_file");
	export_yaml_map(w, r->answers);
	yamlw_map_end(w);
}

/* What body_yaml writes: the evidence of R for REC with DIGEST (NULL:
 * none), alone or, KEYED, under the key `tradeoff`; scalars holding
 * "--" double-quoted when DASHES (yamlw_quote_dashes). */
struct body {
	const struct report *r;
	const char *rec, *digest;
	int keyed, dashes;
};

/* B written as a YAML document into a new buffer (*BUF, *LEN bytes,
 * NUL-terminated; the caller frees it).  0, or -1 with a message. */
static int
body_yaml(const struct body *b, char **buf, size_t *len, struct err *e)
{
	struct yamlw w;
	FILE *f;
	int rc;

	*buf = NULL;
	if ((f = open_memstream(buf, len)) == NULL) {
		err_set(e, "out of memory");
		return -1;
	}
	if (yamlw_open(&w, f, e) != 0) {
		fclose(f);
		free(*buf);
		return -1;
	}
	if (b->dashes)
		yamlw_quote_dashes(&w);
	if (b->keyed) {
		yamlw_map(&w, 0);
		yamlw_key(&w, EVIDENCE_KEY);
	}
	write_body(&w, b->r, b->rec, b->digest);
	if (b->keyed)
		yamlw_map_end(&w);
	rc = yamlw_close(&w, e);
	if (fclose(f) != 0 && rc == 0) {
		err_set(e, "out of memory");
		rc = -1;
	}
	if (rc != 0) {
		free(*buf);
		*buf = NULL;
	}
	return rc;
}

/* The digest of the evidence of R for REC: of the evidence as read
 * back, so it is written alone, read, and the tree hashed. */
static int
evidence_digest(const struct report *r, const char *rec, char digest[80],
    struct err *e)
{
	struct body b = { .r = r, .rec = rec };
	struct arena *arena;
	struct ydoc doc;
	char *buf;
	size_t len;
	int rc = -1;

	if (body_yaml(&b, &buf, &len, e) != 0)
		return -1;
	if ((arena = arena_new()) == NULL)
		err_set(e, "out of memory");
	else if (ydoc_parse(&doc, arena, "the evidence", buf, len, e) ==
	    0) {
		digest_of(doc.root, digest);
		rc = 0;
	}
	arena_free(arena);
	free(buf);
	return rc;
}

int
evidence_write(struct yamlw *w, const struct report *r,
    const char *recommendation, struct err *e)
{
	char digest[80];

	if (evidence_digest(r, recommendation, digest, e) != 0)
		return -1;
	yamlw_key(w, EVIDENCE_KEY);
	write_body(w, r, recommendation, digest);
	return 0;
}

/* Whether the LEN bytes at BUF, the comment's YAML with its dashes
 * escaped, hold no "--" and read back as the evidence of DIGEST: the
 * escapes changed nothing (yamlw_undash says why they cannot; this
 * makes sure). */
static int
undashed_ok(const char *buf, size_t len, const char *digest)
{
	const struct ynode *t;
	struct arena *arena;
	struct ydoc doc;
	struct err e;
	char got[80];
	int ok = 0;

	if (find(buf, len, "--", 2) != NULL || (arena = arena_new()) == NULL)
		return 0;
	if (ydoc_parse(&doc, arena, "the evidence", buf, len, &e) == 0 &&
	    (t = ymap_get(doc.root, EVIDENCE_KEY)) != NULL) {
		digest_of(t, got);
		ok = strcmp(got, digest) == 0;
	}
	arena_free(arena);
	return ok;
}

int
evidence_write_comment(FILE *out, const struct report *r,
    const char *recommendation, struct err *e)
{
	struct body b = { .r = r, .rec = recommendation, .keyed = 1,
	    .dashes = 1 };
	char digest[80], *yaml, *safe = NULL;
	size_t len, slen;
	FILE *f;
	int rc = -1;

	b.digest = digest;
	if (evidence_digest(r, recommendation, digest, e) != 0 ||
	    body_yaml(&b, &yaml, &len, e) != 0)
		return -1;
	if ((f = open_memstream(&safe, &slen)) == NULL) {
		err_set(e, "out of memory");
		free(yaml);
		return -1;
	}
	yamlw_undash(f, yaml, len);
	if (fclose(f) != 0)
		err_set(e, "out of memory");
	else if (!undashed_ok(safe, slen, digest))
		err_set(e, "cannot write the evidence into an HTML comment "
		    "safely (this is a bug in tradeoff)");
	else {
		fputs(EVIDENCE_COMMENT " (read by `tradeoff recheck` and "
		    "`tradeoff import`; keep it with the record)\n", out);
		fwrite(safe, 1, slen, out);
		fputs("-->\n", out);
		rc = 0;
	}
	free(safe);
	free(yaml);
	return rc;
}

/* Reading ---------------------------------------------------------------------- */

int
evidence_has_front_matter(const char *buf, size_t len)
{
	return (len >= 4 && memcmp(buf, "---\n", 4) == 0) ||
	    (len >= 5 && memcmp(buf, "---\r\n", 5) == 0);
}

/* The length of the front matter of BUF from its opening "---" to the
 * line before the closing one; 0 when it is not closed. */
static size_t
front_matter_len(const char *buf, size_t len)
{
	size_t i = 3;

	while (i < len) {
		const char *nl = memchr(buf + i, '\n', len - i);

		if (nl == NULL)
			return 0;
		i = (size_t)(nl - buf) + 1;
		if ((len - i >= 4 && memcmp(buf + i, "---\n", 4) == 0) ||
		    (len - i >= 5 && memcmp(buf + i, "---\r\n", 5) == 0) ||
		    (len - i == 3 && memcmp(buf + i, "---", 3) == 0))
			return i;
	}
	return 0;
}

#define FAIL(n, ...) yerr(doc, (n), e, __VA_ARGS__)

static int
get_text(const struct ydoc *doc, const struct ynode *map, const char *key,
    const char **out, struct err *e)
{
	const struct ynode *v = ymap_get(map, key);
	char what[64];

	*out = NULL;
	if (v == NULL || yis_null(v))
		return 0;
	snprintf(what, sizeof what, "'%s'", key);
	return yscalar_text(doc, v, what, YDOC_MAX_LINE, 0, 0, out, e);
}

static int
get_ids(const struct ydoc *doc, const struct ynode *n, const char *what,
    struct arena *arena, const char ***out, int *count, struct err *e)
{
	size_t i;

	*count = 0;
	if (n == NULL || yis_null(n))
		return 0;
	if (yexpect(doc, n, Y_SEQ, what, e) != 0)
		return -1;
	if ((*out = arena_array(arena, n->len + 1, sizeof(char *))) == NULL)
		return FAIL(n, "out of memory");
	for (i = 0; i < n->len; i++)
		if (yscalar_id(doc, n->kids[i], what, &(*out)[i], e) != 0)
			return -1;
	*count = (int)n->len;
	return 0;
}

static int
read_pricing(struct evidence *ev, const struct ydoc *doc,
    const struct ynode *t, struct err *e)
{
	const struct ynode *p = ymap_get(t, "pricing"), *u, *mo, *be;
	size_t i;

	if (p == NULL)
		return 0;
	if (yexpect(doc, p, Y_MAP, "'pricing'", e) != 0 ||
	    get_text(doc, p, "version", &ev->pricing_version, e) != 0 ||
	    get_text(doc, p, "title", &ev->pricing_title, e) != 0 ||
	    get_text(doc, p, "provider", &ev->provider, e) != 0 ||
	    get_text(doc, p, "region", &ev->region, e) != 0 ||
	    get_text(doc, p, "currency", &ev->currency, e) != 0 ||
	    get_text(doc, p, "date", &ev->price_date, e) != 0)
		return -1;
	if ((u = ymap_get(t, "unit_prices")) != NULL) {
		if (yexpect(doc, u, Y_MAP, "'unit_prices'", e) != 0)
			return -1;
		for (i = 0; i < u->len && ev->nprices < EVIDENCE_MAX_PRICES;
		    i++) {
			struct evidence_price *x = &ev->prices[ev->nprices++];

			x->key = u->kids[2 * i]->str;
			if (yscalar_double(doc, u->kids[2 * i + 1],
			    "a unit price", 0, 1e6, &x->value, e) != 0)
				return -1;
		}
	}
	if ((mo = ymap_get(t, "monthly")) != NULL) {
		if (yexpect(doc, mo, Y_MAP, "'monthly'", e) != 0)
			return -1;
		for (i = 0; i < mo->len && ev->nmonthly < MODEL_MAX_OPTIONS;
		    i++) {
			ev->monthly_option[ev->nmonthly] = mo->kids[2 * i]->str;
			if (yscalar_double(doc, mo->kids[2 * i + 1],
			    "a monthly cost", 0, 1e15,
			    &ev->monthly[ev->nmonthly], e) != 0)
				return -1;
			ev->nmonthly++;
		}
	}
	be = ymap_get(t, "break_even_requests_per_month");
	if (be != NULL && !yis_null(be)) {
		if (yscalar_double(doc, be, "the break-even", 0, 1e18,
		    &ev->break_even, e) != 0)
			return -1;
		ev->has_break_even = 1;
	}
	return 0;
}

/* The evidence under `tradeoff` in mapping ROOT of WHERE ("the front
 * matter"). */
static int
read_evidence(struct evidence *ev, const struct model *m,
    const struct ydoc *doc, const struct ynode *root, const char *where,
    struct err *e)
{
	static const char *const keys[] = { "evidence", "recommendation",
	    "confidence", "model", "pricing", "unit_prices", "monthly",
	    "break_even_requests_per_month", "asked", "blocked", "digest",
	    "answers_file", NULL };
	static const char *const required[] = { "evidence", "recommendation",
	    "digest", "answers_file", NULL };
	const struct ynode *t = ymap_get(root, EVIDENCE_KEY), *v, *d;
	char digest[80];
	long version;

	if (t == NULL)
		return FAIL(root, "a decision record without its evidence: "
		    "%s has no '%s' key (export the session again with this "
		    "version of tradeoff)", where, EVIDENCE_KEY);
	if (yexpect(doc, t, Y_MAP, "'" EVIDENCE_KEY "'", e) != 0 ||
	    ymap_check(doc, t, "'" EVIDENCE_KEY "'", keys, required, e) != 0 ||
	    yscalar_long(doc, ymap_get(t, "evidence"), "'evidence'", 1,
	    EVIDENCE_VERSION, &version, e) != 0)
		return -1;
	d = ymap_get(t, "digest");
	digest_of(t, digest);
	if (d->type != Y_SCALAR || strcmp(d->str, digest) != 0)
		return FAIL(d, "the evidence was changed after the record was "
		    "written (its digest does not match): restore it, or "
		    "export the record again");
	if (yscalar_id(doc, ymap_get(t, "recommendation"),
	    "'recommendation'", &ev->recommendation, e) != 0)
		return -1;
	if ((v = ymap_get(t, "model")) != NULL &&
	    (yexpect(doc, v, Y_MAP, "'model'", e) != 0 ||
	    get_text(doc, v, "id", &ev->model_id, e) != 0 ||
	    get_text(doc, v, "version", &ev->model_version, e) != 0))
		return -1;
	if (read_pricing(ev, doc, t, e) != 0)
		return -1;
	ev->nasked = -1;
	if ((v = ymap_get(t, "asked")) != NULL &&
	    get_ids(doc, v, "'asked'", ev->answers->arena, &ev->asked,
	    &ev->nasked, e) != 0)
		return -1;
	if (get_ids(doc, ymap_get(t, "blocked"), "'blocked'",
	    ev->answers->arena, &ev->blocked, &ev->nblocked, e) != 0)
		return -1;
	(void)m;
	return answers_read_node(ev->answers, doc,
	    ymap_get(t, "answers_file"), e);
}

static int
read_record(struct evidence *ev, const struct model *m, const char *name,
    const char *buf, size_t len, struct err *e)
{
	size_t n = front_matter_len(buf, len);
	const struct ynode *root;
	struct ydoc doc;

	if (n == 0) {
		err_file(e, name, "the front matter is not closed (no line "
		    "'---' after the first)");
		return -1;
	}
	if (ydoc_parse(&doc, ev->answers->arena, name, buf, n, e) != 0)
		return -1;
	root = doc.root;
	if (root == NULL || root->type != Y_MAP) {
		err_file(e, name, "the front matter is not a mapping");
		return -1;
	}
	if (get_text(&doc, root, "status", &ev->status, e) != 0 ||
	    get_text(&doc, root, "date", &ev->date, e) != 0)
		return -1;
	return read_evidence(ev, m, &doc, root, "the front matter", e);
}

int
evidence_item(const char *buf, size_t len, const char *label,
    struct evidence_item *it)
{
	char head[64];
	size_t i = 0, hn, n;
	const char *nl;

	hn = (size_t)snprintf(head, sizeof head, EVIDENCE_ITEM, label);
	while (i < len) {
		nl = memchr(buf + i, '\n', len - i);
		n = nl != NULL ? (size_t)(nl - buf) + 1 - i : len - i;
		if (n >= 3 && memcmp(buf + i, "## ", 3) == 0)
			return 0;
		if (n >= hn && memcmp(buf + i, head, hn) == 0) {
			it->line = i;
			it->end = i + n;
			it->value = buf + i + hn;
			it->vlen = n - hn;
			while (it->vlen > 0 && (it->value[it->vlen - 1] ==
			    '\n' || it->value[it->vlen - 1] == '\r'))
				it->vlen--;
			return 1;
		}
		i += n;
	}
	return 0;
}

/* Where the last line opening with EVIDENCE_COMMENT starts in the LEN
 * bytes at BUF: 1 and *AT, or 0. */
static int
last_comment(const char *buf, size_t len, size_t *at)
{
	const char *p = buf, *hit;
	size_t n = sizeof EVIDENCE_COMMENT - 1;
	int found = 0;

	while ((hit = find(p, len - (size_t)(p - buf), EVIDENCE_COMMENT,
	    n)) != NULL) {
		if (hit == buf || hit[-1] == '\n') {
			*at = (size_t)(hit - buf);
			found = 1;
		}
		p = hit + 1;
	}
	return found;
}

/* Item LABEL of a record without front matter (the LEN bytes at BUF)
 * into *OUT, or NULL when it has none. */
static int
read_item(struct evidence *ev, const char *buf, size_t len,
    const char *label, const char **out, struct err *e)
{
	struct evidence_item it;

	*out = NULL;
	if (!evidence_item(buf, len, label, &it))
		return 0;
	if ((*out = arena_strndup(ev->answers->arena, it.value, it.vlen)) ==
	    NULL) {
		err_set(e, "out of memory");
		return -1;
	}
	return 0;
}

/* The record without front matter NAME (LEN bytes at BUF) whose last
 * evidence comment opens at byte AT. */
static int
read_comment(struct evidence *ev, const struct model *m, const char *name,
    const char *buf, size_t len, size_t at, struct err *e)
{
	size_t skip = sizeof EVIDENCE_COMMENT - 1, n, i;
	const char *end, *nl;
	struct ydoc doc;
	char *copy;
	int line = 1, rc;

	for (i = 0; i < at; i++)
		line += buf[i] == '\n';
	if ((end = find(buf + at + skip, len - at - skip, "-->", 3)) == NULL) {
		err_at(e, name, line, 1, "the evidence comment is not closed "
		    "(no '-->' after it)");
		return -1;
	}
	nl = memchr(buf + at, '\n', (size_t)(end - buf) - at);
	n = nl != NULL ? (size_t)(end - nl) - 1 : 0;
	/* The YAML after as many empty lines as came before it, so that
	 * messages give the lines and columns of the file. */
	if ((copy = malloc((size_t)line + n + 1)) == NULL) {
		err_set(e, "out of memory");
		return -1;
	}
	memset(copy, '\n', (size_t)line);
	if (n > 0)
		memcpy(copy + line, nl + 1, n);
	rc = ydoc_parse(&doc, ev->answers->arena, name, copy,
	    (size_t)line + n, e);
	free(copy);
	if (rc != 0)
		return -1;
	if (doc.root == NULL || doc.root->type != Y_MAP) {
		err_at(e, name, line, 1, "the evidence comment %s",
		    doc.root == NULL ? "holds no evidence" : "is not a mapping");
		return -1;
	}
	if (read_item(ev, buf, at, "Status", &ev->status, e) != 0 ||
	    read_item(ev, buf, at, "Date", &ev->date, e) != 0)
		return -1;
	return read_evidence(ev, m, &doc, doc.root, "the evidence comment", e);
}

int
evidence_read_buffer(struct evidence *ev, const struct model *m,
    const char *name, const char *buf, size_t len, struct err *e)
{
	int front = evidence_has_front_matter(buf, len), rc;
	size_t at = 0;

	memset(ev, 0, sizeof *ev);
	ev->nasked = -1;
	if (!front && !last_comment(buf, len, &at)) {
		ev->kind = EVIDENCE_ANSWERS;
		if ((ev->answers = answers_load_buffer(m, name, buf, len,
		    e)) == NULL)
			return -1;
		ev->recommendation = ev->answers->decision;
		return 0;
	}
	if ((ev->answers = answers_new(m)) == NULL) {
		err_set(e, "out of memory");
		return -1;
	}
	ev->kind = EVIDENCE_ADR;
	rc = front ? read_record(ev, m, name, buf, len, e) :
	    read_comment(ev, m, name, buf, len, at, e);
	if (rc != 0) {
		evidence_free(ev);
		return -1;
	}
	return 0;
}

int
evidence_read(struct evidence *ev, const struct model *m, const char *path,
    struct err *e)
{
	char *buf;
	size_t len;
	int rc;

	memset(ev, 0, sizeof *ev);
	if (ydoc_read_file(path, YDOC_MAX_BYTES, &buf, &len, e) != 0)
		return -1;
	rc = evidence_read_buffer(ev, m, path, buf, len, e);
	free(buf);
	return rc;
}

void
evidence_free(struct evidence *ev)
{
	answers_free(ev->answers);
	memset(ev, 0, sizeof *ev);
}
