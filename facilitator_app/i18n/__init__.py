"""One string catalog per language. Pages ask `t(lang, key, **values)`; refusals go through `refusal`."""

from __future__ import annotations

from rounds import DomainError

from . import en, nl

CATALOGS = {"nl": nl.STRINGS, "en": en.STRINGS}
ROLES = {"nl": nl.ROLES, "en": en.ROLES}
STATES = {"nl": nl.STATES, "en": en.STATES}
KINDS = {"nl": nl.KINDS, "en": en.KINDS}


def t(lang: str, key: str, **values: object) -> str:
    """A text in `lang`. With count=1 the key's ".one" form is used where the catalog has one."""
    catalog = CATALOGS.get(lang, nl.STRINGS)
    if values.get("count") == 1 and f"{key}.one" in catalog:
        key = f"{key}.one"
    text = catalog.get(key) or nl.STRINGS.get(key) or key
    return text.format(**values) if values else text


def names_list(lang: str, names: list[str] | tuple[str, ...]) -> str:
    """"Anna, Ben en Chris" / "Anna, Ben and Chris"."""
    names = list(names)
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {t(lang, 'and')} {names[-1]}"


def refusal(lang: str, error: DomainError) -> str:
    """A domain refusal in plain words, naming the people involved."""
    values = {
        "names": names_list(lang, error.names),
        "waiting": names_list(lang, error.details.get("waiting", [])),
        "limit": error.details.get("limit", ""),
        "round": error.details.get("round", ""),
        "field": error.details.get("field", ""),
    }
    key = f"error.{error.code}"
    if error.code == "already_had_turn" and not values["waiting"]:
        key = "error.already_done"
    return t(lang, key, **values)


def role_label(lang: str, role: str) -> str:
    return ROLES.get(lang, nl.ROLES).get(str(role), str(role))


def state_label(lang: str, state: str) -> str:
    return STATES.get(lang, nl.STATES).get(str(state), str(state))


def kind_label(lang: str, kind: str) -> str:
    return KINDS.get(lang, nl.KINDS).get(str(kind), str(kind))
