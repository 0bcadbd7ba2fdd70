"""The HTTP client of the bot's Bot API calls: PTB's, sending JSON instead of a form."""

from __future__ import annotations

import json
from typing import Any

import httpx
from telegram.error import NetworkError, TimedOut
from telegram.request import HTTPXRequest, RequestData

# A timeout the caller left to the client's own (PTB's DefaultValue, whose module is private).
_DefaultTimeout = type(HTTPXRequest.DEFAULT_NONE)
_JSON_HEADERS = {"User-Agent": HTTPXRequest.USER_AGENT, "Content-Type": "application/json"}


def _seconds(given: Any, default: float | None) -> float | None:
    return default if isinstance(given, _DefaultTimeout) else given


class JsonRequest(HTTPXRequest):
    """PTB's HTTPXRequest, with the calls that upload no file sent as a JSON body.

    PTB gives httpx the parameters as a form, which httpx encodes with urllib: a Python loop
    over every byte, 380 µs for ten inline results and 65 µs for an answer with its keyboard,
    against 21 µs and 8 µs for json.dumps (measured in process). The Bot API reads both.
    Uploads still go as PTB sends them.
    """

    async def do_request(  # noqa: PLR0917 - BaseRequest.do_request's own signature
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = HTTPXRequest.DEFAULT_NONE,
        write_timeout: Any = HTTPXRequest.DEFAULT_NONE,
        connect_timeout: Any = HTTPXRequest.DEFAULT_NONE,
        pool_timeout: Any = HTTPXRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Make the call as PTB's HTTPXRequest does, but with a JSON body when no file goes."""
        if request_data is None or request_data.contains_files:
            return await super().do_request(
                url,
                method,
                request_data,
                read_timeout=read_timeout,
                write_timeout=write_timeout,
                connect_timeout=connect_timeout,
                pool_timeout=pool_timeout,
            )
        # HTTPXRequest's own client (a private attribute, there since PTB 20): its pool,
        # timeouts and proxy, opened and closed by PTB. pyproject.toml pins PTB 22.
        client = self._client
        timeout = httpx.Timeout(
            connect=_seconds(connect_timeout, client.timeout.connect),
            read=_seconds(read_timeout, client.timeout.read),
            write=_seconds(write_timeout, client.timeout.write),
            pool=_seconds(pool_timeout, client.timeout.pool),
        )
        try:
            response = await client.request(
                method,
                url,
                headers=_JSON_HEADERS,
                content=json.dumps(request_data.parameters).encode(),
                timeout=timeout,
            )
        # The errors PTB's HTTPXRequest raises, so that its retries and back-off still apply.
        except httpx.PoolTimeout as error:
            raise TimedOut("Pool timeout: all connections in the pool are busy") from error
        except httpx.TimeoutException as error:
            raise TimedOut from error
        except httpx.HTTPError as error:
            raise NetworkError(f"httpx.{type(error).__name__}: {error}") from error
        return response.status_code, response.content
