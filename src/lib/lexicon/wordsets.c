/*
 * wordsets.c -- the short closed lists of function words that the cue and
 * resolve stages test tokens against ("the", "was", "according", the last
 * words of newspaper names). They used to be searched entry by entry at
 * every test; here they are gathered so that qg_lexicon_new() compiles
 * them into one hash table (word -> the QG_S_* sets that hold it), and
 * every token is looked up once per article, however many tests it meets
 * (qg_tokens_tag() in cue.c). Each list is grouped under the file that
 * reads it and keeps that file's comment; the words are lower case and a
 * token matches when it equals one with ASCII case folded.
 */
#include "lexicon.h"

/* ---- cue/cue.c */

/* Words before a verb form that make it a noun. */
static const char *const cue_determiners[] = {
	"a", "an", "the", "his", "her", "its", "their", "our", "my", "your",
	"this", "these", "those", "whose", "such", "any", "no", "every",
	"each", "of", "another",
};

/* Adjectives that stand between a determiner and a noun of speech ("an
 * earlier forecast", "a joint warning"): the verb form after them is the
 * noun. None that is also a noun for who speaks ("the official said",
 * "the daily reported"), and no numbers ("the two said"). Common English
 * usage. */
static const char *const cue_noun_adjectives[] = {
	"earlier", "previous", "initial", "latest", "recent", "formal",
	"joint", "written", "separate", "similar", "further", "informal",
	"verbal", "stark",
};

static const char *const cue_modals[] = {
	"to", "would", "could", "might", "may", "can", "should", "shall",
	"must", "will", "wo", "cannot", "did", "does", "do", "not", "never",
	"n't", "didn't", "don't", "doesn't", "won't", "wouldn't",
};

static const char *const cue_auxiliaries[] = {
	"was", "were", "is", "are", "be", "been", "being", "am", "'s", "’s",
};

/* Nouns of speech after "in" (+ determiner): "in an interview with". */
static const char *const cue_speech_nouns[] = {
	"interview", "interviews", "remarks", "statement", "statements",
	"comments", "speech", "address", "post", "tweet", "letter", "op-ed",
	"message", "briefing", "conversation", "call", "appearance",
	"testimony", "email", "e-mail", "note", "memo", "column", "essay",
	"article", "video", "podcast", "broadcast", "press",
};

/* The first words of the phrase cues: "according to", "in an interview
 * with", "during remarks to". */
static const char *const cue_phrase_openers[] = {
	"according", "in", "during",
};

/* ---- cue/report.c */

/* Verbs that take a bare clause or a noun ("noted the rule"): the clause
 * reading needs a finite verb near its start. */
static const char *const report_finite_words[] = {
	"is", "are", "was", "were", "will", "would", "could", "can", "has",
	"have", "had", "should", "must", "may", "might", "did", "does", "do",
	"won't", "wasn't", "isn't", "aren't", "weren't", "hasn't", "haven't",
	"didn't", "doesn't", "don't", "wouldn't", "couldn't", "can't",
	"shouldn't", "remains", "remain", "needs", "need",
};

/* Words that cannot open a reported clause. */
static const char *const report_no_clause[] = {
	"to", "in", "of", "for", "with", "about", "on", "at", "by", "from",
	"so", "as", "than", "and", "or", "but", "nothing", "something",
	"anything", "what", "which", "who", "whom", "whose", "it.", "goodbye",
	"hello", "yes", "no", "thanks", "sorry", "was", "were", "is", "are",
	"be", "been", "had", "has", "have", "would", "will", "could",
	"according", "otherwise", "little", "much", "more", "less", "not",
	"how", "why", "since", "because", "if", "whether", "when", "while",
	"regardless", "despite", "after", "before", "during", "into", "over",
	"against", "up", "out", "off", "down", "back", "under", "through",
	"toward", "towards", "upon", "among", "amid", "via", "without",
};

