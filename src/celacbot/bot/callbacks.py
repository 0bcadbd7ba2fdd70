"""Inline button presses: every press is answered, stale or forged data with a short notice."""

from __future__ import annotations

from telegram import CallbackQuery, Chat, Message, Update

from celacbot.bot.context import BotContext
from celacbot.bot.keyboards import (
    NoneOfThese,
    PickSuggestion,
    ShowAnswer,
    ShowSource,
    ShowTopic,
    ShowTopics,
    decode,
)
from celacbot.bot.replies import (
    Reply,
    answer_reply,
    none_of_these_reply,
    source_reply,
    topic_reply,
    topics_reply,
)
from celacbot.bot.texts import texts


async def _edit(query: CallbackQuery, reply: Reply) -> None:
    """Replace the pressed message with a one-message reply (menus navigate in place)."""
    await query.edit_message_text(reply.messages[0], reply_markup=reply.keyboard)


def _destination(query: CallbackQuery) -> Message | Chat | None:
    """Where a reply to a press goes: after the pressed message (same forum topic) if the
    bot can still see it, else to its chat."""
    if isinstance(query.message, Message):
        return query.message
    return query.message.chat if query.message else None


async def button_pressed(update: Update, context: BotContext) -> None:
    """Answer the entry, source or topic a button stands for; log "did you mean" choices."""
    query = update.callback_query
    if query is None:
        return
    knowledge = context.knowledge
    shared = context.bot_data
    lang = shared.languages.user_language(query.from_user)
    action = decode(query.data)
    destination = _destination(query)
    reply: Reply | None = None
    match action:
        case ShowAnswer(entry_id):
            answer = knowledge.retriever.answer_entry(entry_id, lang_hint=lang)
            if answer is not None:
                shared.count_answer(answer)
                reply = answer_reply(answer, knowledge, lang, heading=True)
        case PickSuggestion(event_id, entry_id):
            answer = knowledge.retriever.answer_entry(entry_id, lang_hint=lang)
            # Only the asker's pick of an entry offered to them counts: a forged or
            # foreign pick gets the short notice and is not recorded.
            log = shared.question_log
            if answer is not None and await log.accept_pick(event_id, entry_id, query.from_user.id):
                shared.count_answer(answer)
                reply = answer_reply(answer, knowledge, lang, heading=True)
        case ShowSource(entry_id):
            answer = knowledge.retriever.answer_entry(entry_id, lang_hint=lang)
            if answer is not None and answer.source:
                reply = source_reply(answer, knowledge.kb, lang)
        case ShowTopic(topic_id):
            reply = topic_reply(knowledge.kb, topic_id, lang)
        case ShowTopics():
            reply = topics_reply(knowledge, lang)
        case NoneOfThese(event_id):
            if event_id is not None:
                await shared.question_log.accept_none(event_id, query.from_user.id)
            reply = none_of_these_reply(knowledge, lang)
    if reply is None or destination is None:
        await query.answer(texts(lang).stale_notice, show_alert=False)
        return
    shown = (
        _edit(query, reply)
        if isinstance(action, ShowTopic | ShowTopics | NoneOfThese)
        else reply.send(destination, quote=False)
    )
    # The reply first, then the answer that stops the button's spinner, a round trip later.
    # Sent together, the answer's request was built while the reply's waited to be written:
    # +1.2 ms on the reply at p50 (benchmarks/request_paths.py).
    try:
        await shown
    finally:
        await query.answer()
