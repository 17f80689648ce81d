"""The join form as one small HTML page: name, role and consent, then the ground rules and "Ik doe mee".

Phones join over a crowded hotspot. A NiceGUI page needs its scripts (about 300 kB) and an open socket
before a tap does anything: 4 s on "Fast 3G" (BENCHMARKS.md, issue 10). This page is about 6 kB of
HTML with its styles inside: it can be filled in after one round trip, works on an old phone without
scripts, and costs the server no NiceGUI client while someone types. Meanwhile the phone fetches the
phone view's scripts in the background (`prefetch`), so the view that follows "Ik doe mee" comes from the
cache.

The form posts to its own address; `phone.py` handles the post with the same checks as before (rate
limits, the name rules, the join itself) and sends the phone to its view. What is typed lives in the
form until "Ik doe mee": someone who has not joined gets nothing stored.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import nicegui
from nicegui import __version__ as nicegui_version
from nicegui import ui
from nicegui.dependencies import js_components
from starlette.responses import HTMLResponse

from rounds import Role
from rounds.model import MAX_NAME_CHARS

from ..i18n import RIGHT_TO_LEFT, ground_rules, role_label, t
from .phone_look import STATIC_URL, PhoneLook, language_links, static_version
from .phone_voice import rules_text

STEP_RULES, STEP_JOIN, STEP_BACK = "rules", "join", "back"  # what a form's button asks for
# Material's "format_size" icon, drawn inline: no icon font to download for one symbol.
LARGE_ICON = ('<svg aria-hidden="true" focusable="false" width="24" height="24" viewBox="0 0 24 24">'
              '<path fill="currentColor" d="M9 4v3h5v12h3V7h5V4H9zm-6 8h3v7h3v-7h3V9H3v3z"/></svg>')

STYLE = """
:root{--p:#0b5a57;--tx:#1b1b1b;--mu:#4a4a4a;--bg:#f7f4ee;--ln:#d9d3c7;--fl:#6f6f6f;--er:#a8071a}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--tx);font-size:18px;line-height:1.5;
font-family:system-ui,-apple-system,"Segoe UI","Helvetica Neue","Noto Sans","Liberation Sans",Arial,sans-serif}
main{max-width:40rem;margin:0 auto;padding:28px}
h1,h2{margin:0;line-height:1.2;font-weight:700;overflow-wrap:anywhere}h1{font-size:1.6rem}h2{font-size:1.3rem}
.mu{color:var(--mu)}.look{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:12px}
.look a,#wd-large{display:inline-flex;align-items:center;gap:8px;min-height:44px;min-width:44px;padding:4px 16px;
border:1px solid var(--p);border-radius:4px;color:var(--p);text-decoration:none}
#wd-large{width:100%;justify-content:center;font-size:1rem}a.wd-lang-on,#wd-large.on{background:var(--p);color:#fff}
form,.col{display:flex;flex-direction:column;gap:14px;margin-top:14px}
label{font-weight:600}.field{display:flex;flex-direction:column;gap:4px}
input[type=text],select{font:inherit;font-size:1.1rem;min-height:52px;padding:8px 12px;border:1px solid var(--fl);
border-radius:4px;background:#fff;color:var(--tx);width:100%;unicode-bidi:plaintext}
input[type=text]:focus,select:focus,button:focus-visible,a:focus-visible{outline:3px solid var(--p);outline-offset:2px}
.check{display:flex;align-items:center;gap:12px;min-height:44px;font-weight:400}
.check input{width:24px;height:24px;margin:0;accent-color:var(--p);flex:none}
button{font:inherit;min-height:44px;min-width:44px;border-radius:4px;cursor:pointer}
.go{background:var(--p);color:#fff;border:0;font-size:1.2rem;min-height:52px;box-shadow:0 1px 3px rgba(0,0,0,.3)}
.flat{background:none;border:0;color:var(--p);font-size:1rem}
.speak{display:none;align-self:flex-start;background:none;border:1px solid var(--p);color:var(--p);padding:4px 16px}
html.wd-voice-nl .speak-nl,html.wd-voice-en .speak-en,html.wd-voice-ar .speak-ar,html.wd-voice-tr .speak-tr,
html.wd-voice-pl .speak-pl{display:inline-flex}
.err{color:var(--er);font-weight:600;margin:0}.err:empty{display:none}
ul.rules{background:#fff;border:1px solid var(--ln);border-radius:12px;padding:14px 14px 14px 2.2rem;margin:0}
[dir=rtl] ul.rules{padding:14px 2.2rem 14px 14px}ul.rules li{margin:8px 0;font-size:1.125rem}
html.wd-large{font-size:125%}html.wd-large body{font-size:1.35rem;--tx:#000;--mu:#1b1b1b;--bg:#fff;--ln:#1b1b1b;
--fl:#000;--p:#003b39}html.wd-large input[type=text],html.wd-large select{border-width:2px}
"""


@dataclass
class Typed:
    """What the person typed so far; it travels in the form until "Ik doe mee"."""

    name: str = ""
    role: str = Role.RESIDENT.value
    consent: bool = False

    @classmethod
    def from_form(cls, form) -> Typed:
        role = str(form.get("role", ""))
        return cls(name=str(form.get("name", ""))[:10 * MAX_NAME_CHARS],  # the domain gives the message
                   role=role if role in {r.value for r in Role} else Role.RESIDENT.value,
                   consent=str(form.get("consent", "")) == "1")


# What the phone view needs that a join form does not: NiceGUI's core files, the components the view is drawn
# with, and the icon font (its arrows and the large-text sign). About 330 kB over the wire.
PHONE_VIEW_FILES = ("vue.esm-browser.prod.js", "socket.io.min.js", "quasar.umd.prod.js", "nicegui.js",
                    "quasar.important.prod.css", "quasar.unimportant.prod.css", "nicegui.css", "fonts.css",
                    "lang/nl.umd.prod.js", "dompurify.mjs")
PHONE_VIEW_COMPONENTS = ("refreshable", "expansion", "html", "input")  # input: the card box
ICON_FONT = re.compile(r'font-family: "Material Icons";.*?src: url\((fonts/[0-9a-f]+\.woff2)\)', re.S)


@cache
def prefetched() -> tuple[str, ...]:
    """What the phone view loads: fetched while the person types, so the view after "Ik doe mee" is quick.

    The addresses are NiceGUI's own (versioned, cached for a year); a component's address is looked up
    by its name, so a new NiceGUI version brings its own. Whatever is not found is simply not prefetched.
    """
    _ = (ui.expansion, ui.refreshable, ui.html, ui.input)  # NiceGUI registers an element's component on first use
    base = f"/_nicegui/{nicegui_version}"
    static = Path(nicegui.__file__).parent / "static"
    files = [f"{base}/static/{name}" for name in PHONE_VIEW_FILES if (static / name).exists()]
    files += [f"{base}/components/{c.key}" for c in js_components.values() if c.name in PHONE_VIEW_COMPONENTS]
    icons = ICON_FONT.search((static / "fonts.css").read_text()) if (static / "fonts.css").exists() else None
    if icons:
        files.append(f"{base}/static/{icons.group(1)}")
    return (*files, f"{STATIC_URL}/phone.css?v={static_version('phone.css')}")


def _as(url: str) -> str:
    # A font is fetched in "cors" mode when a page uses it; a prefetch in that mode is the one it can reuse.
    return ' crossorigin' if url.endswith(".woff2") else ""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _look_bar(look: PhoneLook) -> str:
    """The language links (as on the phone view) and the large-text link: each a new address."""
    on = ' class="on" aria-current="true"' if look.large else ""
    large = (f'<a href="{_e(look.address(large=not look.large))}" id="wd-large"{on}>'
             f'{LARGE_ICON}{_e(t(look.lang, "phone.large_text"))}</a>')
    return f'<nav class="look" aria-label="{_e(t(look.lang, "phone.language"))}">{language_links(look)}</nav>{large}'


def _step_one(action: str, lang: str, typed: Typed, error: str) -> str:
    roles = "".join(f'<option value="{r.value}"{" selected" if r.value == typed.role else ""}>'
                    f'{_e(role_label(lang, r.value))}</option>' for r in Role)
    invalid = ' aria-invalid="true" aria-describedby="wd-error"' if error else ""
    return (
        f'<form method="post" action="{_e(action)}" data-step="one">'
        f'<div class="field"><label for="wd-name">{_e(t(lang, "phone.name"))}</label>'
        f'<input type="text" id="wd-name" name="name" value="{_e(typed.name)}" maxlength="{MAX_NAME_CHARS}" '
        f'autocomplete="name" dir="auto"{invalid}></div>'
        f'<div class="field"><label for="wd-role">{_e(t(lang, "phone.role"))}</label>'
        f'<select id="wd-role" name="role">{roles}</select></div>'
        f'<label class="check"><input type="checkbox" name="consent" value="1"{" checked" if typed.consent else ""}>'
        f'{_e(t(lang, "phone.consent"))}</label>'
        f'<p class="err" id="wd-error" role="alert">{_e(error)}</p>'
        f'<button type="submit" name="step" value="{STEP_RULES}" class="go">{_e(t(lang, "phone.next"))}</button>'
        "</form>")


def _step_two(action: str, lang: str, typed: Typed, error: str) -> str:
    rules = ground_rules(lang)
    hidden = (f'<input type="hidden" name="name" value="{_e(typed.name)}">'
              f'<input type="hidden" name="role" value="{_e(typed.role)}">'
              + ('<input type="hidden" name="consent" value="1">' if typed.consent else ""))
    return (
        f'<div class="col" data-step="two"><h2>{_e(t(lang, "phone.rules_title"))}</h2>'
        f'<ul class="rules">{"".join(f"<li>{_e(rule)}</li>" for rule in rules)}</ul>'
        # phone.js reads a tapped [data-read] button aloud; it is shown only when the phone has a voice for it.
        f'<button type="button" class="speak speak-{lang}" data-read="{_e(rules_text(lang))}" data-read-lang="{lang}">'
        f'{_e(t(lang, "phone.read_rules"))}</button></div>'
        f'<form method="post" action="{_e(action)}">{hidden}'
        f'<p class="err" id="wd-error" role="alert">{_e(error)}</p>'
        f'<button type="submit" name="step" value="{STEP_JOIN}" class="go">{_e(t(lang, "phone.take_part"))}</button>'
        f'<button type="submit" name="step" value="{STEP_BACK}" class="flat">{_e(t(lang, "phone.back"))}</button>'
        "</form>")


def _page(title: str, look: PhoneLook, body: str, status: int) -> HTMLResponse:
    lang = look.lang
    head = "".join(f'<link rel="prefetch" href="{_e(url)}"{_as(url)}>' for url in prefetched())
    large = ' class="wd-large"' if look.large else ""
    page = (
        f'<!doctype html><html lang="{lang}" dir="{"rtl" if lang in RIGHT_TO_LEFT else "ltr"}"{large}>'
        '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{STYLE}</style>"
        f'<script defer src="{STATIC_URL}/phone.js?v={static_version("phone.js")}"></script>{head}</head>'
        f"<body><main>{_look_bar(look)}{body}</main></body></html>")
    # Never cached: the same address shows the phone's own view once it has joined.
    return HTMLResponse(page, status_code=status, headers={"Cache-Control": "no-store"})


def join_form_page(title: str, look: PhoneLook, typed: Typed | None = None, *, rules: bool = False,
                   error: str = "", status: int = 200) -> HTMLResponse:
    """Step one (name, role, consent) or, with `rules`, step two (the ground rules and "Ik doe mee")."""
    lang, typed = look.lang, typed or Typed()
    action = look.kept_address()  # a look only derived is not made a choice here
    step = _step_two(action, lang, typed, error) if rules else _step_one(action, lang, typed, error)
    welcome = (f'<div class="col"><h2 class="mu">{_e(t(lang, "phone.welcome"))}</h2>'
               f'<h1 dir="auto">{_e(title)}</h1></div>')
    return _page(title, look, welcome + step, status)


def code_form_page(look: PhoneLook, message_key: str) -> HTMLResponse:
    """A code we do not know (or a dialogue that has ended): say so, and let the person type the code.

    A plain form that asks `/join?code=...`: the language chosen here comes along in hidden fields.
    """
    lang = look.lang
    title = t(lang, "phone.wrong_code_title") if message_key == "phone.wrong_code" else t(lang, "app_name")
    keep = (f'<input type="hidden" name="lang" value="{lang}">' if look.chosen else "") + (
        '<input type="hidden" name="text" value="large">' if look.large else "")  # only what was chosen
    body = (
        f'<div class="col"><h1>{_e(title)}</h1><p class="mu" data-message="{_e(message_key)}">'
        f"{_e(t(lang, message_key))}</p></div>"
        f'<form method="get" action="/join">{keep}<div class="field"><label for="wd-code">{_e(t(lang, "phone.code"))}'
        '</label><input type="text" id="wd-code" name="code" autocapitalize="characters" autocomplete="off" '
        'maxlength="20"></div>'
        f'<button type="submit" class="go">{_e(t(lang, "phone.try_code"))}</button></form>')
    return _page(title, look, body, 200)