/* Words that open a subordinate clause. */
static const char *const report_subordinators[] = {
	"when", "while", "if", "after", "before", "as", "although", "though",
	"because", "since", "unless", "until", "once",
};

/* Words that open no subject of a cue: the cue is in a relative or
 * subordinate clause ("the plan, which he said ..."). */
static const char *const report_no_subject[] = {
	"which", "who", "whom", "that", "as", "what", "where", "when", "while",
	"because", "if", "and", "but", "or", "than", "whether", "regardless",
	"of", "to", "in", "for", "with", "about", "on", "at", "by", "from",
};

/* Words after a verb that open an adjunct, not a clause: "..., she said
 * in Geneva." */
static const char *const report_prepositions[] = {
	"in", "on", "at", "during", "after", "before", "to", "with", "from",
	"while", "when", "as", "outside", "inside", "near", "via", "through",
	"of", "about", "for", "amid", "following", "ahead",
};

/* Time and manner words right after a verb: "said Friday", "said last
 * week", "said again". */
static const char *const report_adverbials[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "today", "yesterday", "tonight", "recently", "previously",
	"earlier", "later", "again", "also", "then", "once", "often",
	"afterward", "afterwards", "repeatedly", "privately", "publicly",
	"separately", "too", "however", "morning", "afternoon", "evening",
	"night",
};

static const char *const report_time_openers[] = {
	"last", "this", "next", "on", "late", "early", "in", "during", "at",
};

/* Nouns whose "that" clause is what was said: "reaffirmed the
 * country's stance that ...", "repeated his claim that ...". */
static const char *const report_content_nouns[] = {
	"stance", "view", "views", "position", "claim", "claims", "belief",
	"assertion", "argument", "point", "message", "warning", "promise",
	"pledge", "assurance", "assurances", "insistence", "contention",
	"allegation", "allegations", "accusation", "charge", "charges",
	"statement", "assessment", "conclusion", "opinion", "demand",
	"suggestion", "prediction", "theory", "argument", "case", "notion",
	"idea",
};

/* Words that can open the subject of a cue besides a capitalised word and
 * a plural noun: "..., the minister said", "..., he said". */
static const char *const report_subject_openers[] = {
	"the", "a", "an", "one", "another", "some", "many", "most", "several",
	"two", "three", "both", "other", "its", "his", "her", "their", "our",
	"this", "these", "those", "he", "she", "they", "it", "we", "i", "you",
	"police", "staff", "management", "everyone", "nobody",
};

/* Pronouns that stand as a hearer: "told him the talks had failed". */
static const char *const report_hearer_pronouns[] = {
	"him", "her", "them", "us", "me", "you", "reporters", "journalists",
	"lawmakers", "supporters", "voters", "senators", "members",
};

/* Words before a base form that make it a noun: "the state", "and
 * state law", "of state". */
static const char *const report_modifiers_before[] = {
	"the", "a", "an", "and", "or", "of", "to", "in", "for", "with", "on",
	"at", "by", "from", "as", "than", "but", "nor",
};

/* ---- resolve/attribute.c */

/* Sentence openers whose clause is subordinate: its subject is not the
 * sentence's. */
static const char *const attr_subordinators[] = {
	"while", "although", "though", "as", "after", "before", "when", "if",
	"because", "since", "whereas", "despite", "unlike", "once", "until",
};

/* Words before an outlet that tie it to the speech: "told X", "in an
 * interview with X", "according to X", "relayed by X". */
static const char *const attr_outlet_links[] = {
	"told", "tell", "tells", "telling", "to", "with", "on", "by", "in",
	"according", "during", "via",
};

/* Words after a quote that continue the writer's sentence without making
 * the quote one of its nouns. */
static const char *const attr_function_words[] = {
	"for", "to", "and", "or", "but", "in", "on", "at", "by", "with", "from",
	"as", "than", "because", "if", "when", "while", "of", "over", "after",
	"before", "about", "against", "since", "until", "unless", "so", "yet",
	"that", "which", "who", "where", "is", "was", "were", "are", "be",
	"would", "will", "could", "should", "can", "may", "might", "must",
	"during", "despite", "among", "amid", "into", "without", "within",
};

