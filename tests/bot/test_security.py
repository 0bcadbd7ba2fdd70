"""Secrets stay secret, webhook updates must carry the secret, nothing is ever evaluated."""

from __future__ import annotations

import re
import signal
from pathlib import Path

from celacbot.bot.runner import running
from tests.bot.conftest import MakeSettings
from tests.bot.helpers import handled
from tests.bot.knowledge import CBERS_ANSWER
from tests.bot.processes import bot_environment, celacbot, finished
from tests.fakes.bot_api import DEFAULT_USER_ID, TEST_TOKEN, FakeBotAPI, free_port

SRC = Path(__file__).resolve().parents[2] / "src"
WEBHOOK_SECRET = "webhook-secret_2"
# Ways to run text as code or to load YAML into arbitrary objects.
UNSAFE_CALLS = re.compile(
    r"\b(?:yaml\.(?:load|unsafe_load|full_load|load_all|unsafe_load_all)|eval|exec|"
    r"pickle\.loads?|marshal\.loads?|__import__)\("
)


def _message_update(update_id: int, text: str) -> dict[str, object]:
    user = {"id": DEFAULT_USER_ID, "is_bot": False, "first_name": "Ana"}
    return {
        "update_id": update_id,
        "message": {
            "message_id": 1,
            "date": 0,
            "chat": {"id": DEFAULT_USER_ID, "type": "private", "first_name": "Ana"},
            "from": user,
            "text": text,
        },
    }


async def test_webhook_refuses_updates_without_the_secret_and_answers_real_ones(
    fake_bot_api: FakeBotAPI, make_settings: MakeSettings
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    settings = make_settings(
        CELACBOT_WEBHOOK_URL=url, CELACBOT_PORT=port, CELACBOT_WEBHOOK_SECRET=WEBHOOK_SECRET
    )

    async with running(settings) as application:
        forged = [
            await fake_bot_api.post_webhook_update(url, _message_update(900, "What is CBERS?")),
            await fake_bot_api.post_webhook_update(
                url, _message_update(901, "What is CBERS?"), secret_token="wrong-secret"
            ),
        ]
        await handled(fake_bot_api, application)
        refused_replies = fake_bot_api.requests("sendMessage")
        reply = await fake_bot_api.wait_for_reply(
            fake_bot_api.send_message("What is CBERS?"), timeout=10
        )

    assert forged == [403, 403]
    assert refused_replies == []
    assert reply["text"] == CBERS_ANSWER
    assert fake_bot_api.webhook_url == url


async def test_token_is_in_no_output_of_a_debug_run_with_network_errors(
    tmp_path: Path, fake_bot_api: FakeBotAPI, knowledge_path: Path
) -> None:
    env = bot_environment(
        fake_bot_api, knowledge_path, CELACBOT_LOG_LEVEL="DEBUG", CELACBOT_POLL_TIMEOUT="1"
    )
    fake_bot_api.inject_fault("getMe", status=502)
    fake_bot_api.inject_fault("getUpdates", status=502)
    fake_bot_api.inject_fault("sendMessage", status=500)

    async with celacbot("run", tmp_path, env) as process:
        apology = await fake_bot_api.wait_for_reply(
            fake_bot_api.send_message("What is CBERS?"), timeout=30
        )
        process.send_signal(signal.SIGTERM)
        status, stdout, stderr = await finished(process)

    output = stdout + stderr
    assert status == 0
    assert apology["text"].startswith("Sorry")
    assert "Bad Gateway" in output
    assert "Internal Server Error" in output
    assert TEST_TOKEN not in output
    assert TEST_TOKEN.split(":")[1] not in output


def test_no_source_file_evaluates_text_or_loads_yaml_unsafely() -> None:
    offending = [
        f"{path.relative_to(SRC)}:{number}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if UNSAFE_CALLS.search(line)
    ]

    assert offending == []
