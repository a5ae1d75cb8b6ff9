/*
 * boilerplate.c -- lines of page furniture that never carry a quote:
 * share and follow prompts, newsletter and app pitches, cross-links
 * ("ALSO READ: ..."), section furniture ("MORE STORIES", "Topics"),
 * advertisement markers, photo captions and credits, copyright lines,
 * separators ("___", "* * *").
 *
 * The phrases are generic web-page furniture gathered from common news
 * site templates (public knowledge), not from any article of the eval set.
 * A line must be short to count, so a sentence that happens to begin with
 * "Share" or "Follow" in running text is kept; phrases matched anywhere
 * in a line count only when the line holds no quotation mark.
 *
 * "Editor's Comments" (a heading) and "Editor's note: ..." (a disclaimer)
 * are furniture, but only the line itself: what stands under such a
 * heading is judged line by line, since an editor's comment may well
 * quote someone.
 */
#include <string.h>

#include "header.h"

/* Longest line (in bytes) that can still be furniture; real paragraphs
 * are longer. Photo captions are the exception and are checked apart. */
#define FURNITURE_MAX 160

/* Whole lines (case-insensitive, trailing ':' '.' '!' '|' ignored). */
static const char *const whole[] = {
    "advertisement",
    "advertising",
    "sponsored",
    "sponsored content",
    "more stories",
    "more news",
    "top stories",
    "latest news",
    "latest stories",
    "topics",
    "tags",
    "related",
    "related articles",
    "related stories",
    "related news",
    "read more",
    "read next",
    "see also",
    "also read",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "comments",
    "comment",
    "leave a comment",
    "print",
    "email",
    "recommended",
    "recommended for you",
    "you may also like",
    "trending",
    "trending now",
    "most read",
    "most popular",
    "skip to content",
    "skip to main content",
    "editor's comments",
    "editor’s comments",
    "editor's comment",
    "editor’s comment",
    "listen to this article",
    "story continues below",
    "continue reading",
    "subscribe",
    "newsletter",
    "back to top",
    "abstract",
    "full text",
    "video",
    "watch",
    "photos",
    "gallery",
};

/* Prefixes that make a short line furniture whatever follows. */
static const char *const prefixes[] = {
    "also read:",
    "read more:",
    "read also:",
    "see also:",
    "related:",
    "more:",
    "tags:",
    "topics:",
    "watch:",
    "listen:",
    "photo:",
    "photos:",
    "image:",
    "file photo:",
    "photo credit:",
    "image credit:",
    "image caption",
    "image source",
    "media caption",
    "caption:",
    "credit:",
    "share this",
    "share on ",
    "share via ",
    "like this article",
    "sign up for",
    "sign up to",
    "subscribe to",
    "subscribe for",
    "click here",
    "follow us",
    "follow our",
    "download our",
    "download the app",
    "get the latest",
    "join our",
    "copyright ©",
    "copyright (c)",
    "copyright 1",
    "copyright 2",
    "©",
    "all rights reserved",
    "this article was originally",
    "this story was originally",
    "don't miss",
    "don’t miss",
    "editor's note:",
    "editor’s note:",
};

/* Phrases that make a short line without quotation marks furniture
 * wherever they stand ("If you liked this, feel free to share it"). */
static const char *const inner[] = {
    "share it with",
    "feel free to share",
    "thank you for your support",
    "thanks for your support",
    "thanks for reading",
    "thank you for reading",
    "sharing is",
    "subscribe to our",
    "sign up for our",
    "our newsletter",
    "follow us on",
    " min read",
    "minute read",
    "all rights reserved",
    "reading time:",
};

/* How the last parenthesis of a captioned line starts when it is a
 * photo credit: "(PHOTO / AFP)", "(AP Photo/Jane Roe)". */
static const char *const credit_parens[] = {
    "(photo", "(ap photo", "(file photo", "(image", "(picture", "(reuters",
    "(afp",   "(getty",    "(courtesy",   "(epa",   "(xinhua",
};

/* Credits written without parentheses, near the end of a caption. */
static const char *const credit_tails[] = {
    "getty images", "getty/",      "photo:",  "photo/",
    "photo /",      "photograph:", "images/",
};

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

