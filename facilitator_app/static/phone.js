// The phone reads aloud with the browser's own voices (speechSynthesis): it works offline and nothing leaves
// the phone. A read-aloud button (class wd-speak-<lang>) shows only while this browser has a voice for its
// language (html class wd-voice-<lang>); voices may arrive later than the page, hence 'voiceschanged'.
(() => {
  const synth = window.speechSynthesis;
  const base = (tag) => String(tag || "").toLowerCase().replace("_", "-").split("-")[0];
  const voices = () => (synth && typeof synth.getVoices === "function" ? synth.getVoices() || [] : []);

  function voiceFor(lang) {
    const wanted = base(lang);
    const all = voices();
    return all.find((v) => base(v.lang) === wanted && v.localService) || all.find((v) => base(v.lang) === wanted) || null;
  }

  function showButtons() {
    const html = document.documentElement;
    for (const name of [...html.classList]) if (name.startsWith("wd-voice-")) html.classList.remove(name);
    for (const voice of voices()) if (base(voice.lang)) html.classList.add(`wd-voice-${base(voice.lang)}`);
  }

  // `lang` is the language of the text (a question keeps the dialogue's language), else the page's.
  window.wdSpeak = (text, lang) => {
    const voice = voiceFor(lang || document.documentElement.lang || "nl");
    if (!voice || !text) return;
    synth.cancel(); // a second tap starts over instead of queueing behind the first
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang || lang;
    synth.speak(utterance);
  };

  // One listener for every read-aloud button, also those drawn later: the text and its language are the
  // tapped button's data attributes, which the server changes in place (a new round's question).
  document.addEventListener("click", (e) => {
    const b = e.target && e.target.closest && e.target.closest("[data-read]");
    if (b) window.wdSpeak(b.dataset.read, b.dataset.readLang);
  });

  if (synth) {
    if (typeof synth.addEventListener === "function") synth.addEventListener("voiceschanged", showButtons);
    else synth.onvoiceschanged = showButtons;
  }
  showButtons();
  document.addEventListener("DOMContentLoaded", showButtons);
})();
