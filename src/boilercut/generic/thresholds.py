"""Every tunable number of the generic classifier, each with why it has that value."""

from __future__ import annotations

# --- language guess
LANGUAGE_SAMPLE_WORDS = 400  # a few hundred words name the language reliably
LANGUAGE_MIN_WORDS = 20  # fewer words than this give no reliable guess
STOPLIST_FAIR_SIZE = 1000  # stoplists beyond ~1000 words match foreign text by chance: discounted
LANGUAGE_MIN_COVERAGE = 0.12  # real prose is >= 30% stopwords; under 12% the stoplist is wrong
LANGUAGE_SAMPLE_MIN_SPACES = 6  # sample lines of 7+ words first: menus carry no stopwords
UNKNOWN_LANGUAGE_STOP_DENSITY = 0.35  # without a stoplist, treat every line as prose-like
TITLED_MIN_WORDS = 8  # only longer lines can hide a headline glued to a summary
TITLED_SCAN_CHARS = 60  # the opening ~10 words decide
TITLED_MIN_SHARE = 0.8  # prose full of names still has lower-case verbs and articles
CJK_CHARS_PER_WORD = 2  # a Chinese/Japanese word is about two characters

# --- vocabulary look-ups
VOCABULARY_MAX_WORDS = 12  # furniture lines are short; longer lines are matched by phrase only
CREDIT_MAX_WORDS = 45  # a caption with its credit rarely runs past 45 words
AGENCY_LINE_MAX_WORDS = 7  # "Xinhua News Agency via Getty Images": a bare credit is short
DATELINE_REST_MAX_WORDS = 5  # "Updated ... ; Posted ..." leaves few words; "June 9 – Venue, City" more
META_MAX_WORDS = 12  # a dateline/byline is short; longer dated lines are prose
TAG_LINE_MAX_WORDS = 60  # "Tags: a, b, c, ..." lists can be long but not paragraph-long
PROMO_MAX_WORDS = 40  # a promotion is a sentence or two; a longer paragraph is article text
SOCIAL_MIN_NAMES = 2  # one network named may be news; two or more is a share/follow bar
RELATED_HEADING_MAX_WORDS = 8  # "More from the BBC on this story" at most

# --- prose quality of a line (jusText-like)
UNENDED_PROSE_MIN_WORDS = 20  # 20+ words holding a sentence end are prose even if the end is cut
GOOD_MIN_WORDS = 10  # a punctuated 10-word line is a sentence even with few stopwords
STOP_NEAR = 0.20  # jusText's stopwords_low (0.30) lowered: short sentences vary more
TERMINAL_GOOD_MIN_WORDS = 6  # a punctuated sentence of 6+ words is prose
NEAR_MIN_WORDS = 5  # below 5 words a line carries no evidence of prose
LONG_LIST_MIN_WORDS = 20  # 20+ words with almost no stopwords: a list of names/keywords
STOP_LIST = 0.08  # prose never has under 8% stopwords

# --- main run (maximum-sum segment of line scores)
NEAR_WEIGHT = 0.7  # a near-good line's words are most of the evidence of a good one's
OPEN_WEIGHT = 0.25  # unpunctuated lines (teasers, list items) are mostly not article text
LINE_COST = 3.0  # each line costs 3 words: menus of 1-3 word lines score negative
BAD_COST = 6.0  # a furniture line costs as much as two menu items

# --- headline
HEADLINE_MAX_WORDS = 30  # longer lines are paragraphs
HEADLINE_MIN_WORDS = 2  # one word is a section name, not a headline
HEADLINE_WINDOW = 25  # the headline sits within 25 lines above the text
HEADLINE_LOOKAHEAD = 6  # ... or among the first lines of the detected run
HEADLINE_ECHO_MIN_CHARS = 12  # a title echo must be long enough not to match by chance
HEADLINE_ECHO_BONUS = 10.0  # echoing the page title outweighs any shape or distance score
HEADLINE_GOOD_MIN_WORDS = 4  # headlines have 4 to 25 words; 2-3 words are section names
HEADLINE_GOOD_MAX_WORDS = 25
HEADLINE_DISTANCE_COST = 0.1  # each line between headline and text costs a little (bylines, dates)
HEADLINE_INSIDE_COST = 1.0  # a headline inside the text run is unlikely
HEADLINE_MIN_SCORE = 1.0  # without a title echo, only a well-shaped nearby line is the headline

# --- comments, related lists, captions, context
COMMENTS_MIN_BODY_WORDS = 80  # a comment heading counts only after a few paragraphs of article
TAIL_KEEP_RATIO = 0.25  # after a "Related"/promo line, a quarter of the article or more is more article
RELATED_MAX_ITEMS = 12  # a related list under one heading rarely has more items
SUBHEADING_MAX_WORDS = 20  # a subheading kept between paragraphs is at most this long
SHORT_RUN_KEEP = 1  # a lone short line between paragraphs is a subheading
FRAGMENT_MIN_STOP = 0.35  # list items/fragments read like prose; headlines are telegraphic (~0.2)
LIST_RUN_MAX = 30  # a list kept inside the article has at most this many items

# --- repeats
REPEAT_MIN_WORDS = 25  # interviews repeat short questions; long paragraphs repeat only as copies
REPEAT_PREFIX_CHARS = 80  # two paragraphs sharing their first 80 characters are copies
THREAD_MIN_MARKS = 4  # four stamped posts make a thread; an article may quote a few dated tweets
THREAD_POSTS_PER_MARK = 2  # a thread has a stamp or reply button at least every second post

# --- paragraphs split at inline links
LINK_TEXT_MAX_WORDS = 5  # a link's text inside a sentence is a name or a short phrase

# --- lists attached to the article
LIST_MIN_ITEMS = 3  # three items opening alike make a list; two can be chance
LIST_GAP_MAX_WORDS = 3  # a short line between items (a bare link) belongs to the item above
