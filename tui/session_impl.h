/* session_impl.h - the open session's store handle, for the views that
 * manage sessions (session.c, view_sessions.c, cmd_explore.c). */
#ifndef TRADEOFF_SESSION_IMPL_H
#define TRADEOFF_SESSION_IMPL_H

#include "store.h"
#include "ui.h"

struct session {
	struct store *store;
	struct store_session info;	/* the open session */
};

/* Read the open session again from the store (after an undo or when
 * switching); -1 after showing the error. */
int session_reload(struct ui *ui);

/* Open another session, creating it when CREATE; UI_* flags. */
int session_switch(struct ui *ui, const char *name, int create);

/* A session name, copy name or delete confirmation was typed. */
int view_sessions_edit_done(struct ui *ui, enum edit_purpose purpose,
    const char *text);

#endif
