"""The seed's preset themes and the default five-round "Wijkdialoog" template, as stable keys only.

The words (theme labels, ground rules, round titles and questions) live in the gettext catalog "oogst"
(exports/locale/<lang>/LC_MESSAGES/oogst.po); whoever creates a dialogue passes a lookup for them, so this
pure domain holds no translated text (except the legacy block at the bottom, see there).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .model import CardKind

LANGUAGES = ("nl", "en")

# Preset theme keys, in the order a facilitator is offered them. Their words: msgid "theme.<key>".
THEMES: tuple[str, ...] = ("gemeenschap", "thuis", "verschil", "ontmoeten", "woonvormen", "mantelzorg")

# (language, message key) -> text. Keys: "theme.<key>", "template.<round>.title", "template.<round>.question"
# (with "{theme}" in it) and NEIGHBOURHOOD, the theme's stand-in when a dialogue has none.
TemplateTexts = Callable[[str, str], str]
NEIGHBOURHOOD = "template.neighbourhood"


def theme_key(theme: str) -> str:
    return f"theme.{theme}"


@dataclass(frozen=True)
class RoundTemplate:
    key: str
    card_kind: CardKind
    dot_vote: bool

    @property
    def title_key(self) -> str:
        return f"template.{self.key}.title"

    @property
    def question_key(self) -> str:
        return f"template.{self.key}.question"


DEFAULT_TEMPLATE: tuple[RoundTemplate, ...] = (
    RoundTemplate("kennismaken", CardKind.NONE, False),
    RoundTemplate("ervaringen", CardKind.EXPERIENCE, False),
    RoundTemplate("dromen", CardKind.DREAM, False),
    RoundTemplate("wijkagenda", CardKind.NEED, True),
    RoundTemplate("doen", CardKind.PLEDGE, False),
)

TEMPLATES = {"wijkdialoog": DEFAULT_TEMPLATE, "leeg": ()}


# --- Legacy, to be removed -------------------------------------------------------------------------------
# facilitator_app/pages/screen.py (being edited by someone else as this moved) still imports these two. They
# are copies of the catalog's words; tests/unit/test_catalogs.py fails if they drift from oogst.po. Remove this
# block once screen.py imports `ground_rules` and `theme_label` from facilitator_app.i18n.
GROUND_RULES: dict[str, list[str]] = {
    "nl": [
        "Iedereen krijgt een beurt. We luisteren naar elkaar.",
        "Je spreekt voor jezelf: \u201cik vind\u201d, niet \u201cmen zegt\u201d.",
        "Geen advies geven en niet reageren met je eigen verhaal.",
        "Stilte mag. Je mag ook passen.",
        "Vraag door als iemand algemeen praat.",
    ],
    "en": [
        "Everyone gets a turn. We listen to each other.",
        "Speak for yourself: \u201cI think\u201d, not \u201cpeople say\u201d.",
        "Give no advice, and don't answer a story with your own.",
        "Silence is fine. You may also pass.",
        "Ask further when someone speaks in general terms.",
    ],
}
_LEGACY_THEME_WORDS: dict[str, dict[str, str]] = {
    "gemeenschap": {"nl": "gemeenschap, contact", "en": "community, contact"},
    "thuis": {"nl": "thuis in je buurt, elkaar zien", "en": "at home in your neighbourhood, seeing each other"},
    "verschil": {"nl": "ruimte voor verschil", "en": "room for difference"},
    "ontmoeten": {"nl": "ontmoeten, netwerken, invloed", "en": "meeting, networking, influence"},
    "woonvormen": {"nl": "nieuwe woonvormen, dagopvang, wijkplekken",
                   "en": "new ways of living, day care, neighbourhood places"},
    "mantelzorg": {"nl": "ondersteuning mantelzorgers en dementerenden",
                   "en": "support for carers and people with dementia"},
}


def theme_label(theme: str, language: str) -> str:
    """Legacy (see above): use facilitator_app.i18n.theme_label or exports.strings.theme_label."""
    preset = _LEGACY_THEME_WORDS.get(theme)
    return preset.get(language, preset["nl"]) if preset else theme