static bool starts_with(const char *s, size_t n, const char *p)
{
	size_t len = strlen(p);
	bool ok = len <= n;

	for (size_t k = 0; ok && k < len; k++)
		ok = lower(s[k]) == p[k];
	return ok;
}

static bool contains(const char *s, size_t n, const char *p)
{
	size_t len = strlen(p);
	bool found = false;

	for (size_t i = 0; !found && i + len <= n; i++)
		found = starts_with(s + i, n - i, p);
	return found;
}

/* Whether any entry of `list` starts (at_start) or occurs in [s, s+n). */
static bool any_of(const char *s, size_t n, const char *const *list,
                   size_t count, bool at_start)
{
	bool found = false;

	for (size_t k = 0; !found && k < count; k++)
		found = at_start ? starts_with(s, n, list[k])
		                 : contains(s, n, list[k]);
	return found;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* A straight or curly double quotation mark anywhere in the line. */
static bool has_quote_mark(const char *s, size_t n)
{
	return memchr(s, '"', n) != NULL || contains(s, n, "\xe2\x80\x9c") ||
	       contains(s, n, "\xe2\x80\x9d");
}

/* "___", "* * *", "-----": nothing but separator characters. */
static bool separator(const char *s, size_t n)
{
	bool only = n > 0;

	for (size_t i = 0; only && i < n; i++)
		only = strchr("_-*=~#.\xc2\xb7 ", s[i]) != NULL && s[i] != '\0';
	return only;
}

/* "Home > World > Europe", "News » Politics": a breadcrumb trail. */
static bool breadcrumb(const char *s, size_t n)
{
	int seps = 0;

	for (size_t i = 0; i + 2 < n; i++) {
		seps += s[i] == ' ' && s[i + 1] == '>' && s[i + 2] == ' ';
		seps += i + 3 < n && s[i] == ' ' &&
		        (unsigned char)s[i + 1] == 0xC2 &&
		        (unsigned char)s[i + 2] == 0xBB && s[i + 3] == ' ';
	}
	return seps >= 2 && n <= 120;
}

/* A caption ending in a credit: "Crowds gather in ... (PHOTO / AFP)",
 * "... Photo: Jane Roe/Getty Images". Only the end of the line is looked
 * at, so that a dateline "PARIS (AFP) -" at a paragraph start is kept. */
static bool photo_credit(const char *s, size_t n)
{
	size_t open = n, from = n > 40 ? n - 40 : 0;
	bool found = false;

	if (n <= 600 && s[n - 1] == ')') {
		while (open > 0 && s[open - 1] != '(')
			open--;
		found = open > 0 &&
		        any_of(s + open - 1, n - open + 1, credit_parens,
		               QG_ARRAY_LEN(credit_parens), true);
	}
	if (n <= 600 && !found)
		found = any_of(s + from, n - from, credit_tails,
		               QG_ARRAY_LEN(credit_tails), false);
	return found;
}

/* The line without its final ':' '.' '!' '|' equals an entry of whole. */
static bool whole_line(const char *s, size_t n)
{
	bool found = false;

	while (n > 0 && strchr(":.!|", s[n - 1]) && s[n - 1] != '\0')
		n--;
	for (size_t k = 0; !found && k < QG_ARRAY_LEN(whole); k++)
		found = strlen(whole[k]) == n && starts_with(s, n, whole[k]);
	return found;
}

bool qg_boilerplate_line(const char *s, size_t n)
{
	bool yes = false;

	while (s && n > 0 && is_space(*s)) {
		s++;
		n--;
	}
	while (s && n > 0 && is_space(s[n - 1]))
		n--;
	if (s && n > 0) {
		yes = photo_credit(s, n) || separator(s, n) ||
		      breadcrumb(s, n) ||
		      (n <= FURNITURE_MAX &&
		       (any_of(s, n, prefixes, QG_ARRAY_LEN(prefixes), true) ||
		        whole_line(s, n) ||
		        (!has_quote_mark(s, n) &&
		         any_of(s, n, inner, QG_ARRAY_LEN(inner), false))));
	}
	return yes;
}
