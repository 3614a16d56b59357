// Starts I&T Policy Explorer. An external classic script (no inline script, so the page runs
// under a strict Content-Security-Policy; not a module, so it also runs from file://, where it
// says that this copy needs a web server instead of hanging). The glue is imported and the wasm
// fetched from this file's own folder, so the bundle works from any sub-path and embedded.
// Every failed start shows what failed and a Retry button, in every mount element of the page
// (`[data-it-policy-explorer]`, and the legacy `#it-policy-explorer`): the wasm is loaded
// once and the app mounts an independent instance into each. The single-file edition
// (scripts/offline.mjs) puts this code after the glue in one inline module: `__wbg_init` is
// then defined and the wasm comes from the page itself.
(() => {
  const roots = [...document.querySelectorAll('[data-it-policy-explorer], #it-policy-explorer')];
  if (!roots.length || window.__itpeLoader) return;
  // A second copy of this script on the page (two snippets pasted) leaves the start to the first.
  window.__itpeLoader = true;
  const root = roots[0];
  const inlineInit = root.dataset.wasm && typeof __wbg_init === 'function' ? __wbg_init : null;
  const self = document.currentScript?.src || document.querySelector('script[src*="loader.js"]')?.src;
  const base = new URL('./', self || document.baseURI);
  for (const r of roots) if (!r.dataset.assetBase) r.dataset.assetBase = base.href;
  const GLUE = 'it-policy-explorer.js';
  const WASM = 'it-policy-explorer_bg.wasm';
  const OFFLINE = 'it-policy-explorer-offline.html';
  // The paper's dataset: the public JSON file, and the same records in the form the app
  // loads without a JSON reader (made from it and kept equal to it: src/pack.rs).
  const DATA = 'data/policy-2021.json';
  const PACK = 'data/policy-2021.pack';
  // A file of a mount element, relative to its asset base.
  const resolve = (r, file) => new URL(file, new URL(r.dataset.assetBase, document.baseURI)).href;

  // The app's one stylesheet, beside this file (postbuild adds its content hash to this URL),
  // unless the page links it already (index.html does) or carries it inline (the single-file
  // edition): an embedder writes only the script tag. The app starts once it has loaded, so
  // that it measures styled elements.
  const styled = (() => {
    const css = new URL('./it-policy-explorer.css', base);
    const linked = [...document.querySelectorAll('link[rel~="stylesheet"]')]
      .some((l) => l.href && new URL(l.href).pathname === css.pathname);
    if (inlineInit || linked) return Promise.resolve();
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: css.href });
    const loaded = new Promise((resolve) => {
      link.addEventListener('load', resolve);
      link.addEventListener('error', resolve);
    });
    document.head.append(link);
    return loaded;
  })();

  // Before the wasm runs there is no i18n table: these few messages carry their own, in the
  // language of the link (?lang=, standalone only: embedded, that parameter is the host's), of
  // the mount element (data-lang) or of the page.
  const own = root.hasAttribute('data-standalone') || root.dataset.embed === 'frame';
  const lang = (own && new URLSearchParams(location.search).get('lang')) || root.dataset.lang || document.documentElement.lang;
  const l = /^zh-(hant|hk|tw|mo)/i.test(lang) ? 1 : /^zh/i.test(lang) ? 2 : 0;
  const TEXT = {
    loading: ['Loading the app…', '正在載入應用程式…', '正在加载应用程序…'],
    failed: ['The app could not start.', '應用程式未能啟動。', '应用程序未能启动。'],
    missing: ['This file could not be loaded:', '未能載入此檔案：', '未能加载此文件：'],
    broken: ['This file is damaged (not valid WebAssembly):', '此檔案已損壞（不是有效的 WebAssembly）：', '此文件已损坏（不是有效的 WebAssembly）：'],
    csp: ["The page's Content-Security-Policy does not allow WebAssembly (it needs 'wasm-unsafe-eval').", '網頁的內容安全政策（CSP）不允許 WebAssembly（需要 \'wasm-unsafe-eval\'）。', '网页的内容安全策略（CSP）不允许 WebAssembly（需要 \'wasm-unsafe-eval\'）。'],
    nowasm: ['This browser does not run WebAssembly, or it is turned off.', '此瀏覽器不支援 WebAssembly，或已將其關閉。', '此浏览器不支持 WebAssembly，或已将其关闭。'],
    retry: ['Retry', '重試', '重试'],
    data: ["The paper's data:", '文件的數據：', '文件的数据：'],
    server: ['This copy of the app needs a web server: browsers do not run it from a file.', '此應用程式副本需要網頁伺服器：瀏覽器不會直接從檔案執行它。', '此应用程序副本需要网页服务器：浏览器不会直接从文件运行它。'],
    single: ['Without a server, open the single-file edition beside this page:', '不用伺服器的話，請開啟此網頁旁的單一檔案版本：', '不用服务器的话，请打开此网页旁的单文件版本：'],
    command: ['Or serve this folder with one command, then open http://localhost:8000/ :', '或用一行指令提供此資料夾，然後開啟 http://localhost:8000/ ：', '或用一行命令提供此文件夹，然后打开 http://localhost:8000/ ：'],
  };
  const say = (key) => TEXT[key][l];
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  const link = (href, text) => Object.assign(el('a', text), { href });
  // Each mount element gets its own copy of a message (`build` makes the nodes), inside the
  // app's root element (index.html has one; an embedder's empty mount element gets one), where
  // the app's styles apply and the host's do not.
  const show = (build) => roots.forEach((r) => {
    let box = r.querySelector('main') || r.querySelector('.itpe');
    if (!box) r.replaceChildren(box = el('div', null, 'itpe'));
    box.replaceChildren(...build());
  });
  const loading = () => show(() => {
    const p = el('p', say('loading'), 'itpe-loading');
    p.setAttribute('role', 'status');
    return [p];
  });
  // The message's heading: one below the app's top heading (data-heading-level, 2 embedded).
  const heading = () => (own ? 'h2' : `h${Math.min(6, (Number(root.dataset.headingLevel) || 2) + 1)}`);

  // A failed start: what failed, a link to the data, and (when trying again can help) Retry.
  // `lines` makes the nodes that say what failed.
  const fail = (lines, retry) => {
    show(() => {
      const box = el('div', null, 'itpe-error-summary');
      box.setAttribute('role', 'alert');
      const data = el('p', `${say('data')} `);
      data.append(link(resolve(root, root.dataset.dataset || DATA), root.dataset.dataset || DATA));
      box.append(el(heading(), say('failed')), ...lines(), data);
      if (retry) {
        const b = el('button', say('retry'), 'itpe-button');
        b.type = 'button';
        b.addEventListener('click', () => { loading(); retry(); });
        box.append(b);
      }
      return [box];
    });
    root.querySelector('.itpe-error-summary button')?.focus();
  };
  const fileProblem = (key, file, detail) => {
    const p = el('p', `${say(key)} `);
    p.append(el('code', new URL(file, base).href));
    if (detail) p.append(` (${detail})`);
    return p;
  };

  // Opened from the file system, the browser refuses the module and the wasm: say so at once.
  if (!inlineInit && location.protocol === 'file:') {
    let folder = decodeURIComponent(base.pathname);
    if (/^\/[A-Za-z]:\//.test(folder)) folder = folder.slice(1); // Windows: /C:/... -> C:/...
    show(() => {
      const box = el('div', null, 'itpe-error-summary');
      box.setAttribute('role', 'alert');
      const single = el('p', `${say('single')} `);
      single.append(link(OFFLINE, OFFLINE));
      const command = el('p', say('command'));
      const pre = el('pre');
      pre.append(el('code', `python3 -m http.server 8000 --directory "${folder}"`));
      box.append(el(heading(), say('server')), single, command, pre);
      return [box];
    });
    return;
  }

  // The app starts once the page has painted content (its title, or the loading message
  // below): when everything is at hand (a cached visit, a fast network) this script can run
  // before the first paint, which the start's long task would then hold back, and the first
  // paint would be the app's instead of the page's title. A hidden page paints nothing and
  // waits for nothing; a second at most in any case.
  const painted = new Promise((resolve) => {
    const fcp = (entries) => entries.some((e) => e.name === 'first-contentful-paint');
    if (document.visibilityState === 'hidden' || fcp(performance.getEntriesByType?.('paint') || [])) return resolve();
    setTimeout(resolve, 1000);
    if (typeof PerformanceObserver !== 'function' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      return requestAnimationFrame(() => setTimeout(resolve, 0));
    }
    new PerformanceObserver((list, observer) => {
      if (fcp(list.getEntries())) { observer.disconnect(); resolve(); }
    }).observe({ type: 'paint', buffered: true });
  });

  let attempt = 0;
  const start = async () => {
    if (typeof WebAssembly !== 'object') return fail(() => [el('p', say('nowasm'))], null);
    attempt += 1;
    // The first start takes the wasm fetched with the page (below); a Retry fetches it again.
    const wasm = inlineInit ? null : (attempt === 1 && firstWasm) || fetchWasm();
    let init = inlineInit;
    if (!init) {
      // A dynamic import, unlike a static one, fails into this handler; a retry asks again
      // under a new URL, since the browser remembers a failed module.
      const glue = new URL('./it-policy-explorer.js', base);
      if (attempt > 1) glue.searchParams.set('retry', attempt);
      try {
        init = (await import(glue.href)).default;
      } catch (err) {
        console.error('I&T Policy Explorer: the JS glue did not load', err);
        return fail(() => [fileProblem('missing', GLUE)], start);
      }
    }
    if (wasm) {
      let response;
      try {
        response = await wasm.response;
      } catch (err) {
        console.error('I&T Policy Explorer: the wasm did not load', err);
        return fail(() => [fileProblem('missing', WASM, err.message)], start);
      }
      if (!response.ok) {
        console.error(`I&T Policy Explorer: the wasm did not load (HTTP ${response.status})`);
        return fail(() => [fileProblem('missing', WASM, `HTTP ${response.status}`)], start);
      }
    }
    try {
      await styled;
      await painted;
      await init({ module_or_path: wasm ? await wasm.module : inlineBytes() });
    } catch (err) {
      console.error('I&T Policy Explorer could not start', err);
      // Refused by the CSP: retrying cannot help. Damaged: the server may have been fixed.
      // Anything else happened once the wasm ran, which only a reload starts afresh.
      if (/unsafe-eval|Content.Security/i.test(String(err.message))) return fail(() => [el('p', say('csp'))], null);
      if (err instanceof WebAssembly.CompileError && !inlineInit) return fail(() => [fileProblem('broken', WASM)], start);
      return fail(() => [el('p', String(err))], () => location.reload());
    }
  };

  // Every request of the start goes out at once rather than one after the other (issue #17: on
  // a phone each hop in a chain costs a round trip): the glue's import (in `start`), the wasm
  // and the datasets.

  // The wasm: fetched, and compiled as its bytes arrive, while the glue and the stylesheet
  // load; the glue then only instantiates the compiled module. `response` says whether it came
  // (start words the failure); `module` rejects if it is damaged or the CSP refuses it.
  const fetchWasm = () => {
    const response = fetch(new URL('./it-policy-explorer_bg.wasm', base));
    const module = response.then((r) => {
      if (!r.ok) return null;
      // Streaming needs the wasm MIME type; a server without it still gets the app.
      if (/^application\/wasm\b/.test(r.headers.get('content-type'))) return WebAssembly.compileStreaming(r);
      return r.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
    });
    // Handled in `start`, when it awaits them (a failure before then is not "unhandled").
    response.catch(() => {});
    module.catch(() => {});
    return { response, module };
  };

  // The dataset of each mount element: `data-dataset`, else the paper's pack, relative to the
  // element's asset base. Resolved here only: the app reads the result (`data-dataset-url`),
  // for its fetch's messages and the translation files. Fetched once the page has painted
  // (at once where it already has, as an embedding page usually has; on a slow link the wasm
  // is still arriving then), once per URL however many instances show it, unless the page
  // carries it (`data-dataset-inline`, the single-file edition). The first paint, the page's
  // title, does not need it, and a request that ends before that paint is counted on its path
  // by Lighthouse's model (README "Size and speed", tenth wave). Each element gets the response
  // in flight as its `itpeDataset` property (a promise of its own copy of the Response),
  // which the app takes on its first load; a retry of the app fetches anew.
  const fetchDatasets = () => {
    const fetched = new Map();
    for (const r of roots) {
      const url = resolve(r, r.dataset.dataset || PACK);
      r.dataset.datasetUrl = url;
      if (r.dataset.datasetInline) continue;
      if (!fetched.has(url)) fetched.set(url, painted.then(() => fetch(url)));
      // A copy per element: one instance reading its body leaves the next one's whole.
      const own = fetched.get(url).then((response) => response.clone());
      own.catch(() => {}); // the app reports a failure when it reads it
      r.itpeDataset = own;
    }
  };

  // The single-file edition's wasm: base64 in a data block named by the mount element.
  const inlineBytes = () => {
    const text = atob((document.getElementById(root.dataset.wasm)?.textContent || '').trim());
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  };
  // The wasm first: it is the largest file and nothing runs without it.
  const firstWasm = inlineInit || typeof WebAssembly !== 'object' ? null : fetchWasm();
  fetchDatasets();
  loading();
  start();
})();
