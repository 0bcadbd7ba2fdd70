"""A fake Telegram Bot API server for driving the real python-telegram-bot against, offline.

It speaks the Bot API's HTTP protocol on 127.0.0.1 (an ephemeral port): POST/GET
`{base_url}{token}/{method}` with form, multipart or JSON parameters, answering
`{"ok": true, "result": ...}` or `{"ok": false, "error_code": N, "description": ...,
"parameters": {"retry_after": N}}` exactly like api.telegram.org, so PTB raises the same
exceptions it would in production (BadRequest, Forbidden, RetryAfter, Conflict, InvalidToken,
NetworkError, TimedOut).

Quick start::

    async with FakeBotAPI() as server:  # or the `fake_bot_api` fixture (tests/conftest.py)
        app = ApplicationBuilder().token(server.token).base_url(server.base_url).build()
        app.add_handler(...)
        async with polling(app):
            update = server.send_message("/start")  # a user writes to the bot
            reply = await server.wait_for_reply(update)  # the bot's answer, a Message dict
            assert reply["text"].startswith("Hello")
            press = server.press_button(reply, "faq:lima")  # the user presses a button
            edited = await server.wait_for_reply(press)

Server life: `FakeBotAPI(token=TEST_TOKEN, *, bot_username=BOT_USERNAME,
bot_first_name="CELAC Test Bot", flood_limit=None, flood_window=1.0)`; `await start()` /
`await stop()` or `async with`; flood_limit=N answers a sendMessage beyond N within any
flood_window seconds with 429 "Too Many Requests: retry after S" (Telegram allows about 30
messages a second overall and 20 a minute in a group); both are attributes too;
`base_url` ("http://127.0.0.1:PORT/bot", for `ApplicationBuilder().base_url`), `token`,
`bot_id`, `bot_user` (getMe's dict; privacy mode is not simulated, so groups deliver every
message and can_read_all_group_messages is true), `internal_errors` (bugs in the fake
itself; the `fake_bot_api` fixture fails the test when there are any).
`polling(application, *, poll_timeout=1, allowed_updates=None)`: an async context manager
doing what Application.run_polling does minus signals (initialize, post_init, start_polling
with errors sent to the error handlers, start; then stop, post_stop, shutdown, post_shutdown).
Telegram's rules live in telegram_rules.py and html_entities.py, users' objects in users.py.

Methods served (names case-insensitive), the ones the bot calls: getMe, getUpdates,
setWebhook, deleteWebhook, sendMessage, editMessageText, answerCallbackQuery,
answerInlineQuery, setMyCommands, setMyDescription, setMyShortDescription.
Anything else: 404 "Not Found" (which PTB reports as InvalidToken("Not Found") - a sign the
fake lacks a method the bot has started to use); a token other than `token`: 401
"Unauthorized".
Validation follows Telegram: parse_mode HTML must parse (tests/fakes/html_entities.py;
MarkdownV2 is not implemented and answers 400, so the bot must use HTML), text 1-4096 UTF-16
units after parsing and trimming, inline keyboards (callback_data 1-64 UTF-8 bytes,
non-empty button text, one action per button, URL schemes), reply_parameters must name an
existing message, "message is not modified" edits, callback and inline queries answerable
once, at most 50 inline results with unique 1-64 byte ids, command names/descriptions,
unknown chats ("chat not found"), blocked users (403).

getUpdates has Telegram's semantics: updates stay queued until a later call's `offset`
passes them (negative offsets keep the last -offset), `limit` 1-100, `timeout` long-polls
and returns as soon as an update arrives, `allowed_updates` persists between calls (default:
all but chat_member, message_reaction, message_reaction_count) and disallowed updates are
dropped on delivery (see `dropped_updates`), a newer getUpdates terminates a pending one with
409 "Conflict: terminated by other getUpdates request", and getUpdates while a webhook is set
is a 409. With a webhook set, the server POSTs queued updates to it itself (JSON, with the
X-Telegram-Bot-Api-Secret-Token header), up to setWebhook's max_connections (default 40) at
once, retrying each until the bot answers 2xx.

Users' side (each enqueues one realistic update with fresh update_id/message_id and returns
the update dict; message ids count per chat, like Telegram):
  send_message(text, *, user_id=DEFAULT_USER_ID, chat_id=None, chat_type="private",
      first_name="Ana", last_name=None, username=None, language_code="en", entities=None,
      reply_to_message=None, message_thread_id=None, chat_title=None)
      -- bot_command entities for "/cmd" and mention entities for "@name" are added unless
      `entities` is given; chat_id is for groups ("group"/"supergroup", default
      GROUP_CHAT_ID; a message_thread_id makes it a forum), private chats use user_id.
  press_button(message, data, *, user_id=None, first_name="Ana", language_code="en",
      forged=False)
      -- `message` is a message the bot sent (a dict from wait_for_reply/messages_to); raises
      ValueError unless its current inline keyboard has a button with that callback_data
      (users.inline_buttons(message) lists the buttons) or `forged` is true (a modified
      client sending data no button carries). user_id defaults to the private chat's user,
      or DEFAULT_USER_ID in groups.
  inline_query(query, *, user_id=DEFAULT_USER_ID, first_name="Ana", language_code="en",
      offset="", chat_type="sender")
  send_non_text(kind="photo", *, user_id=DEFAULT_USER_ID, chat_id=None, chat_type="private",
      first_name="Ana", language_code="en", caption=None)  -- kind in NON_TEXT_KINDS
  edit_message(message, text, *, entities=None)  -- the user edits their own message
      (`message` may be the update send_message returned)
  channel_post(text, *, chat_id=CHANNEL_CHAT_ID, title="CELAC Channel")
  block_bot(user_id=DEFAULT_USER_ID)  -- sendMessage to that user answers 403 from now on;
      enqueues the my_chat_member update Telegram sends.
  enqueue_update(raw)  -- a raw dict; update_id assigned if missing (enqueue an update again,
      update_id and all, to deliver it twice, as Telegram does when it missed a confirmation).
  revoke_token() -> str  -- the owner revokes the token: calls with the old one (a parked long
      poll too) answer 401 from now on; returns the new one.

Faults: `inject_fault(method, *, status=None, description=None, retry_after=None,
delay=0.0, hang=False, times=1) -> Fault` applies to the next `times` calls of `method`
("*" = every method; times=None = for ever): wait `delay` seconds, or `hang` until the
server stops (504, after client time-outs) or `Fault.release()` (then as without `hang`), then
answer `status` with Telegram's usual description (429 carries retry_after, default 1), or
proceed normally without a status. `Fault.hits` counts the calls it caught;
`await Fault.wait_hit(*, count=1, timeout=5.0)` returns once it caught `count` (each on the
call's arrival, before the delay or hang).

Observing the bot:
  requests(method=None, *, after=0) -> list[RecordedRequest]  (method, params decoded like
      Telegram does - JSON fields parsed, ints as int -, time, status, result, index,
      content_type: how the body came, a form, multipart or application/json)
  mark() -> int  -- an index for `after=`: only requests recorded later count.
  await wait_for_request(method, *, predicate=None, timeout=5.0, after=0) -> RecordedRequest
      -- the first successful or failed call of `method` at index >= after matching predicate.
  await wait_for_reply(update, *, timeout=5.0) -> dict  -- the first message the bot sent or
      edited in the update's chat after the update was delivered to it (for an inline query:
      the answerInlineQuery parameters, results decoded). Edits via inline_message_id are
      accepted but not tracked. answerCallbackQuery is not a reply; use
      await wait_for_callback_answer(update, *, timeout=5.0) -> dict (its parameters).
  await wait_for_replies(updates, *, timeout=60.0) -> list[dict]  -- wait_for_reply of each.
  messages_to(chat_id) -> list[dict]  -- the bot's messages in that chat, current versions.
  last_message_to(chat_id) -> dict
  commands(*, scope=None, language_code="") -> list[dict];
  description(language_code="") / short_description(language_code="") -> str  (what
      setMyDescription / setMyShortDescription stored, "" if nothing);
  webhook_url; pending_update_count; dropped_updates.
  webhook_answers -> list[(update_id, HTTP status)]  -- each delivery the server made to the
      webhook, in order (status 0: no answer, e.g. the connection failed);
  await wait_webhook_answer(status, *, timeout=5.0) -> int  -- until a delivery got `status`;
      the update_id of the first that did.
  await wait_pending(at_most, *, timeout=5.0)  -- until at most that many updates are queued.
  await wait_polling(*, timeout=5.0)  -- until a getUpdates long poll is parked, waiting.
  await wait_confirmed(*, timeout=5.0)  -- until the bot has confirmed every update queued so
      far (polling: a later getUpdates' offset passed it; webhook: it answered 2xx). PTB's
      updater, and celacbot's delivery, confirm an update only once it is in the
      application's update queue, so, with `await application.update_queue.join()` after it
      (an update is marked done once its handlers have finished), everything the bot does
      about those updates has reached the server: the moment to assert that it sent
      nothing, or nothing more.
  await post_webhook_update(url, update, *, secret_token=None) -> int  -- one manual delivery.

Times and latencies are the benchmarks' business: benchmarks/bot_api.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import itertools
import json
import logging
import math
import socket
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import aiohttp
from aiohttp import web

from tests.fakes.telegram_rules import (
    BLOCKED,
    DEFAULT_ALLOWED_UPDATES,
    DEFAULT_DESCRIPTIONS,
    MAX_CALLBACK_ANSWER_CHARS,
    MAX_UPDATES_LIMIT,
    NOT_MODIFIED,
    PROFILE_TEXT_LIMITS,
    QUERY_TOO_OLD,
    SECRET_TOKEN,
    TERMINATED,
    TOKEN_SHAPE,
    WEBHOOK_ACTIVE,
    ApiError,
    bad_request,
    check_commands,
    check_inline_answer,
    decode_param,
    inline_markup,
    message_text,
    update_kind,
)
from tests.fakes.users import (
    NON_TEXT_KINDS,
    NON_TEXT_PAYLOADS,
    auto_entities,
    inline_buttons,
    user_json,
)

if TYPE_CHECKING:
    from telegram.error import TelegramError
    from telegram.ext import Application

JSON = dict[str, Any]

TEST_TOKEN = "123456:TEST-TOKEN-abcdefghijklmnopqrstuvwxyz"
BOT_USERNAME = "CelacTestBot"
DEFAULT_USER_ID = 424242
GROUP_CHAT_ID = -1001234567890
CHANNEL_CHAT_ID = -1009876543210

# Updates a bot answers with a message in the same chat.
CHAT_MESSAGE_UPDATES = ("message", "edited_message", "channel_post", "edited_channel_post")
# setWebhook's max_connections: Telegram's default and its limit.
DEFAULT_WEBHOOK_CONNECTIONS = 40
MAX_WEBHOOK_CONNECTIONS = 100

_LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class RecordedRequest:
    """One call the bot made: decoded parameters and what the server answered."""

    index: int
    method: str
    params: JSON
    time: float  # time.perf_counter() on arrival
    status: int
    result: Any  # the "result" on success, the error description otherwise
    content_type: str  # of the request's body: a form, multipart or JSON


@dataclass
class Fault:
    """A queued failure for a method; see FakeBotAPI.inject_fault."""

    method: str  # lower-case method name or "*"
    status: int | None
    description: str | None
    retry_after: int | None
    delay: float
    hang: bool
    times: int | None
    hits: int = 0
    _hit: asyncio.Event = field(default_factory=asyncio.Event, repr=False)
    _released: asyncio.Event = field(default_factory=asyncio.Event, repr=False)

    async def wait_hit(self, *, count: int = 1, timeout: float = 5.0) -> None:  # noqa: ASYNC109 - a default bounds every wait
        """Wait until the fault has caught `count` calls (each at its arrival, before any
        delay or hang)."""
        async with asyncio.timeout(timeout):
            while self.hits < count:
                self._hit.clear()
                await self._hit.wait()

    def release(self) -> None:
        """Let the calls a `hang` holds, and any it would catch later, proceed normally."""
        self._released.set()

    def catches(self, method: str) -> bool:
        """Whether this fault applies to the next call of `method` (lower-case)."""
        active = self.times is None or self.hits < self.times
        return active and self.method in ("*", method)

    def error(self) -> ApiError | None:
        """The error answer this fault produces, if it has a status."""
        if self.status is None:
            return None
        if self.status == 429:
            retry_after = self.retry_after or 1
            description = self.description or f"Too Many Requests: retry after {retry_after}"
            return ApiError(429, description, retry_after)
        description = self.description or DEFAULT_DESCRIPTIONS.get(self.status, "Error")
        return ApiError(self.status, description, self.retry_after)


@dataclass(frozen=True)
class _Webhook:
    url: str
    secret_token: str | None
    max_connections: int


def _reply_key(update: Mapping[str, Any]) -> tuple[str, int | str] | None:
    """What a reply to `update` is matched by: its chat, or its inline query id."""
    kind = update_kind(update)
    if kind in CHAT_MESSAGE_UPDATES:
        return ("chat", update[kind]["chat"]["id"])
    if kind == "callback_query" and "message" in update[kind]:
        return ("chat", update[kind]["message"]["chat"]["id"])
    if kind == "inline_query":
        return ("inline", update[kind]["id"])
    return None


class FakeBotAPI:
    """The fake Bot API server; see the module docstring for the whole driver API."""

    def __init__(
        self,
        token: str = TEST_TOKEN,
        *,
        bot_username: str = BOT_USERNAME,
        bot_first_name: str = "CELAC Test Bot",
        flood_limit: int | None = None,
        flood_window: float = 1.0,
    ) -> None:
        self.token = token
        self.flood_limit = flood_limit
        self.flood_window = flood_window
        bot_id = int(token.split(":", 1)[0])
        self.bot_user: JSON = {
            "id": bot_id,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": True,  # privacy mode is not simulated
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self._bot_sender: JSON = {
            key: self.bot_user[key] for key in ("id", "is_bot", "first_name", "username")
        }
        self.internal_errors: list[BaseException] = []
        self.dropped_updates: list[JSON] = []
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None
        self._port = 0
        self._stopping = asyncio.Event()
        self._last_update_id = 100_000_000
        self._query_ids = itertools.count(4_382_910_000_001)
        self._file_ids = itertools.count(1)
        # Telegram's state
        self._pending: deque[JSON] = deque()
        self._allowed_updates = DEFAULT_ALLOWED_UPDATES
        self._poller: asyncio.Future[ApiError | None] | None = None
        self._update_arrived = asyncio.Event()
        self._updates_confirmed = asyncio.Event()  # set whenever queued updates are forgotten
        self._poll_parked = asyncio.Event()
        self._webhook: _Webhook | None = None
        self.webhook_answers: list[tuple[int, int]] = []
        self._webhook_answered = asyncio.Event()
        self._webhook_task: asyncio.Task[None] | None = None
        self._chats: dict[int, JSON] = {}
        self._chat_usernames: dict[str, int] = {}
        self._messages: dict[int, dict[int, JSON]] = defaultdict(dict)
        self._last_message_ids: dict[int, int] = defaultdict(int)  # message ids count per chat
        self._blocked: set[int] = set()
        self._recent_sends: deque[float] = deque()  # sendMessage times within flood_window
        self._open_callback_queries: set[str] = set()
        self._open_inline_queries: set[str] = set()
        self._commands: dict[tuple[str, str], list[JSON]] = {}
        self._profile_texts: dict[tuple[str, str], str] = {}
        # observation
        self._faults: list[Fault] = []
        self._requests: list[RecordedRequest] = []
        self._request_waiters: list[
            tuple[str, Callable[[RecordedRequest], bool], asyncio.Future[RecordedRequest]]
        ] = []
        self._delivered: set[int] = set()
        self._awaiting_reply: dict[tuple[str, int | str], list[int]] = {}
        self._replies: dict[int, JSON] = {}
        self._reply_futures: dict[int, asyncio.Future[None]] = {}
        handlers: dict[str, Callable[[JSON], Any]] = {
            "getMe": self._get_me,
            "getUpdates": self._get_updates,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "answerCallbackQuery": self._answer_callback_query,
            "answerInlineQuery": self._answer_inline_query,
            "setMyCommands": self._set_my_commands,
            "setMyDescription": functools.partial(self._set_profile_text, "description"),
            "setMyShortDescription": functools.partial(self._set_profile_text, "short_description"),
        }
        # Telegram's method names are case-insensitive; records use the canonical spelling.
        self._handlers = {name.lower(): (name, handler) for name, handler in handlers.items()}

    # ------------------------------------------------------------------ server life

    async def start(self) -> None:
        """Listen on 127.0.0.1 on a free port."""
        app = web.Application(client_max_size=4 * 1024 * 1024)
        app.router.add_route("*", "/{path:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = self._runner.addresses[0][1]
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))

    async def stop(self) -> None:
        """Release pending long polls and hung calls, then close the port."""
        self._stopping.set()
        self._wake_pollers()
        await self._stop_webhook_delivery()
        if self._session is not None:
            await self._session.close()
            self._session = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        for _, _, future in self._request_waiters:
            future.cancel()

    async def __aenter__(self) -> FakeBotAPI:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """What ApplicationBuilder().base_url() takes; the token and method are appended."""
        return f"http://127.0.0.1:{self._port}/bot"

    @property
    def bot_id(self) -> int:
        """The bot's user id (the token's number)."""
        bot_id: int = self.bot_user["id"]
        return bot_id

    # ------------------------------------------------------------------ HTTP

    async def _handle(self, request: web.Request) -> web.Response:
        arrived = time.perf_counter()
        token, _, method = request.path.removeprefix("/bot").partition("/")
        params: JSON = {}
        try:
            if not request.path.startswith("/bot") or not TOKEN_SHAPE.fullmatch(token):
                raise ApiError(404, "Not Found")
            if token != self.token:
                raise ApiError(401, "Unauthorized")
            params = await self._read_params(request)
            result = await self._call(method, params)
        except ApiError as error:
            return self._respond(
                arrived,
                method,
                params,
                error.status,
                error.body(),
                content_type=request.content_type,
            )
        except ConnectionError:
            # The client went away while sending its call (a bot cancels one as it stops):
            # nothing to record, and nobody to answer.
            return web.Response(status=400)
        except Exception as error:
            _LOGGER.exception("FakeBotAPI failed on %s", method)
            self.internal_errors.append(error)
            body = {
                "ok": False,
                "error_code": 500,
                "description": f"Internal Server Error: {error}",
            }
            return self._respond(
                arrived, method, params, 500, body, content_type=request.content_type
            )
        body = {"ok": True, "result": result}
        if method.lower() in ("setwebhook", "deletewebhook"):
            body["description"] = self._webhook_description
        return self._respond(arrived, method, params, 200, body, content_type=request.content_type)

    async def _read_params(self, request: web.Request) -> JSON:
        raw: dict[str, Any] = dict(request.query)
        if request.method == "POST" and request.can_read_body:
            if request.content_type == "application/json":
                payload = await request.json()
                if not isinstance(payload, dict):
                    raise bad_request("parameters must be a JSON object")
                raw.update(payload)
            else:
                form = await request.post()
                raw.update(
                    (
                        name,
                        f"<file {value.filename}>" if isinstance(value, web.FileField) else value,
                    )
                    for name, value in form.items()
                )
        return {name: decode_param(name, value) for name, value in raw.items()}

    async def _call(self, method: str, params: JSON) -> Any:
        key = method.lower()
        fault = next((fault for fault in self._faults if fault.catches(key)), None)
        if fault is not None:
            fault.hits += 1
            fault._hit.set()
            if fault.delay:
                await asyncio.sleep(fault.delay)
            if fault.hang and not fault._released.is_set():
                stopping = asyncio.ensure_future(self._stopping.wait())
                released = asyncio.ensure_future(fault._released.wait())
                await asyncio.wait([stopping, released], return_when=asyncio.FIRST_COMPLETED)
                stopping.cancel()
                released.cancel()
                if not fault._released.is_set():
                    raise ApiError(504, DEFAULT_DESCRIPTIONS[504])
            error = fault.error()
            if error is not None:
                raise error
        if key not in self._handlers:
            raise ApiError(404, "Not Found")
        result = self._handlers[key][1](params)
        return await result if asyncio.iscoroutine(result) else result

    def _respond(
        self,
        arrived: float,
        method: str,
        params: JSON,
        status: int,
        body: JSON,
        *,
        content_type: str,
    ) -> web.Response:
        canonical = self._handlers.get(method.lower(), (method, None))[0]
        result = body["result"] if body["ok"] else body["description"]
        record = RecordedRequest(
            len(self._requests), canonical, params, arrived, status, result, content_type
        )
        self._requests.append(record)
        if self._request_waiters:
            self._notify_request_waiters(record)
        return web.Response(
            status=status, body=json.dumps(body).encode(), content_type="application/json"
        )

    def _notify_request_waiters(self, record: RecordedRequest) -> None:
        remaining = []
        for method, predicate, future in self._request_waiters:
            if future.done():
                continue
            try:
                matched = method == record.method.lower() and predicate(record)
            except Exception as error:  # a broken predicate fails its test, not the server
                future.set_exception(error)
                continue
            if matched:
                future.set_result(record)
            else:
                remaining.append((method, predicate, future))
        self._request_waiters = remaining

    # ------------------------------------------------------------------ updates

    async def _get_updates(self, params: JSON) -> list[JSON]:
        if self._webhook is not None:
            raise ApiError(409, WEBHOOK_ACTIVE)
        limit = min(max(params.get("limit", MAX_UPDATES_LIMIT), 1), MAX_UPDATES_LIMIT)
        timeout = max(params.get("timeout", 0), 0)
        if "allowed_updates" in params:
            self._allowed_updates = frozenset(params["allowed_updates"]) or DEFAULT_ALLOWED_UPDATES
        self._confirm(params.get("offset", 0))
        self._wake_pollers(ApiError(409, TERMINATED))
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            batch = self._take(limit)
            remaining = deadline - loop.time()
            if batch or remaining <= 0 or self._stopping.is_set():
                return self._deliver(batch)
            poller: asyncio.Future[ApiError | None] = loop.create_future()
            self._poller = poller
            self._poll_parked.set()
            try:
                await asyncio.wait([poller], timeout=remaining)
            finally:
                if self._poller is poller:
                    self._poller = None
                    self._poll_parked.clear()
            error = poller.result() if poller.done() else None
            if error is not None:
                raise error

    def _wake_pollers(self, error: ApiError | None = None) -> None:
        """Resolve the pending long poll: with `error` (409 for a newer getUpdates), or to look
        again."""
        if self._poller is not None and not self._poller.done():
            self._poller.set_result(error)
        self._update_arrived.set()

    def _confirm(self, offset: int) -> None:
        if offset < 0:
            while len(self._pending) > -offset:
                self._pending.popleft()
        else:
            while self._pending and self._pending[0]["update_id"] < offset:
                self._pending.popleft()
        self._updates_confirmed.set()

    def _drop_pending(self) -> None:
        """setWebhook/deleteWebhook with drop_pending_updates: Telegram forgets the queue."""
        self._pending.clear()
        self._updates_confirmed.set()

    def _take(self, limit: int) -> list[JSON]:
        batch = []
        unwanted = []
        for update in self._pending:
            if update_kind(update) in self._allowed_updates:
                batch.append(update)
                if len(batch) == limit:
                    break
            else:
                unwanted.append(update)
        for update in unwanted:
            self._pending.remove(update)
            self.dropped_updates.append(update)
        if unwanted:
            self._updates_confirmed.set()
        return batch

    def _deliver(self, batch: list[JSON]) -> list[JSON]:
        for update in batch:
            update_id = update["update_id"]
            if update_id in self._delivered:
                continue
            self._delivered.add(update_id)
            key = _reply_key(update)
            if key is not None:
                self._awaiting_reply.setdefault(key, []).append(update_id)
        return batch

    def _record_reply(self, key: tuple[str, int | str], content: JSON) -> None:
        update_ids = self._awaiting_reply.pop(key, None)
        if not update_ids:
            return
        for update_id in update_ids:
            self._replies[update_id] = content
            future = self._reply_futures.pop(update_id, None)
            if future is not None and not future.done():
                future.set_result(None)

    # ------------------------------------------------------------------ webhook

    @property
    def _webhook_description(self) -> str:
        return "Webhook was set" if self._webhook is not None else "Webhook was deleted"

    def _set_webhook(self, params: JSON) -> bool:
        url = params.get("url", "")
        if not url:
            return self._delete_webhook(params)
        if not url.startswith(("http://", "https://")):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.get("secret_token")
        if secret is not None and not SECRET_TOKEN.fullmatch(secret):
            raise bad_request("secret token contains unallowed characters")
        max_connections = params.get("max_connections", DEFAULT_WEBHOOK_CONNECTIONS)
        if not 1 <= max_connections <= MAX_WEBHOOK_CONNECTIONS:
            raise bad_request("bad webhook: max_connections must be between 1 and 100")
        if params.get("drop_pending_updates"):
            self._drop_pending()
        if "allowed_updates" in params:
            self._allowed_updates = frozenset(params["allowed_updates"]) or DEFAULT_ALLOWED_UPDATES
        self._webhook = _Webhook(url, secret, max_connections)
        self._wake_pollers(ApiError(409, TERMINATED))
        if self._webhook_task is None:
            self._webhook_task = asyncio.create_task(self._deliver_to_webhook())
        return True

    def _delete_webhook(self, params: JSON) -> bool:
        if params.get("drop_pending_updates"):
            self._drop_pending()
        self._webhook = None
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            self._webhook_task = None
        return True

    async def _stop_webhook_delivery(self) -> None:
        task, self._webhook_task = self._webhook_task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _deliver_to_webhook(self) -> None:
        """Telegram's side of a webhook: POST queued updates, up to max_connections at once
        and in no promised order, each until the bot answers 2xx; then it is forgotten."""
        in_flight: dict[int, asyncio.Task[None]] = {}
        try:
            while (webhook := self._webhook) is not None:
                update = None
                if len(in_flight) < webhook.max_connections:
                    batch = self._take(len(in_flight) + 1)
                    update = next((u for u in batch if u["update_id"] not in in_flight), None)
                if update is None:
                    self._update_arrived.clear()
                    await self._update_arrived.wait()
                    continue
                in_flight[update["update_id"]] = asyncio.create_task(
                    self._push_to_webhook(webhook, update, in_flight)
                )
        finally:
            for task in list(in_flight.values()):
                task.cancel()

    async def _push_to_webhook(
        self, webhook: _Webhook, update: JSON, in_flight: dict[int, asyncio.Task[None]]
    ) -> None:
        try:
            self._deliver([update])
            try:
                status = await self.post_webhook_update(
                    webhook.url, update, secret_token=webhook.secret_token
                )
            except (aiohttp.ClientError, TimeoutError):
                status = 0
            self.webhook_answers.append((update["update_id"], status))
            self._webhook_answered.set()
            if 200 <= status <= 299:
                with contextlib.suppress(ValueError):
                    self._pending.remove(update)
                self._updates_confirmed.set()
            else:
                await asyncio.sleep(0.1)  # Telegram too waits before it delivers again
        finally:
            in_flight.pop(update["update_id"], None)
            self._update_arrived.set()  # a connection is free

    async def post_webhook_update(
        self, url: str, update: Mapping[str, Any], *, secret_token: str | None = None
    ) -> int:
        """POST one update to a webhook as Telegram does; the HTTP status the bot answered."""
        assert self._session is not None, "start() the server first"
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret_token} if secret_token else {}
        async with self._session.post(url, json=update, headers=headers) as response:
            await response.read()
            return response.status

    # ------------------------------------------------------------------ bot methods

    def _get_me(self, _params: JSON) -> JSON:
        return dict(self.bot_user)

    def _chat(self, params: JSON) -> JSON:
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise bad_request("chat_id is empty")
        if isinstance(chat_id, str):
            chat_id = self._chat_usernames.get(chat_id.lstrip("@").lower())
        chat = self._chats.get(chat_id) if isinstance(chat_id, int) else None
        if chat is None:
            raise bad_request("chat not found")
        return chat

    def _writable_chat(self, params: JSON) -> JSON:
        chat = self._chat(params)
        if chat["id"] in self._blocked:
            raise ApiError(403, BLOCKED)
        return chat

    def _check_flood(self) -> None:
        """Telegram's flood control: at most flood_limit messages in any flood_window."""
        if self.flood_limit is None:
            return
        now = time.perf_counter()
        while self._recent_sends and now - self._recent_sends[0] >= self.flood_window:
            self._recent_sends.popleft()
        if len(self._recent_sends) >= self.flood_limit:
            retry_after = max(1, math.ceil(self._recent_sends[0] + self.flood_window - now))
            raise ApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after)
        self._recent_sends.append(now)

    def _send_message(self, params: JSON) -> JSON:
        chat = self._writable_chat(params)
        text, entities = message_text(params)
        markup = inline_markup(params.get("reply_markup"))
        self._check_flood()
        message = self._new_message(chat, self._bot_sender, text, entities)
        if markup is not None:
            message["reply_markup"] = markup
        replied = self._replied_message(chat["id"], params)
        if replied is not None:
            message["reply_to_message"] = replied
        if "message_thread_id" in params:
            message["message_thread_id"] = params["message_thread_id"]
            if chat.get("is_forum"):
                message["is_topic_message"] = True
        self._store(message)
        self._record_reply(("chat", chat["id"]), message)
        return message

    def _replied_message(self, chat_id: int, params: JSON) -> JSON | None:
        reply = params.get("reply_parameters")
        if reply is None:
            if "reply_to_message_id" not in params:
                return None
            reply = {
                "message_id": int(params["reply_to_message_id"]),
                "allow_sending_without_reply": params.get("allow_sending_without_reply", False),
            }
        replied = self._messages[chat_id].get(reply.get("message_id", 0))
        if replied is None:
            if reply.get("allow_sending_without_reply"):
                return None
            raise bad_request("message to be replied not found")
        return {key: value for key, value in replied.items() if key != "reply_to_message"}

    def _editable_message(self, params: JSON) -> JSON | None:
        """The stored message an edit targets; None for inline messages (not tracked)."""
        if "inline_message_id" in params:
            return None
        chat = self._chat(params)
        message = self._messages[chat["id"]].get(params.get("message_id", 0))
        if message is None:
            raise bad_request("message to edit not found")
        if message["from"]["id"] != self.bot_id:
            raise bad_request("message can't be edited")
        return message

    def _edit_message_text(self, params: JSON) -> JSON | bool:
        text, entities = message_text(params)
        markup = inline_markup(params.get("reply_markup"))
        message = self._editable_message(params)
        if message is None:
            return True
        return self._apply_edit(message, text, entities, markup)

    def _apply_edit(
        self, message: JSON, text: str, entities: list[JSON], markup: JSON | None
    ) -> JSON:
        unchanged = (
            text == message.get("text")
            and entities == message.get("entities", [])
            and markup == message.get("reply_markup")
        )
        if unchanged:
            raise bad_request(NOT_MODIFIED)
        edited = {
            key: value
            for key, value in message.items()
            if key not in ("text", "entities", "reply_markup")
        }
        edited["text"] = text
        if entities:
            edited["entities"] = entities
        if markup is not None:
            edited["reply_markup"] = markup
        edited["edit_date"] = int(time.time())
        self._store(edited)
        self._record_reply(("chat", edited["chat"]["id"]), edited)
        return edited

    def _answer_callback_query(self, params: JSON) -> bool:
        query_id = str(params.get("callback_query_id", ""))
        if query_id not in self._open_callback_queries:
            raise bad_request(QUERY_TOO_OLD)
        if len(params.get("text") or "") > MAX_CALLBACK_ANSWER_CHARS:
            raise bad_request("MESSAGE_TOO_LONG")
        self._open_callback_queries.remove(query_id)
        return True

    def _answer_inline_query(self, params: JSON) -> bool:
        query_id = str(params.get("inline_query_id", ""))
        if query_id not in self._open_inline_queries:
            raise bad_request(QUERY_TOO_OLD)
        check_inline_answer(params)
        self._open_inline_queries.remove(query_id)
        self._record_reply(("inline", query_id), params)
        return True

    def _commands_key(self, params: JSON) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), params.get("language_code") or ""

    def _set_my_commands(self, params: JSON) -> bool:
        commands = check_commands(params.get("commands"))
        key = self._commands_key(params)
        if commands:
            self._commands[key] = commands
        else:
            self._commands.pop(key, None)
        return True

    def _set_profile_text(self, field: str, params: JSON) -> bool:
        text = params.get(field) or ""
        if len(text) > PROFILE_TEXT_LIMITS[field]:
            raise bad_request(f"{field.replace('_', ' ')} is too long")
        self._profile_texts[field, params.get("language_code") or ""] = text
        return True

    # ------------------------------------------------------------------ messages store

    def _register_chat(self, chat: JSON) -> None:
        self._chats[chat["id"]] = chat
        if chat.get("username"):
            self._chat_usernames[chat["username"].lower()] = chat["id"]

    def _new_message(
        self, chat: JSON, sender: JSON | None, text: str | None, entities: list[JSON]
    ) -> JSON:
        self._last_message_ids[chat["id"]] += 1
        message_id = self._last_message_ids[chat["id"]]
        message: JSON = {"message_id": message_id, "date": int(time.time()), "chat": chat}
        if sender is not None:
            message["from"] = sender
        if text is not None:
            message["text"] = text
        if entities:
            message["entities"] = entities
        return message

    def _store(self, message: JSON) -> None:
        self._messages[message["chat"]["id"]][message["message_id"]] = message

    # ------------------------------------------------------------------ the users' side

    def enqueue_update(self, update: Mapping[str, Any]) -> JSON:
        """Queue a raw update (update_id assigned if missing) and return it."""
        queued = dict(update)
        if "update_id" not in queued:
            queued = {"update_id": self._last_update_id + 1, **queued}
        self._last_update_id = max(self._last_update_id, queued["update_id"])
        self._register_participants(queued)
        self._pending.append(queued)
        self._wake_pollers()
        return queued

    def _register_participants(self, update: JSON) -> None:
        """Learn the chats and messages of a raw update, so the bot can answer it."""
        payload = update.get(update_kind(update))
        if not isinstance(payload, dict):
            return
        for candidate in (payload, payload.get("message")):
            if not isinstance(candidate, dict) or not isinstance(candidate.get("chat"), dict):
                continue
            chat_id = candidate["chat"]["id"]
            if chat_id not in self._chats:
                self._register_chat(candidate["chat"])
            message_id = candidate.get("message_id")
            if isinstance(message_id, int) and message_id not in self._messages[chat_id]:
                self._store(candidate)
                self._last_message_ids[chat_id] = max(self._last_message_ids[chat_id], message_id)

    def _chat_for(
        self,
        user: JSON,
        chat_id: int | None,
        chat_type: str,
        chat_title: str | None,
        *,
        forum: bool = False,
    ) -> JSON:
        if chat_type == "private":
            if chat_id not in (None, user["id"]):
                raise ValueError("a private chat's id is its user's id: pass user_id instead")
            chat: JSON = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
            for key in ("last_name", "username"):
                if key in user:
                    chat[key] = user[key]
        elif chat_type in ("group", "supergroup"):
            chat = {
                "id": chat_id if chat_id is not None else GROUP_CHAT_ID,
                "type": chat_type,
                "title": chat_title or "CELAC Study Group",
            }
            if forum or self._chats.get(chat["id"], {}).get("is_forum"):
                chat["is_forum"] = True
        else:
            raise ValueError(f"chat_type must be private, group or supergroup, not {chat_type!r}")
        self._register_chat(chat)
        return chat

    def send_message(
        self,
        text: str,
        *,
        user_id: int = DEFAULT_USER_ID,
        chat_id: int | None = None,
        chat_type: str = "private",
        first_name: str = "Ana",
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "en",
        entities: list[JSON] | None = None,
        reply_to_message: Mapping[str, Any] | None = None,
        message_thread_id: int | None = None,
        chat_title: str | None = None,
    ) -> JSON:
        """A user sends `text` to the bot; returns the queued update."""
        user = user_json(
            user_id,
            first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
        )
        chat = self._chat_for(
            user, chat_id, chat_type, chat_title, forum=message_thread_id is not None
        )
        message = self._new_message(
            chat, user, text, auto_entities(text) if entities is None else entities
        )
        if reply_to_message is not None:
            message["reply_to_message"] = {
                key: value for key, value in reply_to_message.items() if key != "reply_to_message"
            }
        if message_thread_id is not None:
            message["message_thread_id"] = message_thread_id
            message["is_topic_message"] = True
        self._store(message)
        return self.enqueue_update({"message": message})

    def press_button(
        self,
        message: Mapping[str, Any],
        data: str,
        *,
        user_id: int | None = None,
        first_name: str = "Ana",
        language_code: str | None = "en",
        forged: bool = False,
    ) -> JSON:
        """A user presses the inline button with callback_data `data` under a bot message;
        `forged` sends `data` although no button carries it (a modified client)."""
        chat_id = message["chat"]["id"]
        stored = self._messages[chat_id].get(message["message_id"])
        if stored is None or stored.get("from", {}).get("id") != self.bot_id:
            raise ValueError("press_button needs a message the bot sent (and did not delete)")
        available = [button.get("callback_data") for button in inline_buttons(stored)]
        if not forged and data not in available:
            raise ValueError(f"no button with callback_data {data!r}; the message has {available}")
        if user_id is None:
            user_id = chat_id if stored["chat"]["type"] == "private" else DEFAULT_USER_ID
        user = user_json(user_id, first_name, language_code=language_code)
        query_id = str(next(self._query_ids))
        update = self.enqueue_update(
            {
                "callback_query": {
                    "id": query_id,
                    "from": user,
                    "message": stored,
                    "chat_instance": str(abs(chat_id) * 7919 + 1),
                    "data": data,
                }
            }
        )
        self._open_callback_queries.add(query_id)
        return update

    def inline_query(
        self,
        query: str,
        *,
        user_id: int = DEFAULT_USER_ID,
        first_name: str = "Ana",
        language_code: str | None = "en",
        offset: str = "",
        chat_type: str = "sender",
    ) -> JSON:
        """A user types `@BotUsername query` in some chat."""
        query_id = str(next(self._query_ids))
        user = user_json(user_id, first_name, language_code=language_code)
        update = self.enqueue_update(
            {
                "inline_query": {
                    "id": query_id,
                    "from": user,
                    "query": query,
                    "offset": offset,
                    "chat_type": chat_type,
                }
            }
        )
        self._open_inline_queries.add(query_id)
        return update

    def _file(self, **extra: Any) -> JSON:
        number = next(self._file_ids)
        return {"file_id": f"FAKEFILE{number:08d}", "file_unique_id": f"U{number:08d}", **extra}

    def send_non_text(
        self,
        kind: str = "photo",
        *,
        user_id: int = DEFAULT_USER_ID,
        chat_id: int | None = None,
        chat_type: str = "private",
        first_name: str = "Ana",
        language_code: str | None = "en",
        caption: str | None = None,
    ) -> JSON:
        """A user sends a photo, sticker, voice note... (see NON_TEXT_KINDS)."""
        if kind not in NON_TEXT_PAYLOADS:
            raise ValueError(f"kind must be one of {NON_TEXT_KINDS}, not {kind!r}")
        user = user_json(user_id, first_name, language_code=language_code)
        chat = self._chat_for(user, chat_id, chat_type, None)
        message = self._new_message(chat, user, None, [])
        message.update(NON_TEXT_PAYLOADS[kind](self._file))
        if caption is not None:
            message["caption"] = caption
        self._store(message)
        return self.enqueue_update({"message": message})

    def edit_message(
        self, message: Mapping[str, Any], text: str, *, entities: list[JSON] | None = None
    ) -> JSON:
        """The user edits a message they sent (a message dict or send_message's update)."""
        original = message.get("message", message)
        stored = self._messages[original["chat"]["id"]].get(original["message_id"])
        if stored is None or stored.get("from", {}).get("id") == self.bot_id:
            raise ValueError("edit_message needs a message a user sent")
        edited = {key: value for key, value in stored.items() if key != "entities"}
        edited["text"] = text
        new_entities = auto_entities(text) if entities is None else entities
        if new_entities:
            edited["entities"] = new_entities
        edited["edit_date"] = int(time.time())
        self._store(edited)
        return self.enqueue_update({"edited_message": edited})

    def channel_post(
        self, text: str, *, chat_id: int = CHANNEL_CHAT_ID, title: str = "CELAC Channel"
    ) -> JSON:
        """A post in a channel where the bot is an administrator."""
        chat = {"id": chat_id, "type": "channel", "title": title}
        self._register_chat(chat)
        message = self._new_message(chat, None, text, auto_entities(text))
        message["sender_chat"] = chat
        self._store(message)
        return self.enqueue_update({"channel_post": message})

    def block_bot(self, user_id: int = DEFAULT_USER_ID) -> None:
        """The user blocks the bot: sending to them answers 403 from now on, and the bot gets
        the my_chat_member update Telegram sends."""
        self._blocked.add(user_id)
        chat = self._chats.get(user_id) or {"id": user_id, "type": "private", "first_name": "Ana"}
        self.enqueue_update(
            {
                "my_chat_member": {
                    "chat": chat,
                    "from": user_json(user_id, chat.get("first_name", "Ana")),
                    "date": int(time.time()),
                    "old_chat_member": {"user": self._bot_sender, "status": "member"},
                    # until_date 0: banned forever
                    "new_chat_member": {
                        "user": self._bot_sender,
                        "status": "kicked",
                        "until_date": 0,
                    },
                }
            }
        )

    def revoke_token(self) -> str:
        """The owner revokes the bot's token (@BotFather's /revoke): every call with the old
        one, a parked long poll included, answers 401 from now on. Returns the new token."""
        self.token = f"{self.bot_id}:REVOKED-{next(self._file_ids):08d}-abcdefghijklmnopqrstu"
        self._wake_pollers(ApiError(401, "Unauthorized"))
        return self.token

    # ------------------------------------------------------------------ faults

    def inject_fault(
        self,
        method: str,
        *,
        status: int | None = None,
        description: str | None = None,
        retry_after: int | None = None,
        delay: float = 0.0,
        hang: bool = False,
        times: int | None = 1,
    ) -> Fault:
        """Make the next `times` calls of `method` ("*" for all) fail, stall or hang."""
        fault = Fault(method.lower(), status, description, retry_after, delay, hang, times)
        self._faults.append(fault)
        return fault

    # ------------------------------------------------------------------ observation

    def requests(self, method: str | None = None, *, after: int = 0) -> list[RecordedRequest]:
        """Recorded calls, optionally of one method (case-insensitive) and from index `after`."""
        wanted = method.lower() if method is not None else None
        return [
            record
            for record in self._requests[after:]
            if wanted is None or record.method.lower() == wanted
        ]

    def mark(self) -> int:
        """The index the next recorded call gets; pass it as `after=`."""
        return len(self._requests)

    async def wait_for_request(
        self,
        method: str,
        *,
        predicate: Callable[[RecordedRequest], bool] | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109 - a default bounds every wait
        after: int = 0,
    ) -> RecordedRequest:
        """The first call of `method` from index `after` on that satisfies `predicate`."""
        matches = predicate or (lambda _record: True)
        for record in self.requests(method, after=after):
            if matches(record):
                return record
        future: asyncio.Future[RecordedRequest] = asyncio.get_running_loop().create_future()
        self._request_waiters.append((method.lower(), matches, future))
        try:
            async with asyncio.timeout(timeout):
                return await future
        except TimeoutError:
            seen = [record.params for record in self.requests(method, after=after)][-5:]
            raise TimeoutError(
                f"no matching {method} within {timeout}s; the last ones were {seen}"
            ) from None

    async def wait_for_reply(
        self,
        update: Mapping[str, Any],
        *,
        timeout: float = 5.0,  # noqa: ASYNC109 - a default bounds every wait
    ) -> JSON:
        """The bot's first message (sent or edited) in the update's chat after its delivery."""
        update_id = update["update_id"]
        try:
            async with asyncio.timeout(timeout):
                await self._replied(update_id)
        except TimeoutError:
            state = (
                "delivered"
                if update_id in self._delivered
                else "dropped: not in allowed_updates"
                if any(dropped["update_id"] == update_id for dropped in self.dropped_updates)
                else "never delivered: is the bot polling?"
            )
            raise TimeoutError(
                f"no reply within {timeout}s to update {update_id} ({state}): {dict(update)}"
            ) from None
        return self._replies[update_id]

    async def wait_for_replies(
        self,
        updates: Iterable[Mapping[str, Any]],
        *,
        timeout: float = 60.0,  # noqa: ASYNC109 - a default bounds every wait
    ) -> list[JSON]:
        """The bot's first message (or inline answer) after each of `updates`, in their order."""
        update_ids = [update["update_id"] for update in updates]
        try:
            async with asyncio.timeout(timeout):
                for update_id in update_ids:
                    await self._replied(update_id)
        except TimeoutError:
            missing = sum(update_id not in self._replies for update_id in update_ids)
            raise TimeoutError(
                f"{missing} of {len(update_ids)} updates had no reply within {timeout}s"
            ) from None
        return [self._replies[update_id] for update_id in update_ids]

    async def _replied(self, update_id: int) -> None:
        if update_id in self._replies:
            return
        future = self._reply_futures.get(update_id)
        if future is None:
            future = asyncio.get_running_loop().create_future()
            self._reply_futures[update_id] = future
        # Shielded: another waiter for the same update may still need the future.
        await asyncio.shield(future)

    async def wait_for_callback_answer(
        self,
        update: Mapping[str, Any],
        *,
        timeout: float = 5.0,  # noqa: ASYNC109 - a default bounds every wait
    ) -> JSON:
        """The parameters of the bot's answerCallbackQuery for a press_button update."""
        query_id = update["callback_query"]["id"]
        record = await self.wait_for_request(
            "answerCallbackQuery",
            predicate=lambda record: str(record.params.get("callback_query_id")) == query_id,
            timeout=timeout,
        )
        return record.params

    def messages_to(self, chat_id: int) -> list[JSON]:
        """The bot's messages in a chat (current versions), oldest first."""
        return [
            message
            for message in self._messages[chat_id].values()
            if message.get("from", {}).get("id") == self.bot_id
        ]

    def last_message_to(self, chat_id: int) -> JSON:
        """The bot's latest message in a chat; AssertionError if it sent none."""
        messages = self.messages_to(chat_id)
        assert messages, f"the bot sent nothing to chat {chat_id}"
        return max(messages, key=lambda message: message["message_id"])

    def commands(self, *, scope: JSON | None = None, language_code: str = "") -> list[JSON]:
        """The command list set for a scope and language."""
        key = self._commands_key({"scope": scope, "language_code": language_code})
        return list(self._commands.get(key, []))

    def description(self, language_code: str = "") -> str:
        """The bot description set for a language ("" = default)."""
        return self._profile_texts.get(("description", language_code), "")

    def short_description(self, language_code: str = "") -> str:
        """The bot short description set for a language ("" = default)."""
        return self._profile_texts.get(("short_description", language_code), "")

    @property
    def webhook_url(self) -> str:
        """The webhook URL set, "" if none."""
        return self._webhook.url if self._webhook is not None else ""

    @property
    def pending_update_count(self) -> int:
        """Updates queued and not yet confirmed."""
        return len(self._pending)

    async def wait_polling(
        self,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109 - a default bounds every wait
    ) -> None:
        """Wait until a getUpdates long poll is parked on the server, waiting for updates."""
        async with asyncio.timeout(timeout):
            await self._poll_parked.wait()

    async def wait_webhook_answer(
        self,
        status: int,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109 - a default bounds every wait
    ) -> int:
        """Wait until the webhook answered one of the server's deliveries with `status`; the
        update_id of the first such delivery."""
        async with asyncio.timeout(timeout):
            while True:
                found = [update_id for update_id, got in self.webhook_answers if got == status]
                if found:
                    return found[0]
                self._webhook_answered.clear()
                await self._webhook_answered.wait()

    async def wait_pending(
        self,
        at_most: int,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109 - a default bounds every wait
    ) -> None:
        """Wait until at most `at_most` updates are queued and not yet confirmed."""
        async with asyncio.timeout(timeout):
            while len(self._pending) > at_most:
                self._updates_confirmed.clear()
                await self._updates_confirmed.wait()

    async def wait_confirmed(
        self,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109 - a default bounds every wait
    ) -> None:
        """Wait until the bot has confirmed every update queued so far, as Telegram learns
        it: by a getUpdates whose offset passes them, or a webhook's 2xx answer to each
        (a bot confirms updates once they are in its update queue)."""
        async with asyncio.timeout(timeout):
            while self._pending:
                self._updates_confirmed.clear()
                await self._updates_confirmed.wait()


@contextlib.asynccontextmanager
async def polling(
    application: Application[Any, Any, Any, Any, Any, Any],
    *,
    poll_timeout: int = 1,
    allowed_updates: Sequence[str] | None = None,
) -> AsyncIterator[Application[Any, Any, Any, Any, Any, Any]]:
    """What Application.run_polling does, minus signals and the loop: run for the block."""

    def report_polling_error(error: TelegramError) -> None:
        application.create_task(application.process_error(update=None, error=error))

    updater = application.updater
    assert updater is not None, "polling() needs an Application with an Updater"
    await application.initialize()
    try:
        if application.post_init is not None:
            await application.post_init(application)
        await updater.start_polling(
            poll_interval=0.0,
            timeout=poll_timeout,
            allowed_updates=allowed_updates,
            error_callback=report_polling_error,
        )
        await application.start()
        try:
            yield application
        finally:
            await updater.stop()
            await application.stop()
            if application.post_stop is not None:
                await application.post_stop(application)
    finally:
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)


def free_port() -> int:
    """A loopback TCP port that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