/* Words that join a second verb to the first one's subject. */
static const char *const attr_coordinators[] = {"and", "but", "then"};

/* Adverbs between such a word and the verb: "and then said". */
static const char *const attr_adverbs[] = {
	"then", "also", "later", "again", "quickly", "immediately", "finally",
};

static const char *const attr_speech_nouns_after[] = {
	"interview", "interviews", "broadcast", "program", "programme", "show",
	"appearance", "podcast", "report", "reported",
};

/* Words before an outlet that make it where the words were said or
 * relayed: "told CNN", "in an interview with Izvestia", "said on MSNBC",
 * "relayed by Izvestia". */
static const char *const attr_speech_links[] = {
	"told", "tell", "tells", "telling", "to", "with", "on", "during", "by",
	"according", "via",
};

/* Role nouns whose "for X" / "of X" / "at X" names an employer: "a writer
 * for The Atlantic", "Bill Hale of Fox News" is affiliation, not venue. */
static const char *const attr_staff_nouns[] = {
	"writer", "columnist", "reporter", "correspondent", "contributor",
	"editor", "host", "anchor", "analyst", "producer", "journalist",
	"commentator", "critic", "staffer", "employee", "publisher",
};

/* Words for a firm: "the company said" goes back to the firm the story
 * is about however many people spoke since. */
static const char *const attr_company_heads[] = {
	"company", "firm", "corporation", "carmaker", "automaker", "bank",
	"lender", "airline", "retailer", "insurer", "chipmaker", "manufacturer",
	"maker", "producer", "supplier", "operator", "startup", "conglomerate",
	"group", "business", "brewer", "miner", "utility",
};

/* Participles of reading a document before "by" an outlet: "a letter
 * seen by the Courier". */
static const char *const attr_document_verbs[] = {
	"seen", "obtained", "reviewed", "viewed", "examined",
};

/* Organisation words that fit any body: "the group" may stand for the
 * Patients' Alliance, "the ministry" may not stand for the Senate. */
static const char *const attr_generic_bodies[] = {
	"group", "organisation", "organization", "body", "outfit", "charity",
	"movement", "campaign", "coalition", "network",
};

/* Nouns after an outlet that make it the author, not the venue: "a New
 * York Times report", "a CNN poll". */
static const char *const attr_print_nouns[] = {
	"report", "reported", "reports", "reporting", "poll", "polls",
	"analysis", "investigation", "story", "article", "survey", "review",
	"editorial", "exclusive", "headline", "piece",
};

/* Occasions of speech that are not the interview an outlet got. */
static const char *const attr_venue_nouns[] = {
	"rally", "rallies", "speech", "stop", "event", "debate", "forum",
	"conference", "hearing", "meeting", "briefing", "statement", "tweet",
	"post", "summit", "convention", "ceremony", "session", "address",
	"testimony", "sermon", "lecture", "fundraiser", "luncheon", "dinner",
	"gathering", "town", "appearance", "release", "memo", "letter",
};

static const char *const attr_determiners[] = {
	"a", "an", "the", "this", "that", "these", "those", "his", "her",
	"its", "their", "our", "my", "your", "some", "any", "no", "every",
};

/* ---- resolve/mention.c */

/* The pronouns that stand for a person named before. */
static const char *const mention_pronouns[] = {"he", "she"};

/* Lower-case words that may join the capitalised words of one name. */
static const char *const mention_connectors[] = {
	"of", "for", "de", "da", "van", "von", "bin", "al", "le", "la", "du",
	"der", "del",
};

/* Last words of newspaper and broadcaster names ("the Fenwick Standard",
 * "Channel 9 News"): a run of capitalised words ending so is an outlet.
 * From the common mastheads of English-language newspapers. */
