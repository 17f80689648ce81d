"""The shared look: calm, high-contrast colours (WCAG AA), large touch targets, a calm connection notice."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from nicegui import ui
from nicegui.elements.mixins.text_element import TextElement

from ..i18n import RIGHT_TO_LEFT, t

# Contrast on white: primary 8.0:1, text 16:1, muted 7.0:1, warning text on its background 7.4:1.
CSS = """
/* Words as they are written: capitals-only buttons are harder to read (plain language, B1) */
.q-btn { text-transform: none; }
:root { --wd-primary: #0b5a57; --wd-text: #1b1b1b; --wd-muted: #4a4a4a; --wd-bg: #f7f4ee;
        --wd-card: #ffffff; --wd-warm: #fff1d6; --wd-warm-text: #6b3a00; --wd-line: #d9d3c7; }
/* The phone's own font: NiceGUI's fonts.css only declares Roboto, so a stack without it downloads nothing
   (Android's system-ui is Roboto anyway). Saves 160 kB on a join over a crowded hotspot. */
body { background: var(--wd-bg); color: var(--wd-text); font-size: 18px;
       font-family: system-ui, -apple-system, "Segoe UI", "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial,
                    sans-serif; }
.q-btn { min-height: 44px; min-width: 44px; }
a.nicegui-link, a.nicegui-link:visited { color: var(--wd-primary); text-decoration: underline; }
.wd-page { width: 100%; max-width: 960px; margin: 0 auto; padding: 12px; }
.wd-card { background: var(--wd-card); border: 1px solid var(--wd-line); border-radius: 12px; padding: 14px; }
.wd-muted { color: var(--wd-muted); }
.wd-warm { background: var(--wd-warm); color: var(--wd-warm-text); }
.wd-text { white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word; }
/* People's own words (an Arabic card, a Hebrew name) take their direction from their first letter, also
   on the Dutch or English console and projector. */
.wd-text, .wd-chip { unicode-bidi: plaintext; }
.wd-chip { display: inline-block; border-radius: 999px; padding: 2px 10px; font-size: 0.85em;
           border: 1px solid var(--wd-line); background: #fff; color: var(--wd-text); }
.wd-chip-speaking { background: var(--wd-primary); color: #fff; border-color: var(--wd-primary); }
.wd-chip-done { background: #e3f0ec; color: #0e4b3a; border-color: #b9d8cd; }
.wd-chip-passed { background: #f3ecdf; color: #5a4300; }
.wd-chip-left { background: #eeeeee; color: #4a4a4a; text-decoration: line-through; }
/* The console's cards: one flat grid, no wrapper per card (bench/card_memory.py). A card's text takes a whole
   line with a line above it; who wrote it and the button to hide it share the next. */
.wd-card-list { display: grid; grid-template-columns: minmax(0, 1fr) auto; column-gap: 8px; align-items: center; }
.wd-card-list > .wd-card-text { grid-column: 1 / -1; border-top: 1px solid var(--wd-line); padding-top: 4px; }
.wd-card-list > .wd-card-hidden { opacity: 0.55; }
.wd-card-list > .wd-card-text.wd-card-hidden { text-decoration: line-through; }
h1, h2, h3 { margin: 0; line-height: 1.2; font-weight: 700; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; } h3 { font-size: 1.1rem; }
/* NiceGUI's own "connection lost" popup, made small and calm instead of an alarm. */
#popup.nicegui-error-popup { background: #fff7e6 !important; color: #5a3d00 !important;
  border: 1px solid #e6c78a; border-radius: 999px; font-size: 0.95rem; padding: 6px 16px;
  box-shadow: 0 2px 8px rgba(0,0,0,0.12); top: auto !important; bottom: 12px; }
"""

# The app runs without NiceGUI's Tailwind runtime (260 kB of script that builds CSS in every phone); Quasar gives
# rows, columns and text sizes. These are the only Tailwind utilities the pages use, with Tailwind's own values.
TAILWIND_SUBSET = """
.w-full { width: 100%; }
.gap-0 { gap: 0; } .gap-1 { gap: 0.25rem; } .gap-2 { gap: 0.5rem; } .gap-3 { gap: 0.75rem; }
.gap-4 { gap: 1rem; } .gap-6 { gap: 1.5rem; } .gap-8 { gap: 2rem; }
.text-base { font-size: 1rem; line-height: 1.5rem; } .text-lg { font-size: 1.125rem; line-height: 1.75rem; }
"""


def add_shared_style() -> None:
    ui.add_css(CSS + TAILWIND_SUBSET, shared=True)


@contextmanager
def frame(title: str, lang: str = "nl", *, wide: bool = False) -> Iterator[ui.column]:
    """A page's common frame: title in the tab, a main landmark, the connection notice in our words."""
    ui.page_title(title)
    page_language(lang)
    with ui.element("main").classes("wd-page" + (" wd-wide" if wide else "")) as main:
        if wide:
            main.style("max-width: none")
        with ui.column().classes("w-full gap-3") as column:
            yield column


# Quasar's own words (what a screen reader hears on an expandable panel) follow the page's language; the app
# starts Quasar in Dutch, so an English page swaps in these.
QUASAR_LABELS = {
    "en": "{clear:'Clear',ok:'OK',cancel:'Cancel',close:'Close',set:'Set',select:'Select',reset:'Reset',"
          "remove:'Remove',update:'Update',create:'Create',search:'Search',filter:'Filter',refresh:'Refresh',"
          "expand:e=>e?`Expand \"${e}\"`:'Expand',collapse:e=>e?`Collapse \"${e}\"`:'Collapse'}",
    # The phone's own languages (issue 12); NEEDS REVIEW BY A NATIVE SPEAKER like their catalogs.
    "ar": "{clear:'مسح',ok:'موافق',cancel:'إلغاء',close:'إغلاق',"
          "expand:e=>e?`توسيع \"${e}\"`:'توسيع',collapse:e=>e?`طي \"${e}\"`:'طي'}",
    "tr": "{clear:'Temizle',ok:'Tamam',cancel:'İptal',close:'Kapat',"
          "expand:e=>e?`Genişlet \"${e}\"`:'Genişlet',collapse:e=>e?`Daralt \"${e}\"`:'Daralt'}",
    "pl": "{clear:'Wyczyść',ok:'OK',cancel:'Anuluj',close:'Zamknij',"
          "expand:e=>e?`Rozwiń \"${e}\"`:'Rozwiń',collapse:e=>e?`Zwiń \"${e}\"`:'Zwiń'}",
}


def page_language(lang: str) -> None:
    """The page's language for screen readers, and NiceGUI's connection notice in our own calm words."""
    quasar = ""
    rtl = json.dumps(lang in RIGHT_TO_LEFT)
    if lang in QUASAR_LABELS:
        # Quasar sets the html tag's lang and dir itself when its language is set, so rtl goes with it.
        quasar = ("const q=window.Quasar;if(q&&q.lang&&q.lang.set){const l=q.lang.props||{};"
                  f"q.lang.set({{...l,isoName:{json.dumps(lang)},rtl:{rtl},"
                  f"label:{{...(l.label||{{}}),...{QUASAR_LABELS[lang]}}}}});}}")
    ui.add_body_html(
        f"<script>document.documentElement.lang={json.dumps(lang)};"
        f"document.documentElement.dir={json.dumps('rtl' if lang in RIGHT_TO_LEFT else 'ltr')};"
        "document.addEventListener('DOMContentLoaded',()=>{const p=document.querySelector('#popup span');"
        f"if(p)p.textContent={json.dumps(t(lang, 'connection_lost'))};{quasar}}});"
        # Quasar's loading bar (shown while an upload or download runs) is a progressbar without a name.
        f"new MutationObserver(()=>document.querySelectorAll('.q-loading-bar:not([aria-label])').forEach("
        f"b=>b.setAttribute('aria-label',{json.dumps(t(lang, 'loading'))})))"
        ".observe(document.documentElement,{childList:true,subtree:true});</script>"
    )


def list_button(label: str, on_click: Callable | None = None, props: str = "") -> ui.element:
    """Quasar's button without NiceGUI's Button class, for lists with a button on every item (cards).

    The page gets the same `q-btn` as from `ui.button`; the server keeps about 2 KiB less per button (no
    bindable text, icon, colour and enabled state; bench/card_memory.py). Its label is the `label` prop.
    """
    button = ui.element("q-btn").props(f"color=primary {props}")
    button.props["label"] = label  # a plain value, so a label with quotes stays text
    if on_click is not None:
        button.on("click", on_click, [])
    return button


def aria_label(element: ui.element, text: str) -> None:
    """The name a screen reader says for a control, e.g. "Give the floor to Fatima Nouri".

    Set as a plain prop value (never through a props string), so a name with quotes stays text.
    """
    if element.props.get("aria-label") != text:
        element.props["aria-label"] = text


class Heading(TextElement):
    """A real <h1>..<h3> holding its own text: one element, where a heading wrapping a label took two."""

    def __init__(self, text: str, level: int) -> None:
        super().__init__(tag=f"h{level}", text=text)

    def _render_markdown(self) -> str:  # the user fixture's text of the page
        return self._text or ""


def heading(text: str, level: int = 1, classes: str = "") -> Heading:
    """A real <h1>..<h3> (for screen readers and axe), with the text as plain, escaped text."""
    return Heading(text, level).classes(f"wd-text {classes}".strip())


def set_heading_text(element: ui.element, text: str) -> None:
    """Change the text of a heading made by `heading`, in place."""
    element.set_text(text)
