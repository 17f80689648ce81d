"""The page for an address that tried too often: HTTP 429, small, in the visitor's language.

It is plain HTML rather than a NiceGUI page: no socket connects (the page deletes its NiceGUI client),
and a guesser who keeps knocking gets a few hundred bytes instead of the whole page.
"""

from __future__ import annotations

import html

from starlette.requests import Request
from starlette.responses import HTMLResponse

from ..i18n import CATALOGS, RIGHT_TO_LEFT, t

RETRY_AFTER_SECONDS = 60  # the limits count over one minute


def preferred_language(accept_language: str | None, default: str) -> str:
    """The first language of Accept-Language (by its q weight) that we speak, else the app's default."""
    choices: list[tuple[float, int, str]] = []
    for index, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        primary = tag.strip().split("-")[0].lower()
        if primary in CATALOGS and weight > 0:
            choices.append((-weight, index, primary))
    return min(choices)[2] if choices else default


def too_many_tries(request: Request, default_lang: str) -> HTMLResponse:
    lang = preferred_language(request.headers.get("accept-language"), default_lang)
    title, message = html.escape(t(lang, "refused.title")), html.escape(t(lang, "refused.body"))
    page = (
        f'<!doctype html><html lang="{lang}" dir="{"rtl" if lang in RIGHT_TO_LEFT else "ltr"}">'
        '<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>body{{font-family:system-ui,sans-serif;margin:0;padding:2rem 1.25rem;"
        "color:#1d2b2a;background:#f7f5ef;line-height:1.5}main{max-width:32rem;margin:auto}"
        "h1{font-size:1.6rem;color:#0b5a57}p{font-size:1.15rem}</style></head>"
        f"<body><main><h1>{title}</h1><p>{message}</p></main></body></html>"
    )
    return HTMLResponse(page, status_code=429, headers={"Retry-After": str(RETRY_AFTER_SECONDS),
                                                        "Cache-Control": "no-store"})
