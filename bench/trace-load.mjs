/**
 * Diagnosis aid (not part of `npm run bench`): one cold load of a built app folder under a
 * Chromium trace, and the main thread's time by event kind up to the table being usable.
 * Usage: tsx bench/trace-load.mjs <built folder> [runs]
 */
import { launchBrowser, openPage } from './browser.mjs';
import { startStaticServer } from './server.mjs';

const folder = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
const server = await startStaticServer(folder);
const browser = await launchBrowser();
const totals = new Map();
for (let run = 0; run < runs; run++) {
  const { context, page } = await openPage(browser, { loadProbe: true });
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline'],
  });
  await page.goto(`${server.url}/`);
  const usable = await page.waitForFunction(() => window.__bench.load.usable, null, {
    timeout: 60_000,
  });
  const { paint } = await usable.jsonValue();
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const events = trace.traceEvents;
  const mainTid = events.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  )?.tid;
  const tops = events.filter((e) => e.tid === mainTid && e.ph === 'X' && e.dur);
  // Self time per event name: subtract direct children.
  tops.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  for (const e of tops) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.self = (parent.self ?? parent.dur) - e.dur;
    e.self = e.self ?? e.dur;
    stack.push(e);
  }
  for (const e of tops) {
    const key = e.name === 'FunctionCall' || e.name === 'EvaluateScript' ? `${e.name}` : e.name;
    totals.set(key, (totals.get(key) ?? 0) + Math.max(0, e.self) / 1000 / runs);
  }
  console.log(`run ${run + 1}: usable painted at ${paint.toFixed(0)} ms`);
  await context.close();
}
const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25);
for (const [name, ms] of rows) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
await browser.close();
await server.close();
