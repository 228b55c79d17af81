/* session.h - the open session: one object that owns what a session is
 * while it is open, and every change made to it.
 *
 * A session holds the store handle, the answers (with notes, weights,
 * workload figures, context and participants), their evaluation and the
 * cost of the workload.  Front ends (the explorer, the headless commands)
 * never change the answers themselves: they call a verb, which saves the
 * change in one store transaction, updates the answers, re-evaluates,
 * and reports in *WHAT which parts changed (SESSION_* bits), so the
 * caller redraws only those.  Every verb returns 0 (or 1 where it says)
 * or -1 with a message in E; nothing here draws, prints or exits.
 *
 * A session can also hold answers read from a file, without a store
 * (`tradeoff eval`): then only session_evaluate and the readers apply. */
#ifndef TRADEOFF_SESSION_H
#define TRADEOFF_SESSION_H

#include "answers.h"
#include "cost.h"
#include "disagree.h"
#include "err.h"
#include "eval.h"
#include "model.h"
#include "pricing.h"
#include "report.h"
#include "store.h"

/* What a verb changed. */
enum {
	SESSION_ANSWERS = 1u << 0,
	SESSION_NOTES = 1u << 1,
	SESSION_WEIGHTS = 1u << 2,
	SESSION_WORKLOAD = 1u << 3,
	SESSION_CONTEXT = 1u << 4,
	SESSION_PARTICIPANTS = 1u << 5,
	SESSION_NAME = 1u << 6,		/* renamed */
	SESSION_OPENED = 1u << 7,	/* another session is open */
	SESSION_RESULT = 1u << 8,	/* the evaluation or costs moved */
	SESSION_LIST = 1u << 9,		/* sessions were added or removed */
	SESSION_VOTES = 1u << 10,	/* votes, reveals, identities */
	SESSION_EVERYTHING = (1u << 11) - 1
};

struct session {
	const struct model *model;
	const struct pricing *pricing;	/* NULL: no cost model */
	long long now;			/* seconds since 1970 reports are
					 * made at (stale prices, names) */
	struct store *store;		/* owned; NULL for a file's answers */
	struct store_session info;	/* the open session; id 0: none */
	struct answers *answers;	/* never NULL after session_init */
	struct eval_result *result;	/* of the answers */
	/* The workload priced under `pricing`: cost_ok when it could be;
	 * else cost_problem says why (empty without a price list). */
	struct cost_result cost;
	int cost_ok;
	int cost_cheapest;		/* option priced lowest, or -1 */
	char cost_problem[ERR_MAX];
	/* Where the participants' votes differ, when any voted. */
	struct disagree *disagree;
	int skipped;			/* stored entries the model lacks */
	long long data_version;		/* of the store when last read */
};

/* Set up S for model M, prices P (may be NULL) and report time NOW:
 * empty answers, evaluated.  0, or -1 when out of memory or when P
 * cannot price M's options (a positioned message in E). */
int session_init(struct session *s, const struct model *m,
    const struct pricing *p, long long now, struct err *e);

/* session_init without the evaluation of the empty answers, for a
 * caller that opens a session (which evaluates it) before anything
 * reads S's result: the explorer's start evaluates once, not twice. */
int session_init_unevaluated(struct session *s, const struct model *m,
    const struct pricing *p, long long now, struct err *e);

/* Release what S holds, the store included.  Safe after a failed
 * session_init, and twice. */
void session_fini(struct session *s);

/* Give S the store ST to own (closing any it had). */
void session_attach(struct session *s, struct store *st);

/* Take answers A read from a file (S owns them from now on) and evaluate
 * them.  Their workload figures are checked against the prices at their
 * position in the file: -1 with that message when they cannot be priced
 * (A is then owned by S all the same). */
int session_use_answers(struct session *s, struct answers *a,
    struct err *e);

/* Open session NAME from the store.  With CREATE, a missing one is made
 * (*CREATED says so; may be NULL).  1 opened, 0 no such session (never
 * with CREATE), -1 error; on anything but 1 S keeps the session it had. */
int session_open(struct session *s, const char *name, int create,
    int *created, unsigned *what, struct err *e);

/* Open the session with id SID.  1, 0 (no such session) or -1. */
int session_open_id(struct session *s, long long sid, unsigned *what,
    struct err *e);

/* Open the session to start with: NAME when given (created if new),
 * else the one changed last, else a new one named for today. */
int session_open_default(struct session *s, const char *name,
    struct err *e);

