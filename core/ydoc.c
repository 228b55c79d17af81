/* ydoc.c - YAML documents with positions; see ydoc.h. */
#include "config.h"

#include "ydoc.h"
#include "utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

struct frame {
	struct ynode *node;
	struct ynode **items;
	size_t n, cap;
};

struct builder {
	struct ydoc *doc;
	struct arena *arena;
	const char *buf;
	size_t len;
	struct frame stack[YDOC_MAX_DEPTH];
	int depth;
	size_t nodes;		/* made so far, at most YDOC_MAX_NODES */
	struct err *e;
};

/* Open PATH ("-": standard input) for reading, refusing what is not a
 * regular file or is larger than MAX; *SIZE is how much to expect.  The
 * descriptor, or -1 with a message.  *NAME is the name for messages. */
static int
open_input(const char **name, size_t max, size_t *size, struct err *e)
{
	const char *path = *name;
	struct stat st;
	const char *why = NULL;
	int fd;

	if (strcmp(path, "-") == 0) {
		/* Standard input: whatever it is, read at most MAX bytes. */
		*name = "<stdin>";
		*size = 4096;
		if ((fd = dup(STDIN_FILENO)) < 0)
			err_file(e, *name, "cannot read: %s", strerror(errno));
		return fd;
	}
	/* O_NONBLOCK: a FIFO must not hang the open; it is refused below
	 * as not a regular file. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		err_file(e, path, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0)
		err_file(e, path, "cannot read: %s", strerror(errno));
	else if (S_ISDIR(st.st_mode))
		why = "is a directory, not a file";
	else if (!S_ISREG(st.st_mode))
		why = "is not a regular file";
	else if ((unsigned long long)st.st_size > max)
		err_file(e, path, "file too large (%lld bytes; the limit is "
		    "%zu)", (long long)st.st_size, max);
	else {
		*size = (size_t)st.st_size;
		return fd;
	}
	if (why != NULL)
		err_file(e, path, "%s", why);
	close(fd);
	return -1;
}

/* One read() into BUF[*LEN ..] of at most ROOM bytes, retried on EINTR:
 * the count, 0 at the end, -1 with a message. */
static ssize_t
read_some(int fd, char *buf, size_t room, const char *name, struct err *e)
{
	ssize_t r;

	do
		r = read(fd, buf, room);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		err_file(e, name, "cannot read: %s", strerror(errno));
	return r;
}

int
ydoc_read_file(const char *path, size_t max, char **bufp, size_t *lenp,
    struct err *e)
{
	char *buf, *nb;
	size_t len = 0, cap;
	ssize_t r;
	int fd;

	*bufp = NULL;
	*lenp = 0;
	if ((fd = open_input(&path, max, &cap, e)) < 0)
		return -1;
	/* One byte more than expected: a read that fills it means the file
	 * is bigger than it said (standard input, or it grew meanwhile). */
	cap += 2;
	if ((buf = malloc(cap)) == NULL) {
		err_file(e, path, "out of memory");
		goto fail;
	}
	while ((r = read_some(fd, buf + len, cap - 1 - len, path, e)) > 0) {
		len += (size_t)r;
		if (len > max) {
			err_file(e, path, "file too large (the limit is %zu "
			    "bytes)", max);
			goto fail;
		}
		if (len < cap - 1)
			continue;
		cap = cap * 2 > max + 2 ? max + 2 : cap * 2;
		if ((nb = realloc(buf, cap)) == NULL) {
			err_file(e, path, "out of memory");
			goto fail;
		}
		buf = nb;
	}
	if (r < 0)
		goto fail;
	close(fd);
	buf[len] = '\0';
	*bufp = buf;
	*lenp = len;
	return 0;
fail:
	free(buf);
	close(fd);
	return -1;
}

/* Line and column (1-based, columns in characters) of byte OFFSET. */
static void
offset_position(const char *buf, size_t len, size_t offset, int *line,
    int *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	if (offset > len)
		offset = len;
	for (i = 0; i < offset; i++) {
		if (buf[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)buf[i] & 0xc0) != 0x80)
			(*col)++;
	}
}

