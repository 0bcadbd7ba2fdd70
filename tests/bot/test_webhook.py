"""The webhook cannot be forged and costs an attacker's requests almost nothing.

Raw requests go over loopback sockets, so that the test controls every byte and when it is
sent (an HTTP client would send the body along with the headers).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import signal
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from celacbot.bot import webhook
from celacbot.bot.runner import running
from tests.bot.conftest import MakeSettings
from tests.bot.helpers import handled
from tests.bot.knowledge import CBERS_ANSWER
from tests.bot.processes import bot_environment, celacbot, clean_environment, finished
from tests.fakes.bot_api import DEFAULT_USER_ID, TEST_TOKEN, FakeBotAPI, free_port

PATH = "/telegram/hook"
MARKER = "BODY-MARKER-that-no-log-line-may-hold"
STALL_SECONDS = 0.3


@dataclass(frozen=True)
class Hook:
    """A bot serving a webhook: where, and the secret it gave Telegram."""

    port: int
    secret: str


def update(update_id: int, text: str = "What is CBERS?", user_id: int = DEFAULT_USER_ID) -> bytes:
    """A private message update as Telegram posts it."""
    user = {"id": user_id, "is_bot": False, "first_name": "Ana"}
    message = {
        "message_id": update_id,
        "date": 0,
        "chat": {"id": user_id, "type": "private", "first_name": "Ana"},
        "from": user,
        "text": text,
    }
    return json.dumps({"update_id": update_id, "message": message}).encode()


def head(
    length: int,
    *,
    secret: str | None = None,
    content_type: str = "application/json",
    path: str = PATH,
) -> bytes:
    """A POST's request line and headers."""
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", f"Content-Length: {length}"]
    lines.append(f"Content-Type: {content_type}")
    if secret is not None:
        lines.append(f"X-Telegram-Bot-Api-Secret-Token: {secret}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


async def status_of(reader: asyncio.StreamReader) -> int:
    """The status of the next answer on a connection (its head read, no body is sent)."""
    async with asyncio.timeout(10):
        answer = await reader.readuntil(b"\r\n\r\n")
    return int(answer.split(b" ", 2)[1])


async def closed(reader: asyncio.StreamReader) -> bool:
    """Whether the server closes the connection (within 10 s) without sending more."""
    with contextlib.suppress(ConnectionError):
        async with asyncio.timeout(10):
            return await reader.read() == b""
    return True


@contextlib.asynccontextmanager
async def connection(port: int) -> AsyncIterator[tuple[asyncio.StreamReader, asyncio.StreamWriter]]:
    """A loopback connection to the webhook, closed after the block."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        yield reader, writer
    finally:
        writer.close()


async def post(port: int, body: bytes, **headers: str) -> int:
    """POST a whole request on a new connection; the status answered."""
    async with connection(port) as (reader, writer):
        writer.write(head(len(body), **headers) + body)
        return await status_of(reader)


@pytest.fixture
def quick_timeouts() -> Iterator[None]:
    """Time-outs short enough to watch the bot apply them."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(webhook, "HEAD_TIMEOUT_SECONDS", STALL_SECONDS)
        patch.setattr(webhook, "BODY_TIMEOUT_SECONDS", STALL_SECONDS)
        yield


@pytest.fixture
def few_connections() -> Iterator[None]:
    """A cap of 5 connections, quickly reached."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(webhook, "MAX_CONNECTIONS", 5)
        yield


@pytest.fixture
async def hook(fake_bot_api: FakeBotAPI, make_settings: MakeSettings) -> AsyncIterator[Hook]:
    """The bot on a webhook, without CELACBOT_WEBHOOK_SECRET."""
    port = free_port()
    settings = make_settings(
        CELACBOT_WEBHOOK_URL=f"http://127.0.0.1:{port}{PATH}", CELACBOT_PORT=port
    )
    async with running(settings) as application:
        secret = fake_bot_api.requests("setWebhook")[-1].params["secret_token"]
        yield Hook(port, secret)
        await handled(fake_bot_api, application)


async def test_without_a_configured_secret_telegram_gets_a_strong_random_one(
    fake_bot_api: FakeBotAPI, hook: Hook
) -> None:
    forged = [
        await post(hook.port, update(1, user_id=1)),
        await post(hook.port, update(2, user_id=2), secret="wrong-secret-of-16"),
        await post(hook.port, update(3, user_id=3), secret=""),
    ]
    real = await fake_bot_api.wait_for_reply(fake_bot_api.send_message("What is CBERS?"))

    assert len(hook.secret) >= 40
    assert forged == [403, 403, 403]
    assert [fake_bot_api.messages_to(user) for user in (1, 2, 3)] == [[], [], []]
    assert real["text"] == CBERS_ANSWER


async def test_the_secret_is_checked_before_a_byte_of_the_body_is_read(hook: Hook) -> None:
    async with connection(hook.port) as (reader, writer):
        # Ten megabytes announced, none sent: the answer cannot wait for them.
        writer.write(head(10_000_000))
        status = await status_of(reader)
        is_closed = await closed(reader)

    assert (status, is_closed) == (403, True)


async def test_a_body_over_one_megabyte_is_refused_before_it_is_read(hook: Hook) -> None:
    async with connection(hook.port) as (reader, writer):
        writer.write(head(webhook.MAX_BODY_BYTES + 1, secret=hook.secret))
        status = await status_of(reader)

    assert status == 413


async def test_malformed_json_gets_400_and_the_connection_serves_the_next_update(
    fake_bot_api: FakeBotAPI, hook: Hook
) -> None:
    async with connection(hook.port) as (reader, writer):
        bad = b'{"update_id": 5, "message": '
        writer.write(head(len(bad), secret=hook.secret) + bad)
        first = await status_of(reader)
        good = update(6)
        writer.write(head(len(good), secret=hook.secret) + good)
        second = await status_of(reader)
    not_an_update = await post(hook.port, b'{"text": "hi"}', secret=hook.secret)

    assert (first, second, not_an_update) == (400, 200, 400)
    reply = await fake_bot_api.wait_for_request("sendMessage")
    assert reply.params["text"] == CBERS_ANSWER


async def test_json_with_a_charset_is_accepted_and_another_type_is_not(hook: Hook) -> None:
    with_charset = await post(
        hook.port, update(7), secret=hook.secret, content_type="application/json; charset=utf-8"
    )
    form = await post(
        hook.port, b"update_id=8", secret=hook.secret, content_type="application/x-www-form"
    )

    assert (with_charset, form) == (200, 415)


@pytest.mark.usefixtures("quick_timeouts")
async def test_a_stalled_request_is_cut_off_after_the_time_outs(hook: Hook) -> None:
    async with connection(hook.port) as (reader, writer):
        writer.write(b"POST /telegram/hook HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        head_cut = await closed(reader)
    async with connection(hook.port) as (reader, writer):
        writer.write(head(100, secret=hook.secret) + b'{"update_id"')
        body_status = await status_of(reader)
    async with connection(hook.port) as (reader, _writer):
        idle_cut = await closed(reader)

    assert (head_cut, body_status, idle_cut) == (True, 408, True)


@pytest.mark.usefixtures("few_connections")
async def test_connections_beyond_the_cap_are_closed_at_once_and_logged_in_one_line(
    fake_bot_api: FakeBotAPI, hook: Hook, caplog: pytest.LogCaptureFixture
) -> None:
    async with contextlib.AsyncExitStack() as stack:
        held = [await stack.enter_async_context(connection(hook.port)) for _ in range(5)]
        for _reader, writer in held:
            writer.write(b"POST /telegram/hook HTTP/1.1\r\n")
        async with connection(hook.port) as (reader, _writer):
            sixth_closed = await closed(reader)
    real = await fake_bot_api.wait_for_reply(fake_bot_api.send_message("What is CBERS?"))

    assert sixth_closed
    refusals = [r.getMessage() for r in caplog.records if r.name == "celacbot.bot.webhook"]
    assert len(refusals) == 1
    assert refusals[0].startswith("Webhook refused 127.0.0.1:")
    assert refusals[0].endswith(": 503 connection closed: 5 already open")
    assert real["text"] == CBERS_ANSWER


async def test_a_refused_request_is_one_short_log_line_without_headers_or_body(
    hook: Hook, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    body = json.dumps({"update_id": 9, "text": MARKER * 1000}).encode()
    statuses = [
        await post(hook.port, body, secret=MARKER),
        await post(hook.port, body, secret=MARKER),
    ]

    assert statuses == [403, 403]
    lines = [r.getMessage() for r in caplog.records if r.name == "celacbot.bot.webhook"]
    # The second refusal within the second is counted in the next line, not logged.
    assert len(lines) == 1
    assert lines[0].endswith(": 403 missing or wrong secret token")
    assert len(lines[0]) < 100
    assert all(MARKER not in record.getMessage() for record in caplog.records)


def resident_kilobytes(pid: int) -> int:
    """The process's resident set size (Linux)."""
    status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    line = next(line for line in status.splitlines() if line.startswith("VmRSS:"))
    return int(line.split()[1])


async def send_unauthenticated(port: int, size: int) -> int | None:
    """POST `size` bytes without the secret, as fast as the bot takes them, reading the answer
    meanwhile; its status, if one came before the connection ended."""
    chunk = b"x" * 65536
    async with connection(port) as (reader, writer):
        answer = asyncio.create_task(status_of(reader))
        writer.write(head(size))
        with contextlib.suppress(ConnectionError):
            for _ in range(size // len(chunk)):
                writer.write(chunk)
                await writer.drain()
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
            return await answer
    return None


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
async def test_forty_concurrent_10_mb_forged_posts_barely_move_the_bots_memory(
    tmp_path: Path, fake_bot_api: FakeBotAPI, knowledge_path: Path
) -> None:
    port = free_port()
    env = bot_environment(
        fake_bot_api,
        knowledge_path,
        CELACBOT_WEBHOOK_URL=f"http://127.0.0.1:{port}{PATH}",
        CELACBOT_PORT=str(port),
    )

    async with celacbot("run", tmp_path, env) as process:
        await fake_bot_api.wait_for_request("setWebhook", timeout=30)
        await fake_bot_api.wait_for_reply(fake_bot_api.send_message("What is CBERS?"))
        before = resident_kilobytes(process.pid)
        statuses = await asyncio.gather(
            *(send_unauthenticated(port, 10_000_000) for _ in range(40))
        )
        after = resident_kilobytes(process.pid)
        process.send_signal(signal.SIGTERM)
        exit_status, _stdout, _stderr = await finished(process)

    # None: the client, still writing, saw the connection end before it read the 403.
    assert set(statuses) <= {403, None}
    assert after - before < 20_000
    assert exit_status == 0


async def test_a_webhook_bot_started_with_a_short_secret_says_so_in_one_line(
    tmp_path: Path,
) -> None:
    env = clean_environment(
        TELEGRAM_BOT_TOKEN=TEST_TOKEN,
        CELACBOT_WEBHOOK_URL="https://bot.example.org/hook",
        CELACBOT_WEBHOOK_SECRET="abc",
    )

    async with celacbot("run", tmp_path, env) as process:
        status, _stdout, stderr = await finished(process)

    assert status == 2
    assert stderr.count("\n") == 1
    assert stderr.startswith("celacbot run: invalid setting CELACBOT_WEBHOOK_SECRET: ")
