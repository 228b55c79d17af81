/* milestone.c - milestones of the open session; see milestone.h. */
#include "config.h"

#include "milestone.h"
#include "export_yaml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *
milestone_pricing_line(const struct pricing *p, char *buf, size_t size)
{
	size_t o;
	int i;

	if (p == NULL) {
		snprintf(buf, size, "none");
		return buf;
	}
	o = (size_t)snprintf(buf, size, "version %ld", p->version);
	if (o < size && p->title != NULL && p->title[0] != '\0')
		o += (size_t)snprintf(buf + o, size - o, " (%s)", p->title);
	for (i = 0; i < WL_NPROVIDERS && o < size; i++)
		if (p->provider[i].id != NULL)
			o += (size_t)snprintf(buf + o, size - o, "%s%s %s",
			    i == 0 ? ": " : ", ", p->provider[i].id,
			    p->provider[i].date != NULL ? p->provider[i].date :
			    "undated");
	return buf;
}

int
milestone_text(const struct answers *a, char **text, size_t *len,
    struct err *e)
{
	size_t n = 0;
	FILE *f;
	int rc;

	*text = NULL;
	if ((f = open_memstream(text, &n)) == NULL) {
		err_set(e, "out of memory");
		return -1;
	}
	rc = export_yaml(f, a, e);
	if (fclose(f) != 0 && rc == 0) {
		err_set(e, "out of memory");
		rc = -1;
	}
	if (rc != 0) {
		free(*text);
		*text = NULL;
		return -1;
	}
	if (len != NULL)
		*len = n;
	return 0;
}

int
milestone_save(struct session *s, const char *label, struct err *e)
{
	struct store_milestone m;
	unsigned what = 0;
	char *text;
	int rc;

	if (s->store == NULL || s->info.id == 0) {
		err_set(e, "no session is open");
		return -1;
	}
	if (answers_name_check(label, e) != 0)
		return -1;
	if (strchr(label, '@') != NULL) {
		err_set(e, "a milestone label may not hold '@' (NAME@LABEL is "
		    "split at its last '@')");
		return -1;
	}
	/* What the database holds now, not what this screen last saw. */
	if (session_refresh(s, &what, e) != 0 ||
	    milestone_text(s->answers, &text, NULL, e) != 0)
		return -1;
	memset(&m, 0, sizeof m);
	snprintf(m.label, sizeof m.label, "%s", label);
	snprintf(m.model_id, sizeof m.model_id, "%s", s->model->id);
	snprintf(m.model_version, sizeof m.model_version, "%s",
	    s->model->version);
	milestone_pricing_line(s->pricing, m.pricing, sizeof m.pricing);
	m.answers = text;
	rc = store_milestone_add(s->store, s->info.id, &m, e);
	free(text);
	return rc;
}

int
milestone_resolve(struct store *st, const char *spec,
    struct store_session *info, char *label, size_t lsize, struct err *e)
{
	const char *at = strrchr(spec, '@');
	char name[ANSWERS_NAME_MAX + 1];
	int rc;

	label[0] = '\0';
	if (st == NULL)
		return 0;
	if (at != NULL && at != spec && at[1] != '\0' &&
	    (size_t)(at - spec) <= ANSWERS_NAME_MAX) {
		memcpy(name, spec, (size_t)(at - spec));
		name[at - spec] = '\0';
		if ((rc = store_find(st, name, info, e)) < 0)
			return -1;
		if (rc > 0 && (rc = store_milestone_get(st, info->id, at + 1,
		    NULL, NULL, e)) != 0) {
			if (rc > 0)
				snprintf(label, lsize, "%s", at + 1);
			return rc;
		}
	}
	return store_find(st, spec, info, e);
}

struct answers *
milestone_answers(struct store *st, long long sid, const char *name,
    const char *label, const struct model *m, struct store_milestone *out,
    struct err *e)
{
	struct store_milestone ms;
	struct answers *a;
	char *text, where[2 * ANSWERS_NAME_MAX + 2];
	int rc;

	if ((rc = store_milestone_get(st, sid, label, &ms, &text, e)) <= 0) {
		if (rc == 0)
			err_set(e, "session '%s' has no milestone '%s'", name,
			    label);
		return NULL;
	}
	snprintf(where, sizeof where, "%s@%s", name, label);
	a = answers_load_buffer(m, where, text, strlen(text), e);
	free(text);
	if (a != NULL && out != NULL) {
		*out = ms;
		out->answers = NULL;
	}
	return a;
}
