"""The webhook's HTTP server: Telegram POSTs each update to it, and nobody else gets in.

Contract:
- Only a POST to the webhook URL's path with X-Telegram-Bot-Api-Secret-Token equal to the
  secret gets past its headers (403 otherwise; 404 for another path, 405 for another method).
  The secret is compared in constant time and checked before a byte of the body is read: a
  request without it costs the bot its headers only.
- The head (request line and headers) is at most MAX_HEAD_BYTES (431). The body needs a
  Content-Length (411; a chunked body gets 501) of at most MAX_BODY_BYTES (413), the type
  application/json, parameters such as charset allowed (415), and must be a JSON object that
  is an update (400).
- A request refused before its body was read closes the connection, after the server has read
  and dropped at most LINGER_BYTES more for at most LINGER_SECONDS, so that the client gets
  the answer rather than a reset connection.
- 200 only once Delivery.deliver() has journaled the update (or found it journaled already);
  503 when it cannot (the journal fails, the bot has no room for ROOM_WAIT_SECONDS, or it is
  stopping): Telegram keeps the update and sends it again later.
- Time-outs: a request's head must arrive within HEAD_TIMEOUT_SECONDS of the connection opening
  or of the previous answer (an idle keep-alive connection is closed then too), and its body
  within BODY_TIMEOUT_SECONDS more. At most MAX_CONNECTIONS connections at once; the server
  closes any more at once.
- A refused request or connection is logged in one short line (peer, status, reason), never
  its headers or body; at most one line a second, which counts the refusals it did not log.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import time
from http import HTTPStatus
from typing import Any, cast

from telegram import Bot, Update

from celacbot.bot.delivery import Delivery, Stopping
from celacbot.bot.journal import JournalError

_LOGGER = logging.getLogger(__name__)

SECRET_HEADER = "x-telegram-bot-api-secret-token"  # noqa: S105 - a name, not a secret
MAX_HEAD_BYTES = 8 * 1024
# Telegram's updates are a few kilobytes; a message is at most 4,096 characters.
MAX_BODY_BYTES = 1024 * 1024
HEAD_TIMEOUT_SECONDS = 10.0
BODY_TIMEOUT_SECONDS = 10.0
ROOM_WAIT_SECONDS = 10.0
# After refusing a request whose body it did not read: how long, and how much of that body,
# the server reads and drops so that the client gets the answer.
LINGER_SECONDS = 2.0
LINGER_BYTES = 1024 * 1024
# setWebhook's max_connections (Telegram's default) leaves room below MAX_CONNECTIONS for
# connections Telegram has not closed yet.
TELEGRAM_CONNECTIONS = 40
MAX_CONNECTIONS = 100


class _Refused(Exception):
    """A request the server answers with an error status (and maybe closes after)."""

    def __init__(self, status: HTTPStatus, reason: str, *, close: bool = True) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.close = close


class _RefusalLog:
    """At most one line a second, counting the refusals left out."""

    def __init__(self) -> None:
        self._next = 0.0
        self._skipped = 0

    def log(self, peer: str, status: int, reason: str) -> None:
        now = time.monotonic()
        if now < self._next:
            self._skipped += 1
            return
        self._next = now + 1.0
        more = f" ({self._skipped} more refused since the last line)" if self._skipped else ""
        self._skipped = 0
        _LOGGER.warning("Webhook refused %s: %d %s%s", peer, status, reason, more)


def _parse_head(head: bytes) -> tuple[str, str, str, dict[str, str]]:
    """Method, path, HTTP version and lower-cased headers of a request's head."""
    lines = head.decode("latin-1").lstrip("\r\n").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3 or parts[2] not in ("HTTP/1.1", "HTTP/1.0"):
        raise _Refused(HTTPStatus.BAD_REQUEST, "malformed request line")
    method, target, version = parts
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if not line:
            continue
        name, colon, value = line.partition(":")
        # No folded lines, no space before the colon: what proxies might read differently.
        if not colon or not name or name != name.strip() or line[0] in " \t":
            raise _Refused(HTTPStatus.BAD_REQUEST, "malformed header")
        name, value = name.lower(), value.strip()
        if headers.get(name, value) != value and name in ("content-length", SECRET_HEADER):
            raise _Refused(HTTPStatus.BAD_REQUEST, f"conflicting {name} headers")
        headers[name] = value
    return method, target.partition("?")[0], version, headers


