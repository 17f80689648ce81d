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
