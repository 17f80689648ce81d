"""Every voice (issue 12), the phone side, in real Chromium: three phones in Dutch, Arabic and Polish.

Chromium here has no speech voices, so each phone gets a stand-in `speechSynthesis` with a Dutch and an
Arabic voice that arrive late (as on Android, through 'voiceschanged') and that records what it is asked
to say. Polish has no voice: its read-aloud buttons stay hidden.

The "did you feel heard?" answer (item 7) is played by its own test; `after_the_last_round` is where this
scene hands over when that part is on the phone.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.async_api import Page, expect

from facilitator_app.store import Store

from .conftest import start_server, stop_server
from .scene import LAPTOP, Scene, button
from .test_accessibility import fit_report, serious_violations

FAKE_VOICES = """(() => {
  const voices = [{lang: 'nl-NL', name: 'Dutch', localService: true, voiceURI: 'nl', default: true},
                  {lang: 'ar-SA', name: 'Arabic', localService: true, voiceURI: 'ar', default: false}];
  const events = new EventTarget();
  let ready = false;
  window.__spoken = [];
  window.SpeechSynthesisUtterance = class {
    constructor(text) { this.text = text; this.lang = ''; this.voice = null; }
  };
  Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
    getVoices: () => (ready ? voices : []),
    speak: (u) => window.__spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.name}),
    cancel: () => {},
    addEventListener: (type, fn) => events.addEventListener(type, fn),
  }});
  setTimeout(() => { ready = true; events.dispatchEvent(new Event('voiceschanged')); }, 200);
})();"""

CLIPPED = """() => {
    const problems = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1)
        problems.push(`scrolls sideways: ${document.documentElement.scrollWidth}px`);
    for (const el of document.querySelectorAll('main *')) {
        const style = getComputedStyle(el);
        if (!el.getClientRects().length || style.visibility === 'hidden') continue;
        const text = (el.innerText || '').trim();
        const cuts = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
        if (text && cuts && el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'TEXTAREA' && el.tagName !== 'INPUT')
            problems.push(`cut off: <${el.tagName.toLowerCase()} class="${el.className}"> "${text.slice(0, 30)}"`);
        const box = el.getBoundingClientRect();
        if (text && box.width && (box.right > window.innerWidth + 1 || box.left < -1))
            problems.push(`outside the screen: "${text.slice(0, 30)}" ${box.left}..${box.right}`);
    }
    return [...new Set(problems)];
}"""


@pytest.fixture
def bare_server(tmp_path):
    srv = start_server(tmp_path / "data")
    yield srv
    stop_server(srv)


async def phone_in(scene: Scene, locale: str, width: int = 390) -> Page:
    context = await scene.browser.new_context(viewport={"width": width, "height": 844}, locale=locale)
    scene.contexts.append(context)
    await context.add_init_script(FAKE_VOICES)
    return await scene.page({"width": width, "height": 844}, context)


async def join_phone(phone: Page, join_url: str, name: str, labels: tuple[str, str, str, str],
                     choose: str = "", read_rules: str = "") -> None:
    """labels: the name field, Next, I take part, the greeting; `choose` taps a language link first;
    `read_rules` is the button that reads the ground rules aloud on the form's second step."""
    await phone.goto(join_url)
    if choose:
        await phone.get_by_role("link", name=choose, exact=True).click()
        await expect(phone.get_by_label(labels[0])).to_be_visible()
    await phone.get_by_label(labels[0]).fill(name)
    await button(phone, labels[1])
    if read_rules:  # the join form is a plain page: phone.js reads its [data-read] button too
        await button(phone, read_rules)
        heard = await spoken(phone)
        assert len(heard) == 1 and heard[0]["text"].startswith("Zo praten we met elkaar. Iedereen krijgt een beurt.")
    await button(phone, labels[2])
    await expect(phone.get_by_text(labels[3])).to_be_visible()
    await phone.wait_for_function("window.did_handshake === true")  # the phone's view is live


async def spoken(phone: Page) -> list[dict]:
    return await phone.evaluate("window.__spoken")


