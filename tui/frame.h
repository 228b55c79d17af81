/* frame.h - the parts of the screen around the views (frame.c). */
#ifndef TRADEOFF_FRAME_H
#define TRADEOFF_FRAME_H

#include "ui.h"

void frame_title(struct ui *ui);
void frame_context(struct ui *ui);
void frame_scores(struct ui *ui);
void frame_hint(struct ui *ui);
void frame_too_small(struct ui *ui);

#endif
