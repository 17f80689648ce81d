"""One-off (issue 12): wrote the gettext catalogs from the old Python dict catalogs. Kept as a record.

It ran once, at commit "Catalogs as gettext .po files", against facilitator_app/i18n/{nl,en,ar,tr,pl}.py,
exports/strings.py and rounds/templates.py as they were before that commit; those dicts are gone now, so
running it again needs that older checkout. The .po files are the source from then on: edit them (Poedit,
Weblate, a text editor), not this script.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from babel.plural import to_gettext

from exports.catalog import cldr_forms, fields

ROOT = Path(__file__).resolve().parents[1]
APP_DIR = ROOT / "facilitator_app" / "i18n" / "locale"
HARVEST_DIR = ROOT / "exports" / "locale"
REVIEW = "NEEDS REVIEW BY A NATIVE SPEAKER: written by the developers, not yet checked by someone whose first\n" \
         "# language this is. Only the phone speaks it; keys missing here fall back to English, then Dutch."
FORMS_NOTE = "Plural messages have one msgstr per CLDR form, in Plural-Forms order: {forms}."

# Harvest texts that had a "_one" twin: one plural message each (the count is `n`).
HARVEST_PLURALS = ("people_total", "no_phone", "removed", "hidden", "felt_intro", "csv_felt", "across_title")


def header(lang: str, domain: str, what: str) -> str:
    forms = ", ".join(cldr_forms(lang))
    lines = [f"# {what}", f"# Language: {Locale.parse(lang).english_name} ({lang}).",
             "# Monolingual catalog: msgid is a stable key; the Dutch source text is in each #. comment.",
             "# " + FORMS_NOTE.format(forms=forms)]
    if lang not in ("nl", "en"):
        lines.append("# " + REVIEW)
    return "\n".join(lines) + "\n#"


def new_catalog(lang: str, domain: str, what: str) -> Catalog:
    catalog = Catalog(locale=lang, domain=domain, header_comment=header(lang, domain, what),
                      project="Wijkdialoog", version="0.1.0", fuzzy=False, charset="utf-8",
                      language_team=f"{Locale.parse(lang).english_name} <{lang}>",
                      last_translator="Wijkdialoog developers", revision_date=datetime.now(UTC))
    catalog.mime_headers = [*catalog.mime_headers, ("Plural-Forms", to_gettext(Locale.parse(lang).plural_form))]
    return catalog


def add(catalog: Catalog, key: str, text: str | tuple[str, ...], source: str | tuple[str, ...]) -> None:
    if isinstance(text, tuple):
        shown = " | ".join(f"{form}: {s}" for form, s in zip(cldr_forms("nl"), source, strict=True))
        braces = any(fields(s) for s in text)
        catalog.add((key, key), text, auto_comments=[f"nl: {shown}"], flags=["python-brace-format"] if braces else [])
    else:
        catalog.add(key, text, auto_comments=[f"nl: {source}"], flags=["python-brace-format"] if fields(text) else [])


def save(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, omit_header=False, sort_output=False)
    # Babel fills in a placeholder bug address; we have none to give, so the line goes.
    lines = [line for line in buffer.getvalue().split(b"\n") if not line.startswith(b'"Report-Msgid-Bugs-To')]
    path.write_bytes(b"\n".join(lines))


def forms_of(strings: dict[str, str], base: str, lang: str, one_suffix: str) -> tuple[str, ...] | None:
    if base not in strings:
        return None
    other = strings[base]
    return tuple(strings.get(f"{base}{one_suffix}{form}" if one_suffix == "." else
                             (f"{base}_one" if form == "one" else base), other) if form != "other" else other
                 for form in cldr_forms(lang))


def app_messages(module, lang: str, nl_module, rules_nl: dict[str, list[str]]) -> dict[str, object]:
    from exports.strings import ROLES as HARVEST_ROLES
    from facilitator_app.i18n import RULES
    cldr = {"zero", "one", "two", "few", "many"}
    bases = {k.rsplit(".", 1)[0] for k in nl_module.STRINGS if k.rsplit(".", 1)[-1] in cldr}
    out: dict[str, object] = {}
    for key, text in module.STRINGS.items():
        if key.rsplit(".", 1)[-1] in cldr and key.rsplit(".", 1)[0] in bases:
            continue
        out[key] = forms_of(module.STRINGS, key, lang, ".") if key in bases else text
    roles = HARVEST_ROLES.get(lang) or module.ROLES
    out |= {f"role.{k}": v for k, v in roles.items()}
    out |= {f"state.{k}": v for k, v in module.STATES.items()}
    out |= {f"kind.{k}": v for k, v in module.KINDS.items()}
    rules = rules_nl.get(lang) or RULES[lang]
    out |= {f"rule.{i}": r for i, r in enumerate(rules, 1)}
    return out


def harvest_messages(lang: str) -> dict[str, object]:
    from exports.strings import KIND_HEADINGS, KINDS, ROLES, TEXT
    from rounds.templates import DEFAULT_TEMPLATE, GROUND_RULES, THEMES
    text = TEXT[lang]
    out: dict[str, object] = {}
    for key, value in text.items():
        if key.endswith("_one") and key[:-4] in HARVEST_PLURALS:
            continue
        out[key] = forms_of(text, key, lang, "_") if key in HARVEST_PLURALS else value
    out |= {f"role.{k}": v for k, v in ROLES[lang].items()}
    out |= {f"kind.{k}": v for k, v in KINDS[lang].items() if v}
    out |= {f"kind_heading.{k}": v for k, v in KIND_HEADINGS[lang].items()}
    out |= {f"theme.{k}": v[lang] for k, v in THEMES.items()}
    out |= {f"rule.{i}": r for i, r in enumerate(GROUND_RULES[lang], 1)}
    for tpl in DEFAULT_TEMPLATE:
        out[f"template.{tpl.key}.title"] = tpl.titles[lang]
        out[f"template.{tpl.key}.question"] = tpl.questions[lang]
    out["template.neighbourhood"] = "de buurt" if lang == "nl" else "the neighbourhood"
    out["duration.seconds"] = "{n} sec"
    out["duration.minutes"] = "{n} min"
    out["duration.hours"] = "{n} uur" if lang == "nl" else "{n} h"
    out["duration.hours_minutes"] = "{hours} uur {minutes} min" if lang == "nl" else "{hours} h {minutes} min"
    return out


def main() -> None:
    from facilitator_app.i18n import ar, en, nl, pl, tr
    from rounds.templates import GROUND_RULES
    modules = {"nl": nl, "en": en, "ar": ar, "tr": tr, "pl": pl}
    app = {lang: app_messages(m, lang, nl, GROUND_RULES) for lang, m in modules.items()}
    for lang, messages in app.items():
        catalog = new_catalog(lang, "wijkdialoog", "Wijkdialoog: the app's screens (phone, console, projector).")
        for key, text in messages.items():
            add(catalog, key, text, app["nl"].get(key, text))
        save(catalog, APP_DIR / lang / "LC_MESSAGES" / "wijkdialoog.po")
    harvest = {lang: harvest_messages(lang) for lang in ("nl", "en")}
    for lang, messages in harvest.items():
        catalog = new_catalog(lang, "oogst", "Wijkdialoog: the harvest (oogst), the themes and the round template.")
        for key, text in messages.items():
            add(catalog, key, text, harvest["nl"][key])
        save(catalog, HARVEST_DIR / lang / "LC_MESSAGES" / "oogst.po")


if __name__ == "__main__":
    main()