/* BASE, or "BASE (2)", "BASE (3)" ... : the first that no session of
 * the store is named, in BUF. */
const char *session_unused_name(struct session *s, const char *base,
    char *buf, size_t size);

/* The name a new session gets: "workshop 2026-11-28" on the day of S's
 * report time, made unused as session_unused_name does. */
const char *session_new_name(struct session *s, char *buf, size_t size);

/* Evaluate the answers again, and price the workload. */
void session_evaluate(struct session *s);

/* The changes.  Each saves the change (one transaction), then updates
 * and re-evaluates; 0 with *WHAT saying what changed (nothing, when the
 * value already was so), or -1 with nothing changed.  A = -1, an empty
 * or NULL TEXT unset the value. */
int session_set_answer(struct session *s, int q, int a, unsigned *what,
    struct err *e);
int session_set_note(struct session *s, int q, const char *text,
    unsigned *what, struct err *e);
int session_set_weight(struct session *s, int d, int weight, unsigned *what,
    struct err *e);
/* TEXT as workload_parse reads it; NULL goes back to the default.  A
 * change of provider takes the new provider's default node type when
 * the node type set belongs to another. */
int session_set_workload(struct session *s, int f, const char *text,
    unsigned *what, struct err *e);
int session_set_context(struct session *s, const char *text, unsigned *what,
    struct err *e);
int session_set_participants(struct session *s, int n,
    const char *const *names, unsigned *what, struct err *e);

/* Take back the last change of participant BY (NULL: the store's user,
 * this session's own participant).  When someone else has changed that
 * value since, nothing is done unless FORCE: 2, with who in U->other.
 * 1 done (described in *U, may be NULL), 0 nothing to undo, -1 error. */
int session_undo(struct session *s, const char *by, int force,
    struct store_undo *u, unsigned *what, struct err *e);

/* Restore what this participant last took back.  1, 0 or -1. */
int session_redo(struct session *s, struct store_undo *u, unsigned *what,
    struct err *e);

/* The workshop: this participant's own answer A to question Q (-1
 * takes the vote back), IDENT's when IDENT is not NULL (a facilitator
 * recording someone's vote); Q's votes revealed to everyone; which
 * listed participant IDENT is (WHO NULL: none). */
int session_vote(struct session *s, const char *ident, int q, int a,
    unsigned *what, struct err *e);
int session_reveal(struct session *s, int q, unsigned *what,
    struct err *e);
int session_set_identity(struct session *s, const char *ident,
    const char *who, unsigned *what, struct err *e);

/* Text saved against what its editor started from (BASE, NULL: empty):
 * 2 when someone else changed it meanwhile (nothing is saved; S then
 * holds their text, *WHAT says so), else as the setters above. */
int session_set_note_from(struct session *s, int q, const char *text,
    const char *base, unsigned *what, struct err *e);
int session_set_context_from(struct session *s, const char *text,
    const char *base, unsigned *what, struct err *e);
int session_set_participants_from(struct session *s, int n,
    const char *const *names, int base_n, const char *const *base,
    unsigned *what, struct err *e);

/* Who this session's participant is (the store's user). */
const char *session_ident(const struct session *s);

/* Read the open session again from the store; *WHAT says what differs
 * from what S held. */
int session_reload(struct session *s, unsigned *what, struct err *e);

/* Whether anyone (another process, another connection) changed the
 * database since S last read it, and if so read the open session again.
 * Cheap when nothing changed: no query beyond PRAGMA data_version.  -1
 * when the open session was deleted meanwhile (S keeps what it had). */
int session_refresh(struct session *s, unsigned *what, struct err *e);

/* Rename session FROM to TO; the open session follows when it is FROM. */
int session_rename(struct session *s, const char *from, const char *to,
    unsigned *what, struct err *e);

/* Copy session FROM to TO. */
int session_copy(struct session *s, const char *from, const char *to,
    unsigned *what, struct err *e);

/* Delete session NAME and its history; not the open one. */
int session_delete(struct session *s, const char *name, unsigned *what,
    struct err *e);

/* The progress and recommendation of another session of S's store
 * (SID), evaluated into R (a result buffer for S's model).  0 or -1. */
int session_peek(struct session *s, long long sid, struct eval_result *r,
    struct err *e);

/* The report writers' view of S (pricing and cost only when priced;
 * no saved-session part: the caller adds that). */
void session_report(const struct session *s, struct report *r);

#endif