def _answer(status: int, *, keep_alive: bool) -> bytes:
    connection = "keep-alive" if keep_alive else "close"
    phrase = HTTPStatus(status).phrase
    return (
        f"HTTP/1.1 {status} {phrase}\r\nContent-Length: 0\r\nConnection: {connection}\r\n\r\n"
    ).encode()


async def _linger(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Before closing: send the answer's end, then drop what the client still sends, for a
    moment. Closing with a body unread would reset the connection, which can destroy the
    answer before the client reads it."""
    with contextlib.suppress(OSError, RuntimeError):
        writer.write_eof()
    dropped = 0
    with contextlib.suppress(TimeoutError, ConnectionError):
        async with asyncio.timeout(LINGER_SECONDS):
            while dropped < LINGER_BYTES and (chunk := await reader.read(64 * 1024)):
                dropped += len(chunk)


class WebhookServer:
    """Serves `path` on a host and port, delivering the updates Telegram posts."""

    def __init__(self, delivery: Delivery, bot: Bot, *, path: str, secret: str) -> None:
        """Nothing listens until start()."""
        self._delivery = delivery
        self._bot = bot
        self._path = path
        self._secret = secret.encode()
        self._server: asyncio.Server | None = None
        self._connections: dict[asyncio.Task[Any], asyncio.StreamWriter] = {}
        self._busy: set[asyncio.Task[Any]] = set()
        self._refusals = _RefusalLog()

    async def start(self, host: str, port: int) -> None:
        """Listen; OSError when the address cannot be bound."""
        self._server = await asyncio.start_server(
            self._connection, host, port, limit=MAX_HEAD_BYTES
        )

    async def stop(self, grace: float) -> None:
        """Stop listening, close idle connections, and give requests in hand at most `grace`
        seconds (Delivery.stop_taking() first: a request waiting for room then gets 503)."""
        if self._server is not None:
            self._server.close()
        for task, writer in self._connections.items():
            if task not in self._busy:
                writer.transport.abort()
        if self._busy:
            await asyncio.wait(set(self._busy), timeout=max(grace, 0.0))
        for task, writer in self._connections.items():
            writer.transport.abort()
            task.cancel()
        if self._connections:
            await asyncio.wait(set(self._connections))

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """One client connection: its requests one after another, until it closes or idles."""
        peername = writer.get_extra_info("peername")
        peer = f"{peername[0]}:{peername[1]}" if isinstance(peername, tuple) else str(peername)
        if len(self._connections) >= MAX_CONNECTIONS:
            self._refusals.log(peer, 503, f"connection closed: {MAX_CONNECTIONS} already open")
            writer.transport.abort()
            return
        # asyncio.start_server runs each connection in a task.
        task = cast("asyncio.Task[Any]", asyncio.current_task())
        self._connections[task] = writer
        try:
            while await self._exchange(reader, writer, peer, task):
                pass
        except (ConnectionError, TimeoutError, asyncio.IncompleteReadError):
            pass  # the client went away, or stopped reading our answer
        except asyncio.CancelledError:
            # stop() ends it: asyncio's callback for this task would log the cancellation as
            # an error.
            pass
        finally:
            del self._connections[task]
            writer.transport.abort()

    async def _exchange(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        peer: str,
        task: asyncio.Task[Any],
    ) -> bool:
        """Read and answer one request; whether the connection stays open for another."""
        try:
            async with asyncio.timeout(HEAD_TIMEOUT_SECONDS):
                head = await reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, TimeoutError):
            return False  # closed, or idle too long: nothing to answer
        except asyncio.LimitOverrunError:
            head = None
        self._busy.add(task)
        unread = False  # a body left unread
        try:
            if head is None:
                raise _Refused(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers too large")
            keep_alive = await self._serve(head, reader, writer)
            status = HTTPStatus.OK
        except _Refused as refused:
            self._refusals.log(peer, refused.status, refused.reason)
            status, keep_alive, unread = refused.status, not refused.close, refused.close
        finally:
            self._busy.discard(task)
        writer.write(_answer(status, keep_alive=keep_alive))
        async with asyncio.timeout(HEAD_TIMEOUT_SECONDS):
            await writer.drain()
        if unread:
            await _linger(reader, writer)
        return keep_alive

    async def _serve(
        self, head: bytes, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> bool:
        """Check a request and deliver its update; whether to keep the connection open."""
        method, path, version, headers = _parse_head(head)
        keep_alive = version == "HTTP/1.1" and headers.get("connection", "").lower() != "close"
        if path != self._path:
            raise _Refused(HTTPStatus.NOT_FOUND, "unknown path")
        if method != "POST":
            raise _Refused(HTTPStatus.METHOD_NOT_ALLOWED, f"method {method[:16]!r}")
        if not hmac.compare_digest(headers.get(SECRET_HEADER, "").encode(), self._secret):
            raise _Refused(HTTPStatus.FORBIDDEN, "missing or wrong secret token")
        length = self._body_length(headers)
        if headers.get("expect", "").lower() == "100-continue":
            writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        try:
            async with asyncio.timeout(BODY_TIMEOUT_SECONDS):
                body = await reader.readexactly(length)
        except TimeoutError:
            raise _Refused(HTTPStatus.REQUEST_TIMEOUT, "body not received in time") from None
        update = self._update(body)
        try:
            async with contextlib.AsyncExitStack() as room:
                # Only the wait for room is bounded: a journal write once started must end.
                async with asyncio.timeout(ROOM_WAIT_SECONDS):
                    await room.enter_async_context(self._delivery.room(1))
                await self._delivery.deliver([update])
        except Stopping:
            raise _Refused(HTTPStatus.SERVICE_UNAVAILABLE, "stopping", close=False) from None
        except TimeoutError:
            raise _Refused(HTTPStatus.SERVICE_UNAVAILABLE, "no room", close=False) from None
        except JournalError as error:
            raise _Refused(
                HTTPStatus.SERVICE_UNAVAILABLE, f"journal: {error}", close=False
            ) from None
        return keep_alive

    @staticmethod
    def _body_length(headers: dict[str, str]) -> int:
        if "transfer-encoding" in headers:
            raise _Refused(HTTPStatus.NOT_IMPLEMENTED, "only bodies with a Content-Length")
        raw = headers.get("content-length")
        if raw is None:
            raise _Refused(HTTPStatus.LENGTH_REQUIRED, "no Content-Length")
        if not raw.isdigit() or not raw.isascii():
            raise _Refused(HTTPStatus.BAD_REQUEST, "malformed Content-Length")
        length = int(raw)
        if length > MAX_BODY_BYTES:
            raise _Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"body of {length} bytes")
        media_type = headers.get("content-type", "").partition(";")[0].strip().lower()
        if media_type != "application/json":
            raise _Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"type {media_type[:40]!r}")
        return length

    def _update(self, body: bytes) -> Update:
        try:
            data = json.loads(body)
        except ValueError:  # also bad UTF-8
            raise _Refused(HTTPStatus.BAD_REQUEST, "malformed JSON", close=False) from None
        update_id = data.get("update_id") if isinstance(data, dict) else None
        if not isinstance(update_id, int) or isinstance(update_id, bool):
            raise _Refused(HTTPStatus.BAD_REQUEST, "not an update", close=False)
        try:
            return Update.de_json(data, self._bot)
        except Exception:  # PTB's parsers raise assorted errors on ill-formed objects
            raise _Refused(HTTPStatus.BAD_REQUEST, "not an update", close=False) from None


__all__ = ["MAX_BODY_BYTES", "TELEGRAM_CONNECTIONS", "WebhookServer"]
