// The host page's side of the iframe route (README, "Embedding"): sizes every
// <iframe data-it-policy-explorer-frame> on this page to the height its content reports.
// An external file with no inline code, so it runs under a strict Content-Security-Policy; the
// height is set through the CSSOM (`style.height`), which such a policy allows.
// The app's page posts { type: "it-policy-explorer:height", height: <CSS px> } to its parent.
// Only messages from one of these iframes (event.source) with exactly that shape are used;
// nothing is ever sent back.
(() => {
  if (window.__itpeFrames) return;
  window.__itpeFrames = true;
  const TYPE = 'it-policy-explorer:height';
  const MAX = 100000; // px: a runaway value must not blow up the host's layout
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m !== 'object' || m.type !== TYPE) return;
    const { height } = m;
    if (typeof height !== 'number' || !Number.isFinite(height) || height <= 0 || height > MAX) return;
    for (const frame of document.querySelectorAll('iframe[data-it-policy-explorer-frame]')) {
      if (frame.contentWindow === event.source) {
        frame.style.height = `${Math.ceil(height)}px`;
        return;
      }
    }
  });
})();
