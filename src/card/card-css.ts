/** The card's own styles, inside its shadow root: the page's styles cannot reach them, nor they the page. */
export const CARD_CSS = `
:host { all: initial; }
.card {
  box-sizing: border-box; max-height: 70vh; overflow: auto; padding: 14px 16px 12px; color-scheme: light dark;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f;
  background-color: #fffdf7; border: 1px solid #d9cfb8; border-radius: 10px;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.18); outline: none;
  /* The cue that more is below (or above): a shadow at the edge while the card scrolls, gone at its end. */
  background-image: linear-gradient(var(--bg), var(--bg)), linear-gradient(var(--bg), var(--bg)),
    radial-gradient(farthest-side at 50% 0, rgba(0, 0, 0, 0.28), transparent), radial-gradient(farthest-side at 50% 100%, rgba(0, 0, 0, 0.28), transparent);
  background-position: top, bottom, top, bottom; background-repeat: no-repeat;
  background-size: 100% 28px, 100% 28px, 100% 12px, 100% 12px;
  background-attachment: local, local, scroll, scroll;
  --bg: #fffdf7;
}
.card.critiques { background-color: #f7faff; border-color: #c3d2ea; --bg: #f7faff; }
header { display: flex; align-items: flex-start; gap: 8px; }
h2 { flex: 1; margin: 0 0 8px; font-size: 15px; line-height: 1.3; }
h3 { margin: 12px 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: #5b5240; }
.close { flex: none; width: 28px; height: 28px; font-size: 18px; line-height: 1; cursor: pointer;
  border: 1px solid transparent; border-radius: 6px; background: transparent; color: inherit; }
.close:hover, .close:focus-visible { border-color: #b8ab8c; background: rgba(0, 0, 0, 0.05); }
.claim { border-left: 3px solid #e0a100; padding-left: 8px; margin: 6px 0; }
.critiques .claim { border-left-color: #5b84c4; }
.claim p { margin: 2px 0; }
.frame { font-weight: 600; }
.assumes, .source { color: #4a4a4a; font-size: 13px; }
mark { background: #ffe08a; color: inherit; padding: 0 2px; border-radius: 2px; }
ul { margin: 0; padding-left: 18px; }
li { margin: 6px 0; }
.point { margin: 0; }
.source { margin: 2px 0 0; }
/* "Not framing" stays in view however far the card is scrolled. */
footer { position: sticky; bottom: -12px; margin: 10px -16px -12px; padding: 8px 16px 12px; border-top: 1px solid rgba(0, 0, 0, 0.12);
  background: var(--bg); }
.not-framing { font: inherit; font-size: 13px; padding: 4px 10px; cursor: pointer; border-radius: 6px;
  border: 1px solid #b8ab8c; background: transparent; color: inherit; }
.not-framing:hover, .not-framing:focus-visible { background: rgba(0, 0, 0, 0.05); }
button:focus-visible, a:focus-visible { outline: 2px solid #1a56b8; outline-offset: 2px; }
a { color: #1a56b8; }
@media (prefers-color-scheme: dark) {
  /* Dark scrollbars too: Firefox would otherwise draw a light one beside the dark card. */
  .card { color: #ececec; background-color: #23211d; border-color: #4a4436; --bg: #23211d; color-scheme: dark;
    scrollbar-color: #6b6455 #23211d; }
  .card.critiques { background-color: #1d2230; border-color: #3b4a66; --bg: #1d2230; scrollbar-color: #55627d #1d2230; }
  .card { background-image: linear-gradient(var(--bg), var(--bg)), linear-gradient(var(--bg), var(--bg)),
    radial-gradient(farthest-side at 50% 0, rgba(0, 0, 0, 0.7), transparent), radial-gradient(farthest-side at 50% 100%, rgba(0, 0, 0, 0.7), transparent); }
  h3 { color: #cbbf9f; }
  .assumes, .source { color: #c4c4c4; }
  mark { background: #7a5c00; }
  a { color: #8cb8ff; }
}
@media (forced-colors: active) {
  .card { border: 2px solid CanvasText; }
  mark { background: Highlight; color: HighlightText; }
}
`;
