"""The projector's look: sized in vh so it grows with the wall, with floors in px for the smallest projector."""

from __future__ import annotations

SCREEN_CSS = """
.wd-screen { height: 100vh; overflow: hidden; padding: 2.5vh 3vw; display: flex; flex-direction: column;
             gap: 2vh; background: var(--wd-bg); }
.wd-screen .s-title { font-size: 5.2vh; font-weight: 800; color: var(--wd-primary); }
.wd-screen .s-sub { font-size: 3vh; color: var(--wd-muted); }
.wd-screen .s-question { font-size: 4.4vh; font-weight: 700; line-height: 1.2; }
.wd-screen .s-speaker { font-size: 7vh; font-weight: 800; line-height: 1.05; }
.wd-screen .s-speaker-card { padding: 0.8vh 1.2vw; }
.wd-screen .s-timer { font-size: 4vh; border-radius: 12px; padding: 0.3vh 1.2vw; display: inline-block;
                      background: #e3f0ec; color: #0e4b3a; transition: background 2s, color 2s; }
.wd-screen .s-timer.over { background: var(--wd-warm); color: var(--wd-warm-text); }
.wd-screen .s-text { font-size: max(22px, 3.1vh); }
/* Read from the back of the room (issue 12): names at least 28 px and card texts at least 24 px on a
   1280x720 projector, growing with the screen; the floors in px hold on a smaller window too. */
.wd-screen .s-chip { font-size: max(28px, 4vh); line-height: 1.2; padding: 0.2vh 0.8vw; }
.wd-screen .s-chips { display: flex; flex-wrap: wrap; gap: 0.8vh 0.5vw; }
.wd-screen .s-card { font-size: max(24px, 3.4vh); line-height: 1.2; background: #fff;
                     border-left: 6px solid var(--wd-primary); border-radius: 8px; padding: 0.4vh 0.9vw; }
/* The newest cards come first; an older one that does not fit whole wraps into a second column, which is
   out of sight, instead of showing half. */
.wd-screen .s-cards { flex: 1 1 0; min-height: 0; flex-wrap: wrap; align-content: flex-start; overflow: hidden;
                      gap: 0.8vh 2vw; }
/* A long card shows its first two lines and an ellipsis: the phones and the harvest have it whole. */
.wd-screen .s-card .wd-text { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2;
                              overflow: hidden; }
.wd-screen .s-qr svg { width: 100%; height: 100%; }
.wd-screen .s-code { font-size: 6vh; font-weight: 800; letter-spacing: 0.4em; color: var(--wd-primary); }
.wd-screen .s-url { font-size: 2.6vh; overflow-wrap: anywhere; }
.wd-screen ul { margin: 0; padding-left: 1.2em; }
.wd-screen .s-corner { font-size: 2.2vh; opacity: 0.85; flex-shrink: 0; }
.wd-screen .s-corner-url { font-size: 2.4vh; font-weight: 600; }
.wd-screen .s-corner-code { font-size: 3vh; font-weight: 800; letter-spacing: 0.3em; color: var(--wd-primary); }
"""