static const char *const mention_outlet_heads[] = {
	"times", "post", "herald", "tribune", "standard", "gazette", "journal",
	"telegraph", "guardian", "observer", "mirror", "express", "mail",
	"chronicle", "courier", "bugle", "review", "examiner", "inquirer",
	"register", "globe", "monitor", "dispatch", "bulletin", "news", "radio",
	"tv", "television", "channel", "magazine", "newspaper", "daily",
	"weekly", "enquirer", "sentinel", "argus", "advertiser", "gazeta",
	"pravda", "izvestia", "zeitung", "presse", "recorder", "leader",
	"press", "wire", "network", "broadcasting", "podcast", "echo", "star",
	"sun", "independent", "ledger", "beacon", "clarion", "statesman",
	"mercury", "citizen",
};

/* Masthead words that name a paper alone after "the" ("told the
 * Gazette"): the heads above that are rarely anything else written with a
 * capital in running text. */
static const char *const mention_outlet_alone[] = {
	"times", "post", "herald", "tribune", "gazette", "journal", "telegraph",
	"guardian", "observer", "mirror", "chronicle", "courier", "examiner",
	"inquirer", "enquirer", "globe", "dispatch", "sentinel", "argus",
	"advertiser", "ledger", "statesman",
};

/* Last words of a day's name ("Labor Day", "Election Night"): a name
 * before "interview" ending so is no outlet. */
static const char *const mention_day_ends[] = {
	"day", "eve", "night", "week", "weekend",
};

/* First words of broadcasters' names: "Radio Valmont", "Channel Nine". */
static const char *const mention_outlet_firsts[] = {
	"radio", "channel", "tv", "television", "kanal", "canal",
};

/* Nouns after an outlet's name that show it is one: "a KTV interview". */
static const char *const mention_outlet_nouns[] = {
	"interview", "interviews", "broadcast", "programme", "program",
	"podcast", "show", "documentary", "op-ed", "column", "editorial",
};

/* Kinds of outlet that may follow its name ("The Standard newspaper") or
 * precede it ("Russian daily Izvestia"): after a name only when no
 * capitalised word follows, else the name is a demonym or a place. */
static const char *const mention_outlet_kinds[] = {
	"newspaper", "paper", "daily", "weekly", "tabloid", "magazine",
	"website", "channel", "station", "network", "broadcaster",
};

/* Nouns after a name that make it a place: "the Kursk region". */
static const char *const mention_place_nouns[] = {
	"region", "province", "county", "district", "state", "city", "town",
	"village", "area", "oblast", "valley", "border", "coast", "river",
};

/* Documents that "say" what their author says. */
static const char *const mention_doc_nouns[] = {
	"statement", "report", "letter", "release", "filing", "post", "tweet",
	"message", "email", "memo", "complaint", "lawsuit", "ruling", "ad",
	"advert", "document", "notice", "announcement", "communique",
};

static const char *const mention_prepositions[] = {
	"with", "to", "by", "of", "for", "from", "on", "about", "against",
	"between", "at", "in", "into", "than", "like", "toward", "towards",
	"under", "over", "after", "before", "among", "including", "as",
	"and", "or", "nor", "whom",
};

/* Determiners that open a noun phrase standing for unnamed speakers. */
/* Plural nouns for sources that stand without a determiner before their
 * verb: "police said", "officials warned". */
static const char *const mention_bare_sources[] = {
	"police", "officials", "authorities", "investigators", "prosecutors",
	"analysts", "experts", "witnesses", "residents", "officers", "doctors",
	"researchers", "scientists", "sources", "critics", "aides", "economists",
	"diplomats", "organisers", "organizers", "activists", "protesters",
	"lawmakers", "regulators", "medics", "rescuers", "firefighters",
	"paramedics", "neighbours", "neighbors", "historians", "observers",
	"campaigners", "supporters", "opponents", "parents", "teachers",
	"workers", "farmers", "voters", "locals", "fans", "unions", "lawyers",
};