static int
parser_error(struct builder *b, yaml_parser_t *p)
{
	int line, col;

	if (p->error == YAML_MEMORY_ERROR) {
		err_file(b->e, b->doc->name, "out of memory while parsing");
		return -1;
	}
	if (p->error == YAML_READER_ERROR) {
		const char *what = p->problem ? p->problem : "unreadable input";

		offset_position(b->buf, b->len, p->problem_offset, &line, &col);
		/* libyaml gives the octet for a broken UTF-8 sequence, the
		 * code point for a character it refuses. */
		if (p->problem_value != -1 && (p->problem_value < 0x80 ||
		    strstr(what, "octet") != NULL))
			err_at(b->e, b->doc->name, line, col,
			    "not valid text: %s (byte 0x%02x)", what,
			    (unsigned)p->problem_value & 0xff);
		else if (p->problem_value != -1)
			err_at(b->e, b->doc->name, line, col,
			    "not valid text: %s (U+%04X)", what,
			    (unsigned)p->problem_value);
		else
			err_at(b->e, b->doc->name, line, col,
			    "not valid text: %s", what);
		return -1;
	}
	line = (int)p->problem_mark.line + 1;
	col = (int)p->problem_mark.column + 1;
	if (p->context != NULL)
		err_at(b->e, b->doc->name, line, col,
		    "invalid YAML: %s %s (which starts at %d:%d)",
		    p->problem ? p->problem : "syntax error", p->context,
		    (int)p->context_mark.line + 1,
		    (int)p->context_mark.column + 1);
	else
		err_at(b->e, b->doc->name, line, col, "invalid YAML: %s",
		    p->problem ? p->problem : "syntax error");
	return -1;
}

static int
mark_error(struct builder *b, const yaml_mark_t *m, const char *msg)
{
	err_at(b->e, b->doc->name, (int)m->line + 1, (int)m->column + 1, "%s",
	    msg);
	return -1;
}

static struct ynode *
node_new(struct builder *b, enum ytype type, const yaml_mark_t *m)
{
	struct ynode *n = arena_alloc(b->arena, sizeof *n);

	if (n == NULL) {
		err_file(b->e, b->doc->name, "out of memory");
		return NULL;
	}
	n->type = type;
	n->line = (int)m->line + 1;
	n->col = (int)m->column + 1;
	return n;
}

/* Add N to the open collection, or make it the root. */
static int
attach(struct builder *b, struct ynode *n)
{
	struct frame *f;

	if (b->depth == 0) {
		b->doc->root = n;
		return 0;
	}
	f = &b->stack[b->depth - 1];
	if (f->node->type == Y_MAP && f->n % 2 == 0 && n->type != Y_SCALAR) {
		err_at(b->e, b->doc->name, n->line, n->col,
		    "a mapping key must be plain text, not %s",
		    ytype_name(n));
		return -1;
	}
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 8;
		struct ynode **items = realloc(f->items, cap * sizeof *items);

		if (items == NULL) {
			err_file(b->e, b->doc->name, "out of memory");
			return -1;
		}
		f->items = items;
		f->cap = cap;
	}
	f->items[f->n++] = n;
	return 0;
}

static int
key_cmp(const void *pa, const void *pb)
{
	const struct ynode *a = *(struct ynode *const *)pa;
	const struct ynode *b = *(struct ynode *const *)pb;
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->str, b->str, n);

	if (c != 0)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return (a->col > b->col) - (a->col < b->col);
}

/* Refuse a mapping that has the same key twice, naming the repeat that
 * comes first in the file and where the key first appeared. */