async def test_three_phones_three_languages(bare_server, browser, artefacts):  # noqa: PLR0915 - one scene
    server = bare_server
    scene = Scene(browser, server.url, artefacts)
    try:
        console = await scene.page(LAPTOP)
        await console.goto(f"{server.url}/?key={server.key}")
        await console.get_by_label("Titel").fill("Wijkdialoog De Linde")
        await button(console, "Maak de wijkdialoog")
        await expect(console.get_by_role("heading", name="Rondes")).to_be_visible()
        slug = urlparse(console.url).path.split("/")[-1]
        join_url = f"{server.url}/join/{Store(server.data_dir).load(slug).join_code}"

        # Sanne's phone speaks Dutch; Fatima's browser asks for Arabic; Ola taps "Polski".
        sanne, fatima, ola = await phone_in(scene, "nl-NL"), await phone_in(scene, "ar"), await phone_in(scene, "nl-NL")
        await fatima.goto(join_url)
        assert await fatima.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
        # Mirrored: the name field's label sits at the right-hand edge, the language buttons start at the right.
        field = await fatima.get_by_label("اسمك").bounding_box()
        label = await fatima.get_by_text("اسمك").bounding_box()
        assert field["x"] + field["width"] - (label["x"] + label["width"]) < 30
        found = {"nl-join": [], "ar-join": await serious_violations(fatima)}
        await join_phone(fatima, join_url, "فاطمة نوري", ("اسمك", "التالي", "أشارك", "مرحبًا \u2068فاطمة نوري\u2069"))
        await sanne.goto(join_url)
        found["nl-join"] = await serious_violations(sanne)
        await join_phone(sanne, join_url, "Sanne", ("Je naam", "Verder", "Ik doe mee", "Hallo Sanne"),
                         read_rules="Lees de regels voor")
        await join_phone(ola, join_url, "Ola", ("Twoje imię", "Dalej", "Biorę udział", "Witaj, Ola"), choose="Polski")

        # Round 1: each phone in its own language; the question stays as the round keeps it (Dutch).
        await button(console, "Start de wijkdialoog")
        question = Store(server.data_dir).load(slug).rounds[0].question
        for phone in (sanne, fatima, ola):
            await expect(phone.get_by_text(question)).to_be_visible()
        await expect(fatima.get_by_text("أنت التالي")).to_be_visible()
        await expect(sanne.get_by_text("Nog 1 persoon voor jou")).to_be_visible()
        await expect(ola.get_by_text("Przed tobą jeszcze 2 osoby")).to_be_visible()
        await button(console, "Volgende spreker")
        await expect(fatima.get_by_text("حان دورك")).to_be_visible()
        await expect(sanne.get_by_text("Nu aan het woord: فاطمة نوري")).to_be_visible()

        # Read aloud: the question with a Dutch voice (it is Dutch text), the rules in the phone's language.
        await button(fatima, "اقرأ السؤال بصوت عالٍ")
        await fatima.get_by_text("هكذا نتحدث معًا").click()
        await button(fatima, "اقرأ القواعد بصوت عالٍ")
        said = await spoken(fatima)
        assert [(s["lang"], s["voice"]) for s in said] == [("nl-NL", "Dutch"), ("ar-SA", "Arabic")]
        assert question in said[0]["text"] and said[1]["text"].startswith("هكذا نتحدث معًا.")
        await expect(ola.get_by_role("button", name="Przeczytaj pytanie na głos")).to_be_visible()
        await ola.get_by_text("Tak ze sobą rozmawiamy").click()
        await expect(ola.get_by_text("Każdy ma swoją kolej.")).to_be_visible()
        await expect(ola.get_by_role("button", name="Przeczytaj zasady na głos")).to_be_hidden()  # no Polish voice

        found["nl-round"] = await serious_violations(sanne)
        found["ar-round"] = await serious_violations(fatima)
        assert {page: v for page, v in found.items() if v} == {}

        # Everyone speaks; round 2 has cards. Fatima writes one and hears it back.
        await button(fatima, "انتهيت")
        await button(console, "Volgende spreker")
        await button(sanne, "Klaar")
        await button(console, "Volgende spreker")
        await button(ola, "Gotowe")
        await expect(console.get_by_text("Iedereen is gehoord. U kunt de ronde sluiten.")).to_be_visible()
        await button(console, "Ronde sluiten")
        await button(console, "Ronde beginnen")
        # The question changed in place: the same button now reads round 2's question.
        second = Store(server.data_dir).load(slug).rounds[1].question
        await expect(fatima.get_by_text(second)).to_be_visible()
        await button(fatima, "اقرأ السؤال بصوت عالٍ")
        assert second in (await spoken(fatima))[-1]["text"] and question not in (await spoken(fatima))[-1]["text"]
        await fatima.get_by_label("بطاقتك").fill("حديقة صغيرة للجميع قرب المدرسة")
        await button(fatima, "أضف بطاقة")
        await expect(fatima.get_by_text("حديقة صغيرة للجميع قرب المدرسة", exact=True)).to_be_visible()
        await fatima.get_by_role("button", name="اقرأ بصوت عالٍ: حديقة صغيرة للجميع قرب المدرسة").click()
        assert (await spoken(fatima))[-1] == {"text": "حديقة صغيرة للجميع قرب المدرسة", "lang": "ar-SA",
                                              "voice": "Arabic"}
        await sanne.get_by_label("Je kaartje").fill("Een bankje bij de vijver")
        await button(sanne, "Kaartje toevoegen")
        await expect(sanne.get_by_text("Een bankje bij de vijver", exact=True)).to_be_visible()
        await expect(fatima.get_by_text("بطاقاتك: تجربة")).to_be_visible()
        await expect(fatima.locator(".q-notification")).to_have_count(0, timeout=10_000)
        await scene.shot(fatima, "phone-arabic")
        await fatima.set_viewport_size({"width": 320, "height": 640})
        assert await fit_report(fatima) == []

        # Large text and strong contrast on Ola's phone: kept over a reload, at 320 px and at 200 % text.
        await button(ola, "Duży tekst i mocny kontrast")
        await expect(ola.locator("html.wd-large")).to_have_count(1)
        await ola.reload()
        await expect(ola.get_by_role("button", name="Duży tekst i mocny kontrast")).to_have_attribute(
            "aria-pressed", "true")
        await expect(ola.locator("html.wd-large")).to_have_count(1)
        await ola.get_by_label("Twoja karteczka").fill("Ławka przy stawie, żeby starsi sąsiedzi mogli odpocząć")
        await ola.evaluate("window.scrollTo(0, 0)")
        await scene.shot(ola, "phone-large-text")
        await ola.set_viewport_size({"width": 320, "height": 640})
        assert await fit_report(ola) == [] and await ola.evaluate(CLIPPED) == []
        await ola.set_viewport_size({"width": 360, "height": 640})
        await ola.evaluate("document.documentElement.style.fontSize = '200%'")
        assert await ola.evaluate(CLIPPED) == []
        await after_the_last_round(console, (sanne, fatima, ola))
    finally:
        await scene.close()


