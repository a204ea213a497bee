"""Write protection and request limits.

The API is read-only unless the server was started with ``--allow-write``
*and* a token (``DETENTE_TOKEN``); a write then needs the header
``Authorization: Bearer <token>``. Request bodies larger than the setting
``max_body_bytes`` are refused with 413 before they are read in full.
"""

from __future__ import annotations

import hmac
import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .responses import ApiError, error_body


def check_write_access(
    authorization: str | None, *, allow_write: bool, token: str | None
) -> None:
    """Raise :class:`ApiError` unless a write is allowed for this request.

    Parameters
    ----------
    authorization:
        The request's ``Authorization`` header, if any.
    allow_write:
        Whether the server was started with ``--allow-write``.
    token:
        The token writes must present.

    Raises
    ------
    ApiError
        403 when the server is read-only, 401 when the bearer token is
        missing or wrong.
    """
    if not allow_write or not token:
        raise ApiError(
            403,
            "this server is read-only; restart it with `detente serve --allow-write` "
            "and DETENTE_TOKEN set to accept writes",
        )
    scheme, _, presented = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not presented.strip():
        raise ApiError(
            401,
            "missing bearer token; send the header `Authorization: Bearer <DETENTE_TOKEN>`",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(presented.strip().encode(), token.encode()):
        raise ApiError(
            401,
            "wrong bearer token; send the value of DETENTE_TOKEN the server was started with",
            headers={"WWW-Authenticate": "Bearer"},
        )


class BodySizeLimit:
    """ASGI middleware: refuse request bodies over ``max_bytes`` with 413.

    Checks ``Content-Length`` first, then counts streamed chunks, so a client
    that lies about (or omits) the length cannot make the server buffer more.
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > self.max_bytes:
                    await self._refuse(send, declared)
                    return
        received = 0
        response_started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _BodyTooLarge(received)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLarge as e:
            if not response_started:
                await self._refuse(send, e.size)

    async def _refuse(self, send: Send, size: int) -> None:
        message = (
            f"request body of {size} bytes is larger than max_body_bytes="
            f"{self.max_bytes}; send a smaller document or raise DETENTE_MAX_BODY_BYTES"
        )
        body = json.dumps(error_body(413, message)).encode()
        headers: list[Any] = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class _BodyTooLarge(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size
