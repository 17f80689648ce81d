"""Gzip NiceGUI's versioned files once, not once per phone.

Starlette's GZipMiddleware compresses every response again, at level 9. A phone that opens the join page cold
fetches about 1.1 MB of NiceGUI's files (Quasar, Vue, their CSS, socket.io, ...; 0.3 MB gzipped), and the
server's CPU per cold visit was 118-123 ms; with each file gzipped once and kept in memory it is 48-56 ms
(bench/join_weight.py, "server CPU per cold visit", 3 runs each, alternated). At the start of an evening about
200 phones arrive within minutes on a 2-core laptop: about 14 s of CPU saved then.

Only files that cannot change while the server runs are kept: NiceGUI's own files under its version,
/_nicegui/<version>/{static,components,libraries}/, which it also sends as "immutable" for a year (component
and library paths carry a hash too). Not kept: /_nicegui/<version>/resources/ and /esm/ (they may point into
app folders), dynamic resources, and our /wd-static/ (its version is only in the query, the file on disk may
change, and it is cached for a day, not forever).
"""

from __future__ import annotations

from dataclasses import dataclass

from nicegui.version import __version__
from starlette.datastructures import Headers
from starlette.middleware.gzip import GZipMiddleware, GZipResponder
from starlette.types import ASGIApp, Message, Receive, Scope, Send

KEPT_PREFIXES = tuple(f"/_nicegui/{__version__}/{part}/" for part in ("static", "components", "libraries"))
MAX_KEPT_BYTES = 8 * 1024 * 1024  # the join page needs about 0.4 MB of it
# A request that asks for part of a file or only for a change gets Starlette's own answer.
CONDITIONAL_HEADERS = ("range", "if-range", "if-none-match", "if-modified-since", "if-match", "if-unmodified-since")


@dataclass(frozen=True)
class GzippedFile:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class GZipOnceMiddleware(GZipMiddleware):
    """Starlette's GZipMiddleware, except that a gzipped 200 response for one of NiceGUI's versioned files is
    kept in memory (up to `max_kept_bytes` in all) and sent again as it is to the next phone that accepts gzip.

    The first answer for a file is Starlette's own; what it sent is kept. Two first requests at the same time
    both compress, and the first to finish is kept: both answers are correct.
    """

    def __init__(self, app: ASGIApp, minimum_size: int = 500, compresslevel: int = 9, *,
                 kept_prefixes: tuple[str, ...] = KEPT_PREFIXES, max_kept_bytes: int = MAX_KEPT_BYTES,
                 **kwargs) -> None:
        super().__init__(app, minimum_size, compresslevel, **kwargs)
        self.kept_prefixes = kept_prefixes
        self.max_kept_bytes = max_kept_bytes
        self.kept: dict[str, GzippedFile] = {}
        self.kept_bytes = 0

    def may_keep(self, scope: Scope) -> bool:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(self.kept_prefixes):
            return False
        headers = Headers(scope=scope)
        return "gzip" in headers.get("accept-encoding", "") and not any(h in headers for h in CONDITIONAL_HEADERS)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self.may_keep(scope):
            await super().__call__(scope, receive, send)
            return
        path = scope["path"]
        kept = self.kept.get(path)
        if kept is not None:
            await send({"type": "http.response.start", "status": kept.status, "headers": list(kept.headers)})
            await send({"type": "http.response.body", "body": kept.body})
            return
        sent: list[Message] = []

        async def send_and_record(message: Message) -> None:
            # A copy: outer middlewares change the headers' list in place after it has been sent.
            sent.append({**message, "headers": list(message["headers"])} if "headers" in message else message)
            await send(message)

        await GZipResponder(self.app, self.minimum_size, compresslevel=self.compresslevel,
                            thread_minimum_size=self.thread_minimum_size,
                            exclude_content_types=self.exclude_content_types)(scope, receive, send_and_record)
        gzipped = complete_gzipped_file(sent)
        if gzipped is not None and path not in self.kept \
                and self.kept_bytes + len(gzipped.body) <= self.max_kept_bytes:
            self.kept[path] = gzipped
            self.kept_bytes += len(gzipped.body)


def complete_gzipped_file(sent: list[Message]) -> GzippedFile | None:
    """What was sent, if it is a whole gzipped 200 response that sets no cookie; else None."""
    if not sent or sent[0]["type"] != "http.response.start" or sent[0]["status"] != 200 \
            or sent[0].get("trailers", False):
        return None
    bodies = sent[1:]
    if not bodies or any(m["type"] != "http.response.body" for m in bodies) or bodies[-1].get("more_body", False):
        return None  # a file sent by path, trailers, or a client that left before the end
    headers = Headers(raw=sent[0]["headers"])
    if headers.get("content-encoding") != "gzip" or "set-cookie" in headers or "content-range" in headers:
        return None
    body = b"".join(m.get("body", b"") for m in bodies)
    raw = [(k, v) for k, v in sent[0]["headers"] if k.lower() not in (b"content-length", b"transfer-encoding")]
    return GzippedFile(200, [*raw, (b"content-length", str(len(body)).encode("latin-1"))], body)
