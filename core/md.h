/* md.h - writing user text into GitHub-flavoured Markdown safely.
 *
 * Session names, notes and context come from people and may contain
 * anything: pipes that would split a table, '#' that would start a
 * heading, '<script>'.  These writers make such text come out as text:
 * Markdown punctuation is backslash-escaped, '<', '>' and '&' become
 * entities (so no HTML gets through), control characters are dropped,
 * invalid UTF-8 becomes U+FFFD, characters that disguise text become
 * visible escapes ("<U+202E>", see utf8_escape_at), and what GitHub
 * reads beyond CommonMark is neutralised: '$' (math) is escaped and an
 * emoji shortcode (":x:") goes in a code span.  Whatever starts the text is escaped
 * if it could open a block ("# ", "- ", "+ ", "1. ", "> "), so the text
 * can follow "- " in a list item or "# " in a heading. */
#ifndef TRADEOFF_MD_H
#define TRADEOFF_MD_H

#include <stdio.h>

/* Inline text on one line: line breaks become spaces. */
void md_inline(FILE *out, const char *s);

/* Text inside a table cell: as md_inline, and line breaks become " / "
 * so a multi-line note stays in its cell. */
void md_cell(FILE *out, const char *s);

/* A paragraph of possibly several lines, each line break kept as a hard
 * line break; nothing at a line's start can open a block (heading, quote,
 * list, code, thematic break). */
void md_paragraph(FILE *out, const char *s);

/* Like md_paragraph, each line prefixed with PREFIX (e.g. "> "). */
void md_paragraph_prefixed(FILE *out, const char *s, const char *prefix);

/* An identifier (a question or dimension id) in a code span when it is
 * one, else as md_inline: a backtick in it cannot end the span early. */
void md_id(FILE *out, const char *s);

/* As md_cell, shortened to MAX characters with "…" when longer. */
void md_cell_max(FILE *out, const char *s, size_t max);

/* A section folded in a <details> block, which GitHub and GitLab draw
 * closed, SUMMARY showing (made by the program, never user text; it is
 * written as it is); elsewhere the HTML is dropped and the section reads
 * as it is.  md_unfold closes it. */
void md_fold(FILE *out, const char *summary);
void md_unfold(FILE *out);

#endif
