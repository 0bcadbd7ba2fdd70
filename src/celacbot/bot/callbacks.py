"""Inline button presses: every press is answered, stale or forged data with a short notice."""

from __future__ import annotations

from collections.abc import Awaitable, Iterable, Sequence

from telegram import CallbackQuery, Chat, Message, Update

from celacbot.bot import formatting
from celacbot.bot.context import BotContext
from celacbot.bot.keyboards import (
    Action,
    HideSource,
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
from celacbot.bot.texts import Language, texts


async def _edit(query: CallbackQuery, reply: Reply) -> None:
    """Replace the pressed message with a one-message reply (menus navigate in place)."""
    await query.edit_message_text(reply.messages[0], reply_markup=reply.keyboard)


def _destination(query: CallbackQuery) -> Message | Chat | None:
    """Where a reply to a press goes: after the pressed message (same forum topic) if the
    bot can still see it, else to its chat."""
    if isinstance(query.message, Message):
        return query.message
    return query.message.chat if query.message else None


def _pressed_text(query: CallbackQuery) -> str | None:
    """The pressed message's text as Telegram HTML, if the bot can still see it."""
    message = query.message
    return message.text_html if isinstance(message, Message) and message.text else None


def _remember(context: BotContext, entry_id: str, message_ids: Iterable[int]) -> None:
    """Make a chosen entry the chat's subject, as a typed question's answer is, so that
    "and when?" after a press of "When will BYD's first car come?" is about that."""
    memory = context.chat_memory
    if memory is not None:
        context.bot_data.conversations.remember(memory, entry_id, message_ids)


async def _sent_remembering(
    sending: Awaitable[Sequence[Message]], entry_id: str, context: BotContext
) -> None:
    """Send a chosen entry's answer, then make it the chat's subject."""
    sent = await sending
    _remember(context, entry_id, (message.message_id for message in sent))


async def _edited_remembering(
    query: CallbackQuery, reply: Reply, entry_id: str, context: BotContext
) -> None:
    """Show a chosen entry's answer in place of the pressed message, then make it the
    chat's subject."""
    await _edit(query, reply)
    if isinstance(query.message, Message):
        _remember(context, entry_id, [query.message.message_id])


def _in_group(query: CallbackQuery) -> bool:
    return query.message is not None and query.message.chat.type != Chat.PRIVATE


async def _response(
    action: Action | None, query: CallbackQuery, context: BotContext, lang: Language
) -> Awaitable[object] | None:
    """What pressing the button does, or None when it stands for nothing any more."""
    knowledge = context.knowledge
    shared = context.bot_data
    destination = _destination(query)
    if destination is None:
        return None
    match action:
        case ShowAnswer(entry_id):
            answer = knowledge.retriever.answer_entry(entry_id, lang_hint=lang)
            if answer is None:
                return None
            shared.count_answer(answer)
            sending = answer_reply(answer, knowledge, lang, heading=True).send(
                destination, quote=False
            )
            return _sent_remembering(sending, entry_id, context)
        case PickSuggestion(event_id, entry_id):
            answer = knowledge.retriever.answer_entry(entry_id, lang_hint=lang)
            # Only the asker's pick of an entry offered to them counts: a forged or foreign
            # pick gets the short notice and is not recorded.
            user_id = query.from_user.id
            if answer is None or not await shared.question_log.accept_pick(
                event_id, entry_id, user_id
            ):
                return None
            shared.count_answer(answer)
            # The choice becomes the answer in place: the other suggestions go with it.
            chosen = answer_reply(answer, knowledge, lang, heading=True)
            return _edited_remembering(query, chosen, entry_id, context)
        case ShowSource(entry_id):
            answer = knowledge.retriever.answer_entry(entry_id, lang_hint=lang)
            if answer is None or not answer.source:
                return None
            shown = _pressed_text(query)
            expanded = (
                formatting.with_source(shown, answer.source, knowledge.kb.source, lang)
                if shown
                else None
            )
            if expanded is None:
                # No room left in the answer's message (or it is out of reach): on its own.
                return source_reply(answer, knowledge.kb, lang).send(destination, quote=False)
            keyboard = knowledge.answer_keyboard(entry_id, lang, source_shown=True)
            return query.edit_message_text(expanded, reply_markup=keyboard)
        case HideSource(entry_id):
            shown = _pressed_text(query)
            if shown is None or knowledge.retriever.answer_entry(entry_id) is None:
                return None
            keyboard = knowledge.answer_keyboard(entry_id, lang)
            return query.edit_message_text(formatting.without_source(shown), reply_markup=keyboard)
        case ShowTopic(topic_id):
            reply = topic_reply(knowledge.kb, topic_id, lang)
            return _edit(query, reply) if reply else None
        case ShowTopics():
            return _edit(query, topics_reply(knowledge, lang))
        case NoneOfThese(event_id):
            if event_id is not None:
                await shared.question_log.accept_none(event_id, query.from_user.id)
            return _edit(query, none_of_these_reply(knowledge, lang, group=_in_group(query)))
        case None:
            return None


async def button_pressed(update: Update, context: BotContext) -> None:
    """Answer the entry, source or topic a button stands for; log "did you mean" choices."""
    query = update.callback_query
    if query is None:
        return
    lang = context.bot_data.languages.user_language(query.from_user)
    shown = await _response(decode(query.data), query, context, lang)
    if shown is None:
        await query.answer(texts(lang).stale_notice, show_alert=False)
        return
    # The reply first, then the answer that stops the button's spinner, a round trip later.
    # Sent together, the answer's request was built while the reply's waited to be written:
    # +1.2 ms on the reply at p50 (benchmarks/request_paths.py).
    try:
        await shown
    finally:
        await query.answer()
