// Starts I&T Policy Explorer. An external module (not trunk's inline loader) so the page runs
// under a strict Content-Security-Policy. Every URL is resolved from this file's own URL, so the
// bundle works from any sub-path and when a host page embeds it from another folder.
import init from './it-policy-explorer.js';

const root = document.getElementById('it-policy-explorer');
if (root && !root.dataset.assetBase) {
  root.dataset.assetBase = new URL('./', import.meta.url).href;
}

init({ module_or_path: new URL('./it-policy-explorer_bg.wasm', import.meta.url) }).catch((err) => {
  console.error('I&T Policy Explorer could not start', err);
  if (root) {
    const p = document.createElement('p');
    p.className = 'error-summary';
    p.setAttribute('role', 'alert');
    p.textContent = 'The app could not start in this browser (WebAssembly failed to load). The data is in data/policy-2021.json.';
    root.querySelector('main')?.replaceChildren(p);
  }
});