async def after_the_last_round(console: Page, phones: tuple[Page, ...]) -> None:
    """Item 7: when the last round closes, a phone answers "did you feel heard?" in its own language."""
    sanne, fatima, ola = phones
    await ola.evaluate("document.documentElement.style.fontSize = ''")
    while await console.get_by_role("button", name="Toch sluiten…").count():
        await button(console, "Toch sluiten…")
        await console.get_by_label("Reden").fill("We gaan verder in de volgende ronde")
        await console.get_by_role("dialog").get_by_role("button", name="Ronde sluiten").click()
        await expect(console.get_by_role("dialog")).to_have_count(0)
        if await console.get_by_role("button", name="Ronde beginnen").count():
            await button(console, "Ronde beginnen")
            await expect(console.get_by_role("button", name="Volgende spreker")).to_be_visible()
    await expect(ola.get_by_text("Czy masz poczucie, że cię wysłuchano?")).to_be_visible()
    await ola.get_by_role("button", name="5 – całkowicie").click()
    await ola.get_by_label("Chcesz dodać jedno słowo? Możesz, ale nie musisz.").fill("dziękuję")
    await button(ola, "Gotowe")
    await expect(ola.get_by_text("Dziękujemy!")).to_be_visible()
    await expect(console.get_by_text("1 van de 3 deelnemers", exact=False)).to_be_visible()