static int
check_duplicates(struct builder *b, struct ynode *map)
{
	struct ynode **keys, *dup = NULL, *first = NULL, *group;
	size_t i, n = map->len;
	char q[128];

	if (n < 2)
		return 0;
	keys = malloc(n * sizeof *keys);
	if (keys == NULL) {
		err_file(b->e, b->doc->name, "out of memory");
		return -1;
	}
	for (i = 0; i < n; i++)
		keys[i] = map->kids[2 * i];
	/* Sorted by text, then position: each group of equal keys starts
	 * with its first occurrence. */
	qsort(keys, n, sizeof *keys, key_cmp);
	group = keys[0];
	for (i = 1; i < n; i++) {
		if (keys[i]->len != group->len ||
		    memcmp(keys[i]->str, group->str, group->len) != 0) {
			group = keys[i];
			continue;
		}
		if (dup == NULL || keys[i]->line < dup->line ||
		    (keys[i]->line == dup->line && keys[i]->col < dup->col)) {
			dup = keys[i];
			first = group;
		}
	}
	if (dup != NULL)
		err_at(b->e, b->doc->name, dup->line, dup->col,
		    "duplicate key '%s' (first at %d:%d)",
		    err_quote(q, sizeof q, dup->str, dup->len), first->line,
		    first->col);
	free(keys);
	return dup != NULL ? -1 : 0;
}

/* Close the innermost collection and attach it to its parent. */
static int
close_frame(struct builder *b)
{
	struct frame *f = &b->stack[b->depth - 1];
	struct ynode *n = f->node;

	if (f->n > 0) {
		n->kids = arena_array(b->arena, f->n, sizeof *n->kids);
		if (n->kids == NULL) {
			err_file(b->e, b->doc->name, "out of memory");
			return -1;
		}
		memcpy(n->kids, f->items, f->n * sizeof *n->kids);
	}
	n->len = n->type == Y_MAP ? f->n / 2 : f->n;
	free(f->items);
	f->items = NULL;
	b->depth--;
	if (n->type == Y_MAP && check_duplicates(b, n) != 0)
		return -1;
	return attach(b, n);
}

static int
refuse_extras(struct builder *b, const yaml_event_t *ev,
    const yaml_char_t *anchor, const yaml_char_t *tag)
{
	if (anchor != NULL)
		return mark_error(b, &ev->start_mark,
		    "anchors and aliases are not allowed in this file");
	if (tag != NULL)
		return mark_error(b, &ev->start_mark,
		    "YAML tags ('!...') are not allowed in this file");
	return 0;
}

static int
out_of_memory(struct builder *b)
{
	err_file(b->e, b->doc->name, "out of memory");
	return -1;
}

/* Whether one more node would pass YDOC_MAX_NODES (then the message,
 * at the node that would): a file of millions of tiny values ("[a, a,
 * ...]") is refused while it is read, before it takes its memory. */
static int
too_many(struct builder *b, const yaml_mark_t *m)
{
	char msg[128];

	if (++b->nodes <= YDOC_MAX_NODES)
		return 0;
	snprintf(msg, sizeof msg, "too many values in one file (the limit is "
	    "%d)", YDOC_MAX_NODES);
	mark_error(b, m, msg);
	return 1;
}

/* A scalar: a leaf of the tree. */
static int
on_scalar(struct builder *b, const yaml_event_t *ev)
{
	struct ynode *n;

	if (refuse_extras(b, ev, ev->data.scalar.anchor,
	    ev->data.scalar.tag) != 0)
		return -1;
	/* A "\0" escape would make the text end early wherever it is used
	 * as a C string ("traffic\0x" read as "traffic"). */
	if (memchr(ev->data.scalar.value, '\0', ev->data.scalar.length) !=
	    NULL)
		return mark_error(b, &ev->start_mark,
		    "a NUL character ('\\0') is not allowed in text");
	if (too_many(b, &ev->start_mark) ||
	    (n = node_new(b, Y_SCALAR, &ev->start_mark)) == NULL)
		return -1;
	n->str = arena_strndup(b->arena, (const char *)ev->data.scalar.value,
	    ev->data.scalar.length);
	if (n->str == NULL)
		return out_of_memory(b);
	n->len = ev->data.scalar.length;
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	return attach(b, n);
}

/* The start of a sequence or mapping: a frame on the stack until its
 * end event attaches it. */
