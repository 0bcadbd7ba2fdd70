"""The Bot API the benchmarks' bots talk to: Telegram's HTTP protocol and long polling, timed.

The tests have a fake of their own (tests/fakes/bot_api.py) that checks every call as
Telegram would, HTML included. Here those checks would be the server's work, done on the
machine that runs the bot being measured, so this server checks nothing: it hands out
updates as getUpdates does, answers the calls a bot makes with results PTB can read, and
times the replies.

`latency` is the Bot API's round trip, paid on every call as on the real network: half
before the call reaches "Telegram" (when it is timed), half before its response reaches
the bot (a long poll's updates too). A user's wait runs from the moment they sent an update
to the arrival of the bot's first message in that chat (or of its answer to that inline
query): it includes the update's trip to the bot, any time the update spent waiting at
Telegram or in the bot, the bot's work and the reply's trip back.

    async with BenchBotAPI(latency=0.05) as server:  # the bot polls server.base_url
        updates = [server.send_message("¿Qué es la CELAC?", user_id=n) for n in range(2000)]
        waits = await server.wait_for_replies(updates)
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from aiohttp import web

JSON = dict[str, Any]

# Not a secret: the server accepts only this token, which no real bot has.
TOKEN = "123456:BENCH-TOKEN-abcdefghijklmnopqrstuvwxyz"  # noqa: S105
BOT_USER: JSON = {"id": 123456, "is_bot": True, "first_name": "Bench Bot", "username": "BenchBot"}
# What the bots send in a form (PTB's default) arrives as strings; these fields are read.
_INT_PARAMS = frozenset({"chat_id", "message_id", "offset", "limit", "timeout"})
_JSON_PARAMS = frozenset({"reply_markup"})
_NOT_FOUND: JSON = {"ok": False, "error_code": 404, "description": "Not Found"}


@dataclass(frozen=True, slots=True)
class Call:
    """One call a bot made, recorded when it reached the server."""

    method: str
    arrived: float  # time.perf_counter()


class BenchBotAPI:
    """A Bot API server on 127.0.0.1 for one bot process at a time."""

    def __init__(self, *, latency: float = 0.0) -> None:
        """`latency`: the round trip of every call, in seconds (see the module's docstring)."""
        self.latency = latency
        self.token = TOKEN
        self._runner: web.AppRunner | None = None
        self._port = 0
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._query_ids = itertools.count(1)
        self._pending: deque[JSON] = deque()
        self._update_arrived = asyncio.Event()
        self._polling = asyncio.Event()
        self._chats: dict[int, JSON] = {}
        self._calls: list[Call] = []
        self._first_arrivals: dict[str, float] = {}
        self._call_arrived = asyncio.Event()
        self._in_flight = 0  # calls other than getUpdates, which may wait for long
        self._last_call_done = time.perf_counter()
        self._sent_at: dict[int, float] = {}
        self._awaiting_reply: dict[tuple[str, int | str], list[int]] = {}
        self._replied_at: dict[int, float] = {}
        # Replies are kept only for the updates someone waits on one by one: a run of 50,000
        # chats must not keep 50,000 messages here.
        self._wanted: set[int] = set()
        self._bodies: dict[int, JSON] = {}
        self._replied = asyncio.Event()

    async def start(self) -> None:
        """Listen on a free port of 127.0.0.1."""
        app = web.Application(client_max_size=4 * 1024 * 1024)
        app.router.add_post("/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self._port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        """Close the port (a parked long poll is answered first, with no updates)."""
        self._update_arrived.set()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> BenchBotAPI:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """What ApplicationBuilder().base_url() takes; the token and method are appended."""
        return f"http://127.0.0.1:{self._port}/bot"

    # ------------------------------------------------------------------ users

    def send_message(self, text: str, *, user_id: int) -> JSON:
        """A user writes `text` to the bot in a private chat; the queued update."""
        user = {"id": user_id, "is_bot": False, "first_name": "Ana", "language_code": "en"}
        chat = self._chats.setdefault(user_id, {"id": user_id, "type": "private"})
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": user,
            "text": text,
        }
        return self._enqueue({"message": message}, ("chat", user_id))

    def inline_query(self, query: str, *, user_id: int) -> JSON:
        """A user types `@BenchBot query` in some chat; the queued update."""
        user = {"id": user_id, "is_bot": False, "first_name": "Ana", "language_code": "en"}
        query_id = str(next(self._query_ids))
        inline = {"id": query_id, "from": user, "query": query, "offset": ""}
        return self._enqueue({"inline_query": inline}, ("inline", query_id))

    def press_button(self, message: JSON, data: str) -> JSON:
        """The user of a private chat presses a button under the bot's `message`."""
        chat_id = message["chat"]["id"]
        user = {"id": chat_id, "is_bot": False, "first_name": "Ana", "language_code": "en"}
        query = {
            "id": str(next(self._query_ids)),
            "from": user,
            "message": message,
            "chat_instance": str(chat_id),
            "data": data,
        }
        return self._enqueue({"callback_query": query}, ("chat", chat_id))

    def _enqueue(self, payload: JSON, reply_key: tuple[str, int | str]) -> JSON:
        """Queue an update; the bot's next message in its chat (or answer to its inline
        query) is its reply."""
        update = {"update_id": next(self._update_ids), **payload}
        self._sent_at[update["update_id"]] = time.perf_counter()
        self._awaiting_reply.setdefault(reply_key, []).append(update["update_id"])
        self._pending.append(update)
        self._update_arrived.set()
        return update

    # ------------------------------------------------------------------ observing

    async def wait_for_reply(self, update: Mapping[str, Any], *, timeout: float = 60.0) -> JSON:  # noqa: ASYNC109 - a default bounds every wait
        """The bot's first message in the update's chat (or its inline answer) after it. Call
        it as soon as the update is queued: only then is the reply kept."""
        update_id = update["update_id"]
        if update_id not in self._replied_at:
            self._wanted.add(update_id)
        await self._wait_replied([update_id], timeout)
        self._wanted.discard(update_id)
        return self._bodies.pop(update_id)

    async def wait_for_replies(
        self,
        updates: Iterable[Mapping[str, Any]],
        *,
        timeout: float = 60.0,  # noqa: ASYNC109 - a default bounds every wait
    ) -> list[float]:
        """How long each user of `updates` waited for the reply, in seconds, in their order."""
        update_ids = [update["update_id"] for update in updates]
        await self._wait_replied(update_ids, timeout)
        return [self._replied_at[uid] - self._sent_at[uid] for uid in update_ids]

    async def _wait_replied(self, update_ids: list[int], timeout: float) -> None:  # noqa: ASYNC109 - a default bounds every wait
        try:
            async with asyncio.timeout(timeout):
                for update_id in update_ids:
                    while update_id not in self._replied_at:
                        self._replied.clear()
                        await self._replied.wait()
        except TimeoutError:
            count = sum(uid not in self._replied_at for uid in update_ids)
            raise TimeoutError(f"{count} of {len(update_ids)} updates had no reply") from None

    async def first_call(self, method: str, *, timeout: float = 60.0) -> float:  # noqa: ASYNC109 - a default bounds every wait
        """When (time.perf_counter()) the bot's first call of `method` arrived."""
        async with asyncio.timeout(timeout):
            while method not in self._first_arrivals:
                self._call_arrived.clear()
                await self._call_arrived.wait()
        return self._first_arrivals[method]

    async def wait_polling(self, *, timeout: float = 10.0) -> None:  # noqa: ASYNC109 - a default bounds every wait
        """Wait until a getUpdates long poll is parked, waiting for updates."""
        async with asyncio.timeout(timeout):
            await self._polling.wait()

    async def wait_idle(self, settle: float, *, timeout: float = 10.0) -> None:  # noqa: ASYNC109 - a default bounds every wait
        """Wait until the bot is idle: no call in flight, none answered for `settle` seconds
        (its work after a response, such as parsing it, shows in no call), and a long poll
        parked, so that the next update reaches it at once."""
        async with asyncio.timeout(timeout):
            while self._in_flight or time.perf_counter() - self._last_call_done < settle:  # noqa: ASYNC110 - a span of time, nothing to wait on
                await asyncio.sleep(settle / 2)
            await self._polling.wait()

    def calls(self, method: str) -> list[Call]:
        """The calls of `method` that reached the server so far, in the order they arrived."""
        return [call for call in self._calls if call.method == method]

    # ------------------------------------------------------------------ HTTP

    async def _handle(self, request: web.Request) -> web.Response:
        # A call reaches Telegram half a round trip after the bot sent it, whatever this server
        # then spends reading it (Telegram's work, not the bot's: a bigger reply, such as ten
        # inline results, must not look slower for it).
        arrived = time.perf_counter() + self.latency / 2
        method = request.match_info["method"]
        counted = method != "getUpdates"
        self._in_flight += counted
        try:
            params = await _params(request)
            if self.latency:
                await asyncio.sleep(arrived - time.perf_counter())  # the call's way to Telegram
            self._first_arrivals.setdefault(method, arrived)
            self._calls.append(Call(method, arrived))
            self._call_arrived.set()
            if request.match_info["token"] != self.token:
                body: JSON = {"ok": False, "error_code": 401, "description": "Unauthorized"}
            else:
                body = await self._answer(method, params, arrived)
            if self.latency:
                await asyncio.sleep(self.latency / 2)  # the response's way back
        finally:
            self._in_flight -= counted
            self._last_call_done = time.perf_counter()
        status = 200 if body["ok"] else body["error_code"]
        return web.Response(status=status, text=json.dumps(body), content_type="application/json")

    async def _answer(self, method: str, params: JSON, arrived: float) -> JSON:
        result: Any = True
        if method == "getUpdates":
            result = await self._get_updates(params)
        elif method == "getMe":
            result = BOT_USER
        elif method == "sendMessage":
            result = self._message(params, next(self._message_ids))
            self._reply(("chat", result["chat"]["id"]), result, arrived)
        elif method == "editMessageText":
            if "inline_message_id" not in params:
                result = self._message(params, params["message_id"]) | {"edit_date": 0}
                self._reply(("chat", result["chat"]["id"]), result, arrived)
        elif method == "answerInlineQuery":
            self._reply(("inline", str(params["inline_query_id"])), params, arrived)
        elif method not in (
            "deleteWebhook",
            "answerCallbackQuery",
            "setMyCommands",
            "setMyDescription",
            "setMyShortDescription",
        ):
            return _NOT_FOUND
        return {"ok": True, "result": result}

    async def _get_updates(self, params: JSON) -> list[JSON]:
        offset = params.get("offset", 0)
        while self._pending and self._pending[0]["update_id"] < offset:
            self._pending.popleft()
        if not self._pending and params.get("timeout", 0) > 0 and self._runner is not None:
            self._update_arrived.clear()
            self._polling.set()
            try:
                await asyncio.wait_for(self._update_arrived.wait(), params["timeout"])
            except TimeoutError:
                return []
            finally:
                self._polling.clear()
        return list(itertools.islice(self._pending, params.get("limit", 100)))

    def _message(self, params: JSON, message_id: int) -> JSON:
        """The Message a sendMessage or editMessageText call makes (HTML left unparsed)."""
        chat_id = params["chat_id"]
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": self._chats.get(chat_id, {"id": chat_id, "type": "private"}),
            "from": BOT_USER,
            "text": params["text"],
        }
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
        return message

    def _reply(self, key: tuple[str, int | str], reply: JSON, arrived: float) -> None:
        for update_id in self._awaiting_reply.pop(key, []):
            self._replied_at[update_id] = arrived
            if update_id in self._wanted:
                self._bodies[update_id] = reply
        self._replied.set()


async def _params(request: web.Request) -> JSON:
    """A call's parameters, from a JSON body or a form (whose values are all strings)."""
    if request.content_type == "application/json":
        params: JSON = await request.json()
        return params
    form = await request.post()
    params = {}
    for name, value in form.items():
        if not isinstance(value, str):
            continue  # an upload: no bot method measured sends one
        params[name] = (
            int(value)
            if name in _INT_PARAMS
            else json.loads(value)
            if name in _JSON_PARAMS
            else value
        )
    return params