static const char *const mention_group_dets[] = {
	"the", "a", "an", "another", "one", "two", "three", "four", "five",
	"several", "some", "many", "most", "few", "both", "other",
};

/* Words after such a phrase that show it is a subject: a reporting verb,
 * or an auxiliary or light verb ("The annotator got annoyed and said"). */
static const char *const mention_subject_verbs[] = {
	"was", "were", "is", "are", "has", "had", "have", "got", "gets", "will",
	"would", "could", "can", "may", "might", "must", "also", "then", "later",
	"did", "does",
};

/* Letters after a name that are no part of it: honours, degrees,
 * counsel's rank, a member's seat ("Colin Ashdown KC", "Jane Hollis MP",
 * "Ann Roe OBE"). Common usage in British, Irish, Australian and Indian
 * copy (public knowledge). Not "Jr", "Sr", "II": those are the name. */
static const char *const mention_postnominals[] = {
	"kc", "qc", "sc", "mp", "mep", "msp", "mla", "mpp", "mha", "mna", "td",
	"obe", "cbe", "mbe", "kbe", "dbe", "gbe", "frs", "phd", "jp", "qpm",
	"cvo", "mvo", "esq",
};

/* Last words that make a capitalised run a place ("Marwick High Street",
 * "Harbour Bridge", "Port Ellis Station"), never a person: none that is
 * also a common surname (Hill, Park, Lane). Common English usage. */
static const char *const mention_place_heads[] = {
	"street", "road", "avenue", "square", "boulevard", "drive", "terrace",
	"crescent", "highway", "motorway", "freeway", "bridge", "airport",
	"station", "quay", "pier", "beach", "island", "canal", "heights",
	"gardens", "parkway", "plaza", "mall", "estate", "junction",
};

/* Members of parties and movements, named in the plural ("Republicans
 * said", "Tories argued"): a group of people, not the party as a body.
 * Common usage in US, British and Commonwealth politics. */
static const char *const mention_party_members[] = {
	"republicans", "democrats", "conservatives", "tories", "liberals",
	"socialists", "greens", "nationalists", "unionists", "loyalists",
	"independents", "progressives", "libertarians",
};

/* ---- quote/turn.c */

/* First words of capitalised labels that open a paragraph with a colon
 * and name no speaker: notices and web furniture ("UPDATE:", "EDITOR'S
 * NOTE:", "ALSO READ:"), the heads of fact boxes and listings ("WHEN:",
 * "TICKETS:", "VERDICT:"), and a transcript's stage directions and
 * unnamed voices ("CROSSTALK", "UNIDENTIFIED MALE"). */
static const char *const turn_not_speakers[] = {
	"update", "updated", "updates", "watch", "breaking", "exclusive",
	"note", "editor's", "editor’s", "editors", "correction",
	"clarification", "photo", "photos", "video", "videos", "read", "more",
	"related", "also", "source", "sources", "advertisement", "listen",
	"warning", "spoiler", "caption", "credit", "credits", "file",
	"disclosure", "disclaimer", "topics", "tags", "subscribe", "sign",
	"follow", "click", "contact", "email", "phone", "tel", "fax", "web",
	"website", "address", "what", "why", "how", "when", "where", "who",
	"which", "date", "dates", "time", "times", "location", "venue", "price",
	"prices", "tickets", "cost", "background", "context", "analysis",
	"opinion", "comment", "fact", "facts", "claim", "verdict", "rating",
	"summary", "bottom", "key", "the", "ps", "nb", "unidentified",
	"unknown", "crosstalk", "laughter", "applause", "end", "commercial",
	"break", "begin", "clip", "audio", "transcript", "question", "answer",
	"live", "now", "next", "previously", "coming", "today", "tonight",
	"here", "this", "that", "final", "result", "results", "score", "step",
	"part", "chapter", "section", "article", "count", "item", "rule",
	"tip", "tips", "problem", "solution", "pros", "cons", "ingredients",
	"method", "alert", "attention", "notice", "reminder", "headline",
	"byline", "dateline", "pictured", "above", "below", "top", "inset",
	"graphic", "map", "chart", "table", "sponsored", "promoted", "ad",
};