static int
on_collection(struct builder *b, const yaml_event_t *ev)
{
	int seq = ev->type == YAML_SEQUENCE_START_EVENT;
	struct ynode *n;

	if (refuse_extras(b, ev, seq ? ev->data.sequence_start.anchor :
	    ev->data.mapping_start.anchor, seq ? ev->data.sequence_start.tag :
	    ev->data.mapping_start.tag) != 0)
		return -1;
	if (b->depth == YDOC_MAX_DEPTH)
		return mark_error(b, &ev->start_mark, "nested too deeply (the "
		    "limit is 64 levels)");
	if (too_many(b, &ev->start_mark) ||
	    (n = node_new(b, seq ? Y_SEQ : Y_MAP, &ev->start_mark)) == NULL)
		return -1;
	if (b->depth > 0) {
		struct frame *f = &b->stack[b->depth - 1];

		if (f->node->type == Y_MAP && f->n % 2 == 0)
			return mark_error(b, &ev->start_mark,
			    "a mapping key must be plain text");
	}
	b->stack[b->depth].node = n;
	b->stack[b->depth].items = NULL;
	b->stack[b->depth].n = b->stack[b->depth].cap = 0;
	b->depth++;
	return 0;
}

static int
handle_event(struct builder *b, yaml_event_t *ev, int *docs, int *done)
{
	switch (ev->type) {
	case YAML_STREAM_END_EVENT:
		*done = 1;
		return 0;
	case YAML_DOCUMENT_START_EVENT:
		if (++*docs > 1)
			return mark_error(b, &ev->start_mark,
			    "only one YAML document is allowed in this file");
		return 0;
	case YAML_ALIAS_EVENT:
		return mark_error(b, &ev->start_mark,
		    "anchors and aliases are not allowed in this file");
	case YAML_SCALAR_EVENT:
		return on_scalar(b, ev);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		return on_collection(b, ev);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return close_frame(b);
	default:
		return 0;
	}
}

const struct ydoc_builtin *
ydoc_builtin_find(const char *buf, size_t len)
{
	const struct ydoc_builtin *bi;

	for (bi = ydoc_builtins; bi->name != NULL; bi++)
		if (bi->len == len && memcmp(bi->bytes, buf, len) == 0)
			return bi;
	return NULL;
}

int
ydoc_parse(struct ydoc *doc, struct arena *arena, const char *name,
    const char *buf, size_t len, struct err *e)
{
	struct builder b;
	yaml_parser_t parser;
	yaml_event_t ev;
	int docs = 0, done = 0, rc = 0;

	memset(doc, 0, sizeof *doc);
	doc->name = arena_strdup(arena, name);
	if (doc->name == NULL) {
		err_set(e, "out of memory");
		return -1;
	}
	if (len > YDOC_MAX_BYTES) {
		err_file(e, name, "file too large (%zu bytes; the limit is %zu)",
		    len, YDOC_MAX_BYTES);
		return -1;
	}
	memset(&b, 0, sizeof b);
	b.doc = doc;
	b.arena = arena;
	b.buf = buf;
	b.len = len;
	b.e = e;
	if (!yaml_parser_initialize(&parser)) {
		err_set(e, "out of memory");
		return -1;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			rc = parser_error(&b, &parser);
			break;
		}
		rc = handle_event(&b, &ev, &docs, &done);
		yaml_event_delete(&ev);
		if (rc != 0)
			break;
	}
	yaml_parser_delete(&parser);
	while (b.depth > 0)
		free(b.stack[--b.depth].items);
	if (rc != 0)
		doc->root = NULL;
	return rc;
}

int
ydoc_load(struct ydoc *doc, struct arena *arena, const char *path,
    struct err *e)
{
	char *buf;
	size_t len;
	int rc;

	memset(doc, 0, sizeof *doc);
	if (ydoc_read_file(path, YDOC_MAX_BYTES, &buf, &len, e) != 0)
		return -1;
	rc = ydoc_parse(doc, arena, path, buf, len, e);
	free(buf);
	return rc;
}

