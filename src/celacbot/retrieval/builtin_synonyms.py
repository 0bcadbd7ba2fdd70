"""Everyday paraphrases that hold for any article, mapped onto the words FAQs are written in.

faq.yaml's synonyms name the article's own things (BYD, CBERS, Brasil); these are the plain
English a user swaps in for the FAQ's wording ("ties" for "cooperation", "piece" for
"article"). Without them a common word counts as an unknown word against the question.
"""

from __future__ import annotations

# "when", "where", "who" and "why" tell entries apart in every language the FAQ speaks.
QUESTION_WORDS: dict[str, list[str]] = {
    "when": [
        "cuando",
        "quando",
        "时候",
        "日期",
        "时间",
        "哪一年",
        "what year",
        "what date",
        "how old",
    ],
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

# The same everyday words in Spanish and Portuguese, as users type them (accents fold away,
# so "función" and "funcion" are one variant). They join the English groups above, so a
# Portuguese "texto" counts as the light "article" and "aconteceu" as "held".
SPANISH_PORTUGUESE_SYNONYMS: dict[str, list[str]] = {
    "article": ["texto", "artículo", "artigo", "nota", "materia", "matéria", "reportagem"],
    "held": [
        "aconteceu",
        "acontece",
        "ocorreu",
        "realizada",
        "realizado",
        "realizó",
        "realizou",
        "celebrada",
        "celebrado",
        "celebró",
        "tuvo lugar",
        "sediou",
    ],
    "established": [
        "crea",
        "crean",
        "creó",
        "creado",
        "creada",
        "crear",
        "genera",
        "generó",
        "generado",
        "cria",
        "criou",
        "criado",
        "criada",
        "criar",
        "gera",
        "gerou",
        "gerado",
        "fundado",
        "fundada",
        "establecido",
        "estabelecido",
    ],
    "trade": [
        "comercio",
        "comércio",
        "comercian",
        "comerciam",
        "intercambian",
        "intercambio",
        "negocian",
        "negociam",
        "trocam",
        "exportan",
        "exportam",
    ],
    "data": ["datos", "dados", "imágenes", "imagens"],
}