/* ---- verbs by their base form (qg_verb.sets): cue/cue.c, cue/report.c */

/* Verbs of thinking or perceiving: they report no speech. */
static const char *const cue_thought_verbs[] = {
	"think", "believe", "feel", "hope", "wonder", "suppose", "assume",
	"presume", "realize", "realise", "recognize", "recognise", "doubt",
	"suspect", "fear", "worry", "guess", "imagine", "find", "hear",
	"learn", "show", "hold", "know", "reckon", "surmise", "ponder",
	"muse", "smile", "grin", "laugh", "chuckle", "giggle", "sigh",
	"celebrate", "welcome", "read", "put", "sing", "breathe",
	"offer", "return", "continue", "record", "rule", "consent",
	"estimate", "calculate", "verify", "certify", "resolve",
};

/* Verbs that take a clause without "that" ("she said the port is shut"),
 * whatever follows them. */
static const char *const report_bare_verbs[] = {
	"say", "tell", "add", "claim", "insist", "argue", "contend", "assert",
	"warn", "predict", "acknowledge", "admit", "concede", "allege",
	"boast", "complain", "write", "agree",
};

/* Verbs of intent and request whose content is an infinitive: "vowed to
 * appeal", "urged the board to resign", "called on voters to ...". */
static const char *const report_infinitive_verbs[] = {
	"vow", "pledge", "promise", "threaten", "demand", "propose", "agree",
	"swear", "offer",
};

/* Verbs of request: the infinitive follows their object ("urged the
 * board to resign"); right after the verb it is a passive ("invited to
 * speak"). */
static const char *const report_request_verbs[] = {
	"urge", "ask", "encourage", "call", "beg", "implore", "invite",
	"advise", "warn", "tell", "press", "promise",
};

/* Speech acts whose content is their object: "denied the charges",
 * "criticised the board for ...". */
static const char *const report_object_verbs[] = {
	"criticize", "criticise", "deny", "cite", "praise", "blame", "accuse",
	"reject", "question", "attack", "condemn", "dismiss", "denounce",
	"decry", "applaud", "hail", "slam", "blast", "chide", "rebuke",
	"castigate", "lambast", "lambaste", "fault", "challenge", "dispute",
	"mention", "announce", "propose", "demand", "discuss", "defend",
	"promise", "pledge", "recommend", "describe",
};

/* Verbs of belief and finding that take a bare clause ("experts
 * believe the dam will hold", "the poll shows voters are split"). */
static const char *const report_belief_verbs[] = {
	"think", "believe", "feel", "fear", "worry", "suspect", "doubt",
	"find", "show", "know", "reckon", "suppose", "assume", "guess",
	"realize", "realise", "hope",
};

#define SET(id, list) [id] = {list, QG_ARRAY_LEN(list)}

