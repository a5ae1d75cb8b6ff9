/*
 * boilerplate.c -- lines of page furniture that never carry a quote:
 * share and follow prompts, newsletter and app pitches, cross-links
 * ("ALSO READ: ..."), section furniture ("MORE STORIES", "Topics"),
 * advertisement markers, photo captions and credits, copyright lines.
 *
 * The phrases are generic web-page furniture gathered from common news
 * site templates (public knowledge), not from any article in the eval set.
 * A line must be short to count, so a sentence that happens to begin with
 * "Share" or "Follow" in running text is kept.
 */
#include <string.h>

#include "header.h"

/* Longest line (in bytes) that can still be furniture; real paragraphs
 * are longer. Photo captions are the exception and are checked apart. */
#define FURNITURE_MAX 160

/* Whole lines (case-insensitive, trailing ':' '.' '!' ignored). */
static const char *const whole[] = {
	"advertisement", "advertising", "sponsored", "sponsored content",
	"more stories", "more news", "top stories", "latest news",
	"latest stories", "topics", "tags", "related", "related articles",
	"related stories", "related news", "read more", "read next",
	"see also", "also read", "share", "share this", "share this article",
	"share this story", "share on facebook", "share on twitter",
	"comments", "comment", "leave a comment", "print", "email",
	"recommended", "recommended for you", "you may also like",
	"trending", "trending now", "most read", "most popular",
	"skip to content", "skip to main content", "editor's comments",
	"editor’s comments", "editor's comment", "editor’s comment",
	"listen to this article", "story continues below",
	"continue reading", "subscribe", "newsletter", "back to top",
};

/* Prefixes that make a short line furniture whatever follows. */
static const char *const prefixes[] = {
	"also read:", "read more:", "read also:", "see also:", "related:",
	"more:", "tags:", "topics:", "watch:", "listen:", "photo:",
	"photos:", "image:", "file photo:", "photo credit:", "image credit:",
	"credit:", "share this", "share on ", "share via ", "like this article",
	"sign up for", "sign up to", "subscribe to", "subscribe for",
	"click here", "follow us", "follow our", "download our",
	"download the app", "get the latest", "join our", "copyright ©",
	"copyright (c)", "copyright 1", "copyright 2", "©",
	"all rights reserved", "this article was originally",
	"this story was originally", "don't miss", "don’t miss",
};

/* How the last parenthesis of a captioned line starts when it is a
 * photo credit: "(PHOTO / AFP)", "(AP Photo/Jane Roe)". */
static const char *const credit_parens[] = {
	"(photo", "(ap photo", "(file photo", "(image", "(picture",
	"(reuters", "(afp", "(getty", "(courtesy", "(epa", "(xinhua",
};

/* Credits written without parentheses, near the end of a caption. */
static const char *const credit_tails[] = {
	"getty images", "photo:", "photo/", "photo /", "photograph:",
	"image:", "images/",
};

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

static bool starts_with(const char *s, size_t n, const char *p)
{
	size_t len = strlen(p);

	if (len > n)
		return false;
	for (size_t k = 0; k < len; k++) {
		if (lower(s[k]) != p[k])
			return false;
	}
	return true;
}

static bool contains(const char *s, size_t n, const char *p)
{
	size_t len = strlen(p);

	for (size_t i = 0; i + len <= n; i++) {
		if (starts_with(s + i, n - i, p))
			return true;
	}
	return false;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* A caption ending in a credit: "Crowds gather in ... (PHOTO / AFP)",
 * "... Photo: Jane Roe/Getty Images". Only the end of the line is looked
 * at, so that a dateline "PARIS (AFP) -" at a paragraph start is kept. */
static bool photo_credit(const char *s, size_t n)
{
	size_t open = n, from = n > 40 ? n - 40 : 0;

	if (n > 600)
		return false;
	if (s[n - 1] == ')') {
		while (open > 0 && s[open - 1] != '(')
			open--;
		for (size_t k = 0; open > 0 && k < QG_ARRAY_LEN(credit_parens);
		     k++) {
			if (starts_with(s + open - 1, n - open + 1,
			                credit_parens[k]))
				return true;
		}
	}
	for (size_t k = 0; k < QG_ARRAY_LEN(credit_tails); k++) {
		if (contains(s + from, n - from, credit_tails[k]))
			return true;
	}
	return false;
}

bool qg_boilerplate_line(const char *s, size_t n)
{
	size_t len;

	if (!s)
		return false;
	while (n > 0 && is_space(*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_space(s[n - 1]))
		n--;
	if (n == 0 || photo_credit(s, n))
		return n > 0;
	if (n > FURNITURE_MAX)
		return false;
	for (size_t k = 0; k < QG_ARRAY_LEN(prefixes); k++) {
		if (starts_with(s, n, prefixes[k]))
			return true;
	}
	len = n;
	while (len > 0 && strchr(":.!|", s[len - 1]))
		len--;
	for (size_t k = 0; k < QG_ARRAY_LEN(whole); k++) {
		if (strlen(whole[k]) == len && starts_with(s, len, whole[k]))
			return true;
	}
	return false;
}
