"""The join form (pages/join_form.py) is a plain HTML page: tests drive it as a phone's browser does.

They load it, post its steps with the user's own HTTP client (so the signed session cookie, and with it the
phone's device token, is the one `user.open` uses afterwards), and read what the page says.
"""

from __future__ import annotations

import html
import re

import httpx
from nicegui.testing import User


def form_path(code: str, query: str = "") -> str:
    return f"/join/{code}" + (f"?{query}" if query else "")


async def open_form(user: User, code: str, query: str = "") -> httpx.Response:
    """What a visitor's browser gets for the join link before they have joined."""
    response = await user.http_client.get(form_path(code, query))
    assert response.status_code == 200 and 'name="name"' in response.text, response.text[:300]
    return response


async def post_step(user: User, code: str, step: str, name: str = "", role: str = "resident",
                    consent: bool = False, query: str = "", **headers: str) -> httpx.Response:
    """A tap on "Verder" (rules), "Ik doe mee" (join) or "Terug" (back), with what the form holds."""
    fields = {"name": name, "role": role, "step": step} | ({"consent": "1"} if consent else {})
    return await user.http_client.post(form_path(code, query), data=fields, headers=headers,
                                       follow_redirects=False)


def text_of(response: httpx.Response) -> str:
    """The page's visible words, tags dropped and entities decoded (as a person reads them)."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", response.text, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def error_of(response: httpx.Response) -> str:
    found = re.search(r'<p class="err" id="wd-error" role="alert">(.*?)</p>', response.text, flags=re.S)
    assert found is not None, "the form has no message area"
    return html.unescape(found.group(1))


def links_of(response: httpx.Response) -> dict[str, tuple[str, bool]]:
    """The language links: {code: (address, is it the current one)}."""
    return {code: (html.unescape(href), "aria-current" in rest)
            for href, code, rest in re.findall(r'<a href="([^"]+)" lang="([a-z]+)" hreflang="[a-z]+"([^>]*)>',
                                               response.text)}


async def join_by_form(user: User, code: str, name: str, *, role: str = "resident", consent: bool = False,
                       query: str = "") -> None:
    """Name, "Verder", the ground rules, "Ik doe mee": then the phone's view on the same address."""
    await open_form(user, code, query)
    rules = await post_step(user, code, "rules", name, role, consent, query)
    assert rules.status_code == 200 and 'data-step="two"' in rules.text, error_of(rules)
    joined = await post_step(user, code, "join", name, role, consent, query)
    assert joined.status_code == 303, error_of(joined)
    await user.open(joined.headers["location"])