int
yerr(const struct ydoc *d, const struct ynode *n, struct err *e,
    const char *fmt, ...)
{
	char msg[ERR_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (n == NULL)
		err_at(e, d->name, 1, 1, "%s", msg);
	else
		err_at(e, d->name, n->line, n->col, "%s", msg);
	return -1;
}

int
yis_null(const struct ynode *n)
{
	return n->type == Y_SCALAR && n->plain &&
	    (n->len == 0 || strcmp(n->str, "~") == 0 ||
	    strcmp(n->str, "null") == 0 || strcmp(n->str, "Null") == 0 ||
	    strcmp(n->str, "NULL") == 0);
}

const char *
ytype_name(const struct ynode *n)
{
	if (n == NULL)
		return "nothing";
	switch (n->type) {
	case Y_MAP:
		return "a mapping";
	case Y_SEQ:
		return "a list";
	case Y_SCALAR:
		return yis_null(n) ? "an empty value" : "a scalar";
	}
	return "something else";
}

static const char *
type_word(enum ytype t)
{
	return t == Y_MAP ? "a mapping" : t == Y_SEQ ? "a list" : "a scalar";
}

int
yexpect(const struct ydoc *d, const struct ynode *n, enum ytype type,
    const char *what, struct err *e)
{
	if (n->type == type && !(type == Y_SCALAR && yis_null(n)))
		return 0;
	return yerr(d, n, e, "%s must be %s, not %s", what, type_word(type),
	    ytype_name(n));
}

const struct ynode *
ymap_get(const struct ynode *map, const char *key)
{
	size_t i, klen = strlen(key);

	if (map == NULL || map->type != Y_MAP)
		return NULL;
	for (i = 0; i < map->len; i++) {
		const struct ynode *k = map->kids[2 * i];

		if (k->len == klen && memcmp(k->str, key, klen) == 0)
			return map->kids[2 * i + 1];
	}
	return NULL;
}

int
ymap_check(const struct ydoc *d, const struct ynode *map, const char *what,
    const char *const *allowed, const char *const *required, struct err *e)
{
	char list[512], q[128];
	size_t i, j, o;

	for (i = 0; i < map->len; i++) {
		const struct ynode *k = map->kids[2 * i];
		int ok = 0;

		/* The first byte rules out nearly every other key before
		 * its length is counted. */
		for (j = 0; allowed[j] != NULL && !ok; j++)
			if (k->len > 0 && k->str[0] == allowed[j][0] &&
			    k->len == strlen(allowed[j]) &&
			    memcmp(k->str, allowed[j], k->len) == 0)
				ok = 1;
		if (ok)
			continue;
		o = 0;
		list[0] = '\0';
		for (j = 0; allowed[j] != NULL && o < sizeof list; j++)
			o += (size_t)snprintf(list + o, sizeof list - o, "%s%s",
			    j ? ", " : "", allowed[j]);
		return yerr(d, k, e, "unknown key '%s' in %s (expected: %s)",
		    err_quote(q, sizeof q, k->str, k->len), what, list);
	}
	for (j = 0; required != NULL && required[j] != NULL; j++)
		if (ymap_get(map, required[j]) == NULL)
			return yerr(d, map, e, "%s is missing '%s'", what,
			    required[j]);
	return 0;
}

int
yscalar_text(const struct ydoc *d, const struct ynode *n, const char *what,
    size_t maxlen, int multiline, int allow_empty, const char **out,
    struct err *e)
{
	if (n->type != Y_SCALAR)
		return yerr(d, n, e, "%s must be text, not %s", what,
		    ytype_name(n));
	if (yis_null(n) && !allow_empty)
		return yerr(d, n, e, "%s has no value", what);
	if (n->len == 0 && !allow_empty)
		return yerr(d, n, e, "%s is empty", what);
	if (n->len > maxlen)
		return yerr(d, n, e, "%s is too long (%zu bytes; the limit is "
		    "%zu)", what, n->len, maxlen);
	if (!utf8_printable(n->str, n->len, multiline ? "\n\t" : NULL))
		return yerr(d, n, e, "%s contains %s", what, multiline ?
		    "control characters" : "control characters or line breaks");
	*out = yis_null(n) ? "" : n->str;
	return 0;
}

int
yid_valid(const char *s)
{
	size_t i;

	if (s[0] < 'a' || s[0] > 'z')
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		char c = s[i];

		if (i >= 64)
			return 0;
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

int
yscalar_id(const struct ydoc *d, const struct ynode *n, const char *what,
    const char **out, struct err *e)
{
	char q[128];

	if (n->type != Y_SCALAR || yis_null(n))
		return yerr(d, n, e, "%s must be an identifier, not %s", what,
		    ytype_name(n));
	if (strlen(n->str) != n->len || !yid_valid(n->str))
		return yerr(d, n, e, "%s '%s' is not a valid identifier (use a "
		    "lowercase letter, then lowercase letters, digits, '_' or "
		    "'-', at most 64)", what,
		    err_quote(q, sizeof q, n->str, n->len));
	*out = n->str;
	return 0;
}

int
yscalar_long(const struct ydoc *d, const struct ynode *n, const char *what,
    long min, long max, long *out, struct err *e)
{
	char q[128], *end;
	long v;

	if (n->type != Y_SCALAR || yis_null(n))
		return yerr(d, n, e, "%s must be a whole number, not %s", what,
		    ytype_name(n));
	errno = 0;
	v = strtol(n->str, &end, 10);
	if (!n->plain || n->len == 0 || *end != '\0' || end != n->str + n->len ||
	    n->str[0] == ' ' || errno == ERANGE)
		return yerr(d, n, e, "%s must be a whole number, not '%s'", what,
		    err_quote(q, sizeof q, n->str, n->len));
	if (v < min || v > max)
		return yerr(d, n, e, "%s must be between %ld and %ld, not %ld",
		    what, min, max, v);
	*out = v;
	return 0;
}

int
yscalar_double(const struct ydoc *d, const struct ynode *n, const char *what,
    double min, double max, double *out, struct err *e)
{
	char q[128], *end;
	double v;

	if (n->type != Y_SCALAR || yis_null(n))
		return yerr(d, n, e, "%s must be a number, not %s", what,
		    ytype_name(n));
	errno = 0;
	v = strtod(n->str, &end);
	if (!n->plain || n->len == 0 || *end != '\0' ||
	    end != n->str + n->len || n->str[0] == ' ' || !isfinite(v) ||
	    strchr(n->str, 'x') != NULL || strchr(n->str, 'X') != NULL)
		return yerr(d, n, e, "%s must be a number, not '%s'", what,
		    err_quote(q, sizeof q, n->str, n->len));
	if (v < min || v > max)
		return yerr(d, n, e, "%s must be between %g and %g, not %s",
		    what, min, max, err_quote(q, sizeof q, n->str, n->len));
	*out = v;
	return 0;
}

int
yscalar_bool(const struct ydoc *d, const struct ynode *n, const char *what,
    int *out, struct err *e)
{
	static const char *const yes[] = { "true", "True", "TRUE", "yes", "Yes",
	    "YES", "on", "On", "ON", NULL };
	static const char *const no[] = { "false", "False", "FALSE", "no", "No",
	    "NO", "off", "Off", "OFF", NULL };
	char q[128];
	size_t i;

	if (n->type == Y_SCALAR && n->plain) {
		for (i = 0; yes[i] != NULL; i++)
			if (strcmp(n->str, yes[i]) == 0) {
				*out = 1;
				return 0;
			}
		for (i = 0; no[i] != NULL; i++)
			if (strcmp(n->str, no[i]) == 0) {
				*out = 0;
				return 0;
			}
	}
	if (n->type != Y_SCALAR)
		return yerr(d, n, e, "%s must be true or false, not %s", what,
		    ytype_name(n));
	return yerr(d, n, e, "%s must be true or false, not '%s'", what,
	    err_quote(q, sizeof q, n->str, n->len));
}