const qg_wordset qg__wordsets[QG_S_COUNT] = {
	SET(QG_S_CUE_DETERMINERS, cue_determiners),
	SET(QG_S_CUE_NOUN_ADJECTIVES, cue_noun_adjectives),
	SET(QG_S_CUE_MODALS, cue_modals),
	SET(QG_S_CUE_AUXILIARIES, cue_auxiliaries),
	SET(QG_S_CUE_SPEECH_NOUNS, cue_speech_nouns),
	SET(QG_S_CUE_PHRASE_OPENERS, cue_phrase_openers),
	SET(QG_S_REPORT_FINITE_WORDS, report_finite_words),
	SET(QG_S_REPORT_NO_CLAUSE, report_no_clause),
	SET(QG_S_REPORT_SUBORDINATORS, report_subordinators),
	SET(QG_S_REPORT_NO_SUBJECT, report_no_subject),
	SET(QG_S_REPORT_PREPOSITIONS, report_prepositions),
	SET(QG_S_REPORT_ADVERBIALS, report_adverbials),
	SET(QG_S_REPORT_TIME_OPENERS, report_time_openers),
	SET(QG_S_REPORT_CONTENT_NOUNS, report_content_nouns),
	SET(QG_S_REPORT_SUBJECT_OPENERS, report_subject_openers),
	SET(QG_S_REPORT_HEARER_PRONOUNS, report_hearer_pronouns),
	SET(QG_S_REPORT_MODIFIERS_BEFORE, report_modifiers_before),
	SET(QG_S_ATTR_SUBORDINATORS, attr_subordinators),
	SET(QG_S_ATTR_OUTLET_LINKS, attr_outlet_links),
	SET(QG_S_ATTR_FUNCTION_WORDS, attr_function_words),
	SET(QG_S_ATTR_COORDINATORS, attr_coordinators),
	SET(QG_S_ATTR_ADVERBS, attr_adverbs),
	SET(QG_S_ATTR_SPEECH_NOUNS_AFTER, attr_speech_nouns_after),
	SET(QG_S_ATTR_SPEECH_LINKS, attr_speech_links),
	SET(QG_S_ATTR_STAFF_NOUNS, attr_staff_nouns),
	SET(QG_S_ATTR_GENERIC_BODIES, attr_generic_bodies),
	SET(QG_S_ATTR_DOCUMENT_VERBS, attr_document_verbs),
	SET(QG_S_ATTR_COMPANY_HEADS, attr_company_heads),
	SET(QG_S_ATTR_PRINT_NOUNS, attr_print_nouns),
	SET(QG_S_ATTR_VENUE_NOUNS, attr_venue_nouns),
	SET(QG_S_ATTR_DETERMINERS, attr_determiners),
	SET(QG_S_MENTION_PRONOUNS, mention_pronouns),
	SET(QG_S_MENTION_CONNECTORS, mention_connectors),
	SET(QG_S_MENTION_OUTLET_HEADS, mention_outlet_heads),
	SET(QG_S_MENTION_OUTLET_FIRSTS, mention_outlet_firsts),
	SET(QG_S_MENTION_OUTLET_ALONE, mention_outlet_alone),
	SET(QG_S_MENTION_DAY_ENDS, mention_day_ends),
	SET(QG_S_MENTION_OUTLET_NOUNS, mention_outlet_nouns),
	SET(QG_S_MENTION_OUTLET_KINDS, mention_outlet_kinds),
	SET(QG_S_MENTION_PLACE_NOUNS, mention_place_nouns),
	SET(QG_S_MENTION_DOC_NOUNS, mention_doc_nouns),
	SET(QG_S_MENTION_PREPOSITIONS, mention_prepositions),
	SET(QG_S_MENTION_GROUP_DETS, mention_group_dets),
	SET(QG_S_MENTION_BARE_SOURCES, mention_bare_sources),
	SET(QG_S_MENTION_SUBJECT_VERBS, mention_subject_verbs),
	SET(QG_S_TURN_NOT_SPEAKERS, turn_not_speakers),
	SET(QG_S_MENTION_POSTNOMINALS, mention_postnominals),
	SET(QG_S_MENTION_PLACE_HEADS, mention_place_heads),
	SET(QG_S_MENTION_PARTY_MEMBERS, mention_party_members),
	SET(QG_S_CUE_THOUGHT_VERBS, cue_thought_verbs),
	SET(QG_S_REPORT_BARE_VERBS, report_bare_verbs),
	SET(QG_S_REPORT_INFINITIVE_VERBS, report_infinitive_verbs),
	SET(QG_S_REPORT_REQUEST_VERBS, report_request_verbs),
	SET(QG_S_REPORT_OBJECT_VERBS, report_object_verbs),
	SET(QG_S_REPORT_BELIEF_VERBS, report_belief_verbs),
};
