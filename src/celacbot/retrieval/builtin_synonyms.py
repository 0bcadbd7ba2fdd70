"""Everyday paraphrases that hold for any article, mapped onto the words FAQs are written in.

faq.yaml's synonyms name the article's own things (BYD, CBERS, Brasil); these are the plain
English a user swaps in for the FAQ's wording ("ties" for "cooperation", "piece" for
"article"). Without them a common word counts as an unknown word against the question.
"""

from __future__ import annotations

# "when", "where", "who" and "why" tell entries apart in every language the FAQ speaks.
QUESTION_WORDS: dict[str, list[str]] = {
    "when": ["cuando", "quando", "时候", "what year", "what date", "how old"],
    "where": ["donde", "onde", "in which country", "which country"],
    "who": ["quien", "quienes", "quem", "谁"],
    "why": ["por que", "por quê", "为什么"],
}

EVERYDAY_SYNONYMS: dict[str, list[str]] = {
    "cooperation": [
        "collaboration",
        "collaborate",
        "cooperate",
        "partnership",
        "partnerships",
        "relations",
        "relationship",
        "ties",
        "work together",
        "working together",
    ],
    "article": ["piece", "op-ed", "story", "essay"],
    "company": ["companies", "firm", "firms", "business", "businesses", "corporation"],
    "country": ["countries", "nation", "nations"],
    "take part": ["participate", "participates", "participating", "involved"],
    "visit": ["trip", "travel", "travelled", "traveled", "journey", "tour"],
    "meeting": ["event", "events"],
    "launch": ["put into orbit", "into orbit"],
    "established": ["founded", "set up", "created", "formed"],
    "held": ["take place", "took place", "hosted", "host"],
    "agriculture": ["farming", "farmer", "farmers", "farm", "farms"],
    "summary": ["tldr", "tl dr", "takeaways", "gist", "main points"],
    "stand for": ["acronym", "abbreviation", "full name"],
    "use": ["good for", "useful for", "used for"],
    "published": ["publication", "publish"],
    "field": ["sector", "sectors", "area", "areas"],
    "investment": ["money", "funding", "financing"],
    "science and technology": ["sci-tech", "science & technology", "s&t"],
    "technology": ["tech"],
    "mutual": ["both sides", "each other"],
    "focus": ["priority", "priorities"],
    "remote sensing": ["satellite images", "satellite image"],
    "africa": ["african", "africans"],
    "mechanization": ["machinery", "machines", "tractors"],
    "space": ["outer space"],
    "program": ["programme", "programmes", "project", "projects"],
}
