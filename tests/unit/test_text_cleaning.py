"""Names and cards: invisible and bidi control characters go, right-to-left text and emoji stay."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rounds import DomainError
from rounds import errors as e
from rounds.text import clean_name, clean_text, look_alike_key, strip_invisible

BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # man ZWJ woman ZWJ girl
SCOTLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"


@pytest.mark.parametrize(
    "raw,clean",
    [
        ("\u202eAnna.exe", "Anna.exe"),
        ("An\u200bna", "Anna"),
        ("\u2066Anna\u2069", "Anna"),
        ("\u200fAnna\u200e", "Anna"),
        ("\ufeffAnna", "Anna"),
        ("An\u00adna", "Anna"),
        ("An\u2060na", "Anna"),
        ("A\u200dnna", "Anna"),  # a joiner between ASCII letters joins nothing
        ("Anna\u200c", "Anna"),
        ("\u061cمريم", "مريم"),
        ("An\u034fna", "Anna"),  # combining grapheme joiner: not Cf, but invisible
        ("Anna\U000e0041\U000e0042", "Anna"),  # tag characters that are no flag: hidden ASCII
    ],
)
def test_hostile_names_are_cleaned(raw: str, clean: str) -> None:
    assert clean_name(raw, 40) == clean
    assert clean_text(raw, 500) == clean


@pytest.mark.parametrize(
    "text",
    [
        "مرحبا بالجميع",
        "שלום",
        "Anna زارت الحديقة",
        "نحتاج إلى مكان للقاء 🌳",
        "می\u200cخواهم",  # Persian with ZWNJ
        "क्\u200dष",  # Devanagari with ZWJ
        FAMILY,
        "مريم 👩🏽\u200d🦱",
        SCOTLAND,
        "\u0601\u0661\u0664\u0664\u0665",  # the Arabic year sign is a visible format character
        "Zoë",
    ],
)
def test_right_to_left_text_and_emoji_stay_as_they_are(text: str) -> None:
    assert clean_name(text, 40) == text
    assert clean_text(text, 500) == text


def test_text_is_nfc() -> None:
    assert clean_name("Zoe\u0308", 40) == "Zoë"
    assert clean_text("Zoe\u200b\u0308 is er", 500) == "Zoë is er"
    assert clean_name("\u212a", 40) == "K"  # Kelvin sign: a canonical singleton


@pytest.mark.parametrize("raw", ["\u200b", "\u202e\u202c", " \u200d \ufeff ", "\u3164", "\u2066\u2069"])
def test_all_invisible_is_empty(raw: str) -> None:
    with pytest.raises(DomainError) as name_err:
        clean_name(raw, 40)
    assert name_err.value.code == e.NAME_EMPTY
    with pytest.raises(DomainError) as text_err:
        clean_text(raw, 500)
    assert text_err.value.code == e.TEXT_EMPTY
    assert clean_text(raw, 500, allow_empty=True) == ""


def test_existing_refusals_keep_their_codes() -> None:
    for raw, code in [("An\nna", e.NAME_CONTROL_CHARS), ("A" * 41, e.NAME_TOO_LONG), ("   ", e.NAME_EMPTY),
                      (None, e.NAME_EMPTY)]:
        with pytest.raises(DomainError) as err:
            clean_name(raw, 40)  # type: ignore[arg-type]
        assert err.value.code == code
    for raw, code in [("a\x00b", e.TEXT_CONTROL_CHARS), ("x" * 501, e.TEXT_TOO_LONG), ("", e.TEXT_EMPTY)]:
        with pytest.raises(DomainError) as err:
            clean_text(raw, 500)
        assert err.value.code == code


def test_length_is_counted_after_cleaning() -> None:
    assert clean_name("A" * 40 + "\u200b" * 10, 40) == "A" * 40


def test_line_and_paragraph_separators() -> None:
    assert clean_name("Anna\u2028de Vries", 40) == "Anna de Vries"
    assert clean_text("een\u2029twee\r\ndrie\tvier", 500) == "een\ntwee\ndrie vier"


def test_lone_surrogates_are_removed() -> None:
    assert clean_name("An\ud800na", 40) == "Anna"
    clean_text("x\udfff", 500).encode("utf-8")


def test_look_alike_key() -> None:
    assert look_alike_key("Anna") == look_alike_key("\u0410nna")  # Cyrillic capital A
    assert look_alike_key("anna") == look_alike_key("\u0430nn\u0430")  # Cyrillic small a
    assert look_alike_key("Bert") == look_alike_key("\u0412ert")  # Cyrillic capital Ve looks like B
    assert look_alike_key("Ole") == look_alike_key("\u039fle") == look_alike_key("\u03bfle".title())  # Greek O
    assert look_alike_key("Anna") == look_alike_key(" ANNA ") == look_alike_key("An\u200bna")
    assert look_alike_key("Anna de Vries") == look_alike_key("Anna   de\u00a0Vries")
    assert look_alike_key("Anna") == look_alike_key("\uff21\uff4e\uff4e\uff41")  # fullwidth
    assert look_alike_key("Anna") != look_alike_key("Anne")
    assert look_alike_key("مريم") == "مريم"
    assert look_alike_key("Mary") != look_alike_key("Марья")


_ANY_TEXT = st.text(
    st.characters(codec=None, exclude_categories=()), max_size=60
) | st.text(
    st.sampled_from(sorted(BIDI_CONTROLS) + ["\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "a", "é", "م",
                                             "\u0301", "\u212a", " ", "\u3000", "\U0001f468", "\U0001f3f4",
                                             "\U000e0067", "\U000e007f", "\n", "\u2028", "\ud800"]),
    max_size=30,
)


def _cleaned(fn, raw: str) -> str | None:  # type: ignore[no-untyped-def]
    try:
        return fn(raw)
    except DomainError:
        return None


@given(_ANY_TEXT)
def test_cleaning_is_idempotent_and_leaves_no_bidi_controls(raw: str) -> None:
    for fn in (lambda s: clean_name(s, 100), lambda s: clean_text(s, 100, allow_empty=True)):
        once = _cleaned(fn, raw)
        if once is None:
            continue
        assert fn(once) == once
        assert not BIDI_CONTROLS & set(once)
        assert unicodedata.is_normalized("NFC", once)
        assert all(unicodedata.category(ch) != "Cs" for ch in once)
        once.encode("utf-8")
    assert strip_invisible(strip_invisible(raw)) == strip_invisible(raw)
    assert look_alike_key(look_alike_key(raw)) == look_alike_key(raw)
