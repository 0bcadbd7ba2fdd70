"""What the terminal (`celacbot chat`, `ask`, `explain`) says around answers, per language."""

from __future__ import annotations

from dataclasses import dataclass

from celacbot.languages import ENGLISH


@dataclass(frozen=True, slots=True)
class Phrases:
    """The terminal's own words in one language; {placeholders} are filled in by the caller."""

    prompt: str
    help: str
    decline: str
    suggest: str
    related: str
    from_article: str
    no_quotes: str
    ask_first: str
    out_of_range: str
    english_only: str
    follow_up: str


_PHRASES: dict[str, Phrases] = {
    "en": Phrases(
        prompt="you> ",
        help="""Ask anything about China-CELAC cooperation as the article describes it.
  <number>  pick a numbered question (a suggestion or a related question)
  topics    list the article's topics
  source    show the article's words behind the last answer
  help      show this help
  quit      leave (or press Ctrl-D)""",
        decline=(
            "The article does not say anything about that. "
            "I can only answer from the article on China-CELAC cooperation."
        ),
        suggest="I am not sure which question you mean. Did you mean:",
        related="Related:",
        from_article="From the article:",
        no_quotes="This answer does not quote the article.",
        ask_first="Ask a question first.",
        out_of_range="There is no question {number} here: pick 1 to {count}, or ask in words.",
        english_only="(This answer is only available in English.)",
        follow_up="(About: {subject})",
    ),
    "es": Phrases(
        prompt="tú> ",
        help="""Pregunta lo que quieras sobre la cooperación China-CELAC según el artículo.
  <número>  elige una pregunta numerada (una sugerencia o una pregunta relacionada)
  topics    muestra los temas del artículo
  source    muestra las palabras del artículo detrás de la última respuesta
  help      muestra esta ayuda
  quit      salir (o pulsa Ctrl-D)""",
        decline=(
            "El artículo no dice nada sobre eso. "
            "Solo puedo responder a partir del artículo sobre la cooperación China-CELAC."
        ),
        suggest="No estoy seguro de qué pregunta quieres hacer. ¿Quisiste decir:",
        related="Relacionadas:",
        from_article="Del artículo:",
        no_quotes="Esta respuesta no cita el artículo.",
        ask_first="Primero haz una pregunta.",
        out_of_range=(
            "No hay una pregunta {number} aquí: elige de 1 a {count}, o pregunta con palabras."
        ),
        english_only="(Esta respuesta solo está disponible en inglés.)",
        follow_up="(Sobre: {subject})",
    ),
    "pt": Phrases(
        prompt="você> ",
        help="""Pergunte o que quiser sobre a cooperação China-CELAC segundo o artigo.
  <número>  escolhe uma pergunta numerada (uma sugestão ou uma pergunta relacionada)
  topics    lista os temas do artigo
  source    mostra as palavras do artigo por trás da última resposta
  help      mostra esta ajuda
  quit      sair (ou pressione Ctrl-D)""",
        decline=(
            "O artigo não diz nada sobre isso. "
            "Só posso responder com base no artigo sobre a cooperação China-CELAC."
        ),
        suggest="Não tenho certeza de qual pergunta você quer fazer. Você quis dizer:",
        related="Relacionadas:",
        from_article="Do artigo:",
        no_quotes="Esta resposta não cita o artigo.",
        ask_first="Faça uma pergunta primeiro.",
        out_of_range=(
            "Não há uma pergunta {number} aqui: escolha de 1 a {count}, ou pergunte com palavras."
        ),
        english_only="(Esta resposta só está disponível em inglês.)",
        follow_up="(Sobre: {subject})",
    ),
    "zh": Phrases(
        prompt="你> ",
        help="""根据文章内容，随便问有关中国与拉共体合作的问题。
  <数字>    选择一个编号的问题（建议的问题或相关问题）
  topics    列出文章的主题
  source    显示上一个回答所依据的文章原文
  help      显示本帮助
  quit      退出（或按 Ctrl-D）""",
        decline="文章没有提到这方面的内容。我只能根据这篇关于中国与拉共体合作的文章作答。",
        suggest="我不太确定你想问哪个问题。你是想问：",
        related="相关问题：",
        from_article="文章原文：",
        no_quotes="这个回答没有引用文章原文。",
        ask_first="请先提一个问题。",
        out_of_range="这里没有第 {number} 个问题：请选择 1 到 {count}，或者直接用文字提问。",
        english_only="（此回答只有英文版本。）",
        follow_up="（关于：{subject}）",
    ),
}


def phrases(lang: str) -> Phrases:
    """The terminal's words in `lang` (English for a language it does not speak)."""
    return _PHRASES.get(lang, _PHRASES[ENGLISH])
