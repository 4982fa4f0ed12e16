"""The hand-set numbers left in the classifier: how lines are measured and cues found, each with why."""

from __future__ import annotations

# --- language guess
LANGUAGE_SAMPLE_WORDS = 400  # a few hundred words name the language reliably
LANGUAGE_MIN_WORDS = 20  # fewer words than this give no reliable guess
STOPLIST_FAIR_SIZE = 1000  # stoplists beyond ~1000 words match foreign text by chance: discounted
LANGUAGE_MIN_COVERAGE = 0.12  # real prose is >= 30% stopwords; under 12% the stoplist is wrong
LANGUAGE_RIVALS = 3  # the best-scored stoplists settled by the words only one of them holds
LANGUAGE_SAMPLE_MIN_SPACES = 6  # sample lines of 7+ words first: menus carry no stopwords
UNKNOWN_LANGUAGE_STOP_DENSITY = 0.35  # without a stoplist, treat every line as prose-like
LONG_LINE_CHARS = 1 << 16  # a longer line is measured on its opening: its words, not millions of strings
TITLED_MIN_WORDS = 8  # only longer lines can hide a headline glued to a summary
TITLED_SCAN_CHARS = 60  # the opening ~10 words decide
TITLED_MIN_SHARE = 0.8  # prose full of names still has lower-case verbs and articles
CJK_CHARS_PER_WORD = 2  # a Chinese/Japanese word is about two characters

# Words are compared by their opening, which carries across inflection: "report",
# "reported", "reporting"; "Hallenbad", "Hallenbads" (`title`'s shares, `headline`'s near echo).
STEM_CHARS = 5

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

# --- a line's shape
UNENDED_PROSE_MIN_WORDS = 20  # 20+ words holding a sentence end are prose even if the end is cut
