// A small WebDriver BiDi client for Debian's stock Firefox ESR (Playwright drives only its own
// patched Firefox, which cannot be downloaded here). Enough to open a page, read it, collect
// console errors and take a screenshot.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// Node 20 has no WebSocket client built in: the `ws` package (a dev dependency).
import WebSocket from 'ws';

/** Starts headless Firefox and a BiDi session; `close()` ends both. */
export async function firefox() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'itpe-ff-'));
  const proc = spawn('firefox-esr', ['--headless', '--no-remote', '--profile', profile,
    '--remote-debugging-port', '0', '--window-size=1280,900'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Firefox did not start its BiDi server')), 30000);
    proc.stderr.on('data', (d) => {
      const m = String(d).match(/WebDriver BiDi listening on (ws:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on('exit', (code) => reject(new Error(`Firefox exited (${code})`)));
  });
  const sock = new WebSocket(`${endpoint}/session`);
  await new Promise((resolve, reject) => { sock.on('open', resolve); sock.on('error', reject); });
  let next = 0;
  const pending = new Map();
  const errors = [];
  sock.on('message', (raw) => {
    const msg = JSON.parse(raw);
    if (msg.id && pending.has(msg.id)) {
      pending.get(msg.id)(msg);
      pending.delete(msg.id);
    } else if (msg.method === 'log.entryAdded' && msg.params.level === 'error') {
      errors.push(msg.params.text);
    }
  });
  const send = (method, params) => new Promise((resolve, reject) => {
    const id = ++next;
    pending.set(id, (msg) => (msg.error ? reject(new Error(`${method}: ${msg.message}`)) : resolve(msg.result)));
    sock.send(JSON.stringify({ id, method, params }));
  });
  await send('session.new', { capabilities: {} });
  await send('session.subscribe', { events: ['log.entryAdded'] });
  const { contexts } = await send('browsingContext.getTree', {});
  const context = contexts[0].context;
  return {
    errors,
    goto: (url) => send('browsingContext.navigate', { context, url, wait: 'complete' }),
    /** The value of a JavaScript expression in the page. */
    eval: async (expression) => (await send('script.evaluate', { expression, target: { context }, awaitPromise: true })).result?.value,
    /** Polls `expression` until it is truthy (or fails after `ms`). */
    async until(expression, ms = 20000) {
      for (const end = Date.now() + ms; Date.now() < end;) {
        const v = await this.eval(expression);
        if (v) return v;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`timed out waiting for ${expression}`);
    },
    screenshot: async (file) => fs.writeFileSync(file, Buffer.from((await send('browsingContext.captureScreenshot', { context })).data, 'base64')),
    async close() {
      sock.close();
      proc.kill();
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.on('exit', r)));
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
