"""The review server: Starlette on 127.0.0.1, read-only apart from the corrections file.

It answers only requests whose Host header is its own (127.0.0.1:PORT or localhost:PORT), so a web
page elsewhere cannot reach it through DNS rebinding; decisions are accepted only as JSON.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

from ..taxonomy import Taxonomy
from .corrections import Corrections, corrections_path
from .view import load_view, render_page

MAX_BODY = 20_000  # bytes of a decision request


def create_app(out: Path, tax: Taxonomy, port: int) -> Any:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
    from starlette.routing import Route

    corrections = Corrections(corrections_path(out))
    allowed = {f"127.0.0.1:{port}", f"localhost:{port}"}

    cache: dict[str, Any] = {"stat": None, "papers": [], "failed": []}

    def read() -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
        """The results file's papers, read again only when the file changed (size or time): a 50,000-record
        file took 4 s a request when every decision re-read and re-sorted it."""
        st = out.stat()  # FileNotFoundError when it is gone
        stamp = (st.st_mtime_ns, st.st_size, st.st_ino)
        if cache["stat"] != stamp:
            papers, failed = load_view(out, tax, {})
            cache.update(stat=stamp, papers=papers, failed=failed)
        return cache["papers"], cache["failed"]

    def papers() -> list[dict[str, Any]]:
        decided = corrections.load()
        return [{**p, "decision": decided.get(p["item"])} for p in read()[0]]

    def gone() -> Response:
        return PlainTextResponse(f"{out.name} is gone (moved or deleted): restart rltaxo review", status_code=410)

    async def page(request: Request) -> Response:
        try:
            return HTMLResponse(render_page(papers(), tax, title=out.name, editable=True, failed=read()[1]))
        except OSError:
            return gone()

    async def listing(request: Request) -> Response:
        try:
            return JSONResponse({"papers": papers()})
        except OSError:
            return gone()

    async def body_of(request: Request) -> Any:
        """The JSON body, at most MAX_BODY bytes (a decision is a few hundred)."""
        if int(request.headers.get("content-length") or 0) > MAX_BODY:
            raise ValueError("too large")
        data = b""
        async for chunk in request.stream():
            data += chunk
            if len(data) > MAX_BODY:
                raise ValueError("too large")
        return json.loads(data)

    async def decide(request: Request) -> Response:
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return PlainTextResponse("decisions are JSON", status_code=415)
        try:
            body = await body_of(request)
            item, leaf, note = str(body["item"])[:200], str(body["leaf"])[:200], str(body.get("note") or "")[:2000]
        except (ValueError, KeyError, TypeError):
            return PlainTextResponse(f"expected {{item, leaf, note}} in at most {MAX_BODY} bytes", status_code=400)
        if not tax.is_label(leaf):
            return PlainTextResponse(f"not a leaf of {tax.name}", status_code=400)
        try:
            paper = next((p for p in read()[0] if p["item"] == item), None)
        except OSError:
            return gone()
        if paper is None:
            return PlainTextResponse("no labeled paper with that item", status_code=404)
        return JSONResponse(corrections.append(paper, leaf, note))

    async def undo(request: Request) -> Response:
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return PlainTextResponse("undo requests are JSON", status_code=415)
        try:
            item = str((await body_of(request))["item"])[:200]
        except (ValueError, KeyError, TypeError):
            return PlainTextResponse(f"expected {{item}} in at most {MAX_BODY} bytes", status_code=400)
        if item not in corrections.load():
            return PlainTextResponse("no decision on that item to undo", status_code=404)
        return JSONResponse(corrections.undo(item))

    app = Starlette(routes=[Route("/", page), Route("/api/papers", listing),
                            Route("/api/decisions", decide, methods=["POST"]),
                            Route("/api/undo", undo, methods=["POST"])])  # fmt: skip

    class HostCheck:
        """Refuse any request not addressed to this server by name and port (DNS rebinding)."""

        def __init__(self, inner: Any) -> None:
            self.inner = inner

        async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
            if scope["type"] == "http":
                host = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
                if host not in allowed:
                    await PlainTextResponse("unknown host", status_code=421)(scope, receive, send)
                    return
            await self.inner(scope, receive, send)

    return HostCheck(app)


def bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1 (port 0: a free one), bound before the server starts."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(64)
    return sock


def serve(out: Path, tax: Taxonomy, sock: socket.socket) -> None:
    import uvicorn

    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(out, tax, port), log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])
