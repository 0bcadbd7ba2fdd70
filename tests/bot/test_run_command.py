"""`celacbot run` as a user starts it: exit statuses, one-line errors, signals, webhook mode."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.bot.knowledge import CBERS_ANSWER
from tests.bot.processes import (
    answered_then_stopped,
    bot_environment,
    celacbot,
    clean_environment,
    finished,
)
from tests.fakes.bot_api import TEST_TOKEN, FakeBotAPI, free_port


async def test_missing_token_is_one_line_naming_the_setting_and_exit_2(tmp_path: Path) -> None:
    async with celacbot("run", tmp_path, clean_environment()) as process:
        status, stdout, stderr = await finished(process)

    assert (status, stdout) == (2, "")
    assert stderr.count("\n") == 1
    assert "TELEGRAM_BOT_TOKEN is not set" in stderr
    assert "@BotFather" in stderr


async def test_invalid_setting_is_one_line_naming_it_and_exit_2(tmp_path: Path) -> None:
    env = clean_environment(TELEGRAM_BOT_TOKEN=TEST_TOKEN, CELACBOT_PORT="eighty")

    async with celacbot("run", tmp_path, env) as process:
        status, _stdout, stderr = await finished(process)

    assert status == 2
    assert stderr.startswith("celacbot run: invalid setting CELACBOT_PORT: ")
    assert stderr.count("\n") == 1


async def test_rejected_token_is_one_line_and_exit_1(
    tmp_path: Path, fake_bot_api: FakeBotAPI, knowledge_path: Path
) -> None:
    wrong = "999999:wrong-token-abcdefghijklmnopqrstuvwxyz"
    env = clean_environment(
        TELEGRAM_BOT_TOKEN=wrong,
        TELEGRAM_API_BASE_URL=fake_bot_api.base_url,
        CELACBOT_KNOWLEDGE=str(knowledge_path),
    )

    async with celacbot("run", tmp_path, env) as process:
        status, stdout, stderr = await finished(process)

    assert (status, stdout) == (1, "")
    assert stderr.count("\n") == 1
    assert stderr.startswith("celacbot run: Telegram rejected TELEGRAM_BOT_TOKEN.")
    assert "wrong-token" not in stderr


async def test_unreachable_bot_api_is_one_line_and_exit_1(tmp_path: Path) -> None:
    base_url = f"http://127.0.0.1:{free_port()}/bot"
    env = clean_environment(
        TELEGRAM_BOT_TOKEN=TEST_TOKEN,
        TELEGRAM_API_BASE_URL=base_url,
        CELACBOT_BOOTSTRAP_RETRIES="0",
    )

    async with celacbot("run", tmp_path, env) as process:
        status, stdout, stderr = await finished(process)

    assert (status, stdout) == (1, "")
    assert stderr.count("\n") == 1
    assert stderr.startswith(f"celacbot run: cannot reach the Bot API at {base_url}: ")
    assert TEST_TOKEN not in stderr


async def test_broken_knowledge_file_is_reported_with_lines_and_exit_1(
    tmp_path: Path, fake_bot_api: FakeBotAPI
) -> None:
    broken = tmp_path / "faq.yaml"
    broken.write_text("version: 1\nsource: [unclosed\n", encoding="utf-8")
    env = bot_environment(fake_bot_api, broken)

    async with celacbot("run", tmp_path, env) as process:
        status, _stdout, stderr = await finished(process)

    assert status == 1
    assert "faq.yaml:" in stderr
    assert "Traceback" not in stderr


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
async def test_polling_bot_answers_and_stops_cleanly_on_a_signal(
    tmp_path: Path, fake_bot_api: FakeBotAPI, knowledge_path: Path, stop_signal: signal.Signals
) -> None:
    env = bot_environment(
        fake_bot_api, knowledge_path, CELACBOT_LOG_LEVEL="DEBUG", CELACBOT_POLL_TIMEOUT="1"
    )

    async with celacbot("run", tmp_path, env) as process:
        reply, status, stderr = await answered_then_stopped(fake_bot_api, process, stop_signal)

    assert reply["text"] == CBERS_ANSWER
    assert status == 0
    assert "Traceback" not in stderr
    assert "Serving by long polling" in stderr
    assert f"Writing the question log to {tmp_path / 'data' / 'celacbot.sqlite3'}\n" in stderr
    assert TEST_TOKEN not in stderr


async def test_webhook_mode_sets_the_webhook_with_its_secret_and_answers(
    tmp_path: Path, fake_bot_api: FakeBotAPI, knowledge_path: Path
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram/hook"
    env = bot_environment(
        fake_bot_api,
        knowledge_path,
        CELACBOT_WEBHOOK_URL=url,
        CELACBOT_WEBHOOK_SECRET="webhook-secret_1",
        CELACBOT_LISTEN="127.0.0.1",
        CELACBOT_PORT=str(port),
    )

    async with celacbot("run", tmp_path, env) as process:
        set_webhook = await fake_bot_api.wait_for_request("setWebhook", timeout=30)
        reply = await fake_bot_api.wait_for_reply(
            fake_bot_api.send_message("What is CBERS?"), timeout=15
        )
        rejected = await fake_bot_api.post_webhook_update(
            url, {"update_id": 10**6}, secret_token="wrong"
        )
        process.send_signal(signal.SIGTERM)
        status, _stdout, stderr = await finished(process)

    assert (set_webhook.params["url"], set_webhook.params["secret_token"]) == (
        url,
        "webhook-secret_1",
    )
    assert reply["text"] == CBERS_ANSWER
    assert rejected == 403
    assert status == 0
    assert "webhook-secret_1" not in stderr


async def test_start_without_a_token_says_so_in_one_line_and_opens_the_chat(
    tmp_path: Path, knowledge_path: Path
) -> None:
    env = clean_environment(CELACBOT_KNOWLEDGE=str(knowledge_path))

    async with celacbot("start", tmp_path, env) as process:
        status, stdout, stderr = await finished(process, "What is CBERS?\nquit\n")

    assert status == 0
    assert stderr == (
        "No TELEGRAM_BOT_TOKEN set (get one from @BotFather), "
        "so here is the terminal chat instead.\n"
    )
    assert "It has developed six Earth resource satellites." in stdout


async def test_start_with_a_token_runs_the_bot(
    tmp_path: Path, fake_bot_api: FakeBotAPI, knowledge_path: Path
) -> None:
    env = bot_environment(fake_bot_api, knowledge_path, CELACBOT_POLL_TIMEOUT="1")

    async with celacbot("start", tmp_path, env) as process:
        reply, status, _stderr = await answered_then_stopped(fake_bot_api, process)

    assert (reply["text"], status) == (CBERS_ANSWER, 0)
