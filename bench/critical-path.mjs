/**
 * Diagnosis aid (not part of `npm run bench`): where the main thread's time goes inside the
 * timed windows only, from the triggering event to the frame that shows the result, as the
 * bench times them. The bench's own CPU-profile tables (profile.mjs) cover everything after
 * each action, lint and markers included, which come after the frame the figures time: a
 * change that shortens them need not shorten a figure, and this tells the two apart.
 *
 * One CPU profile per fresh page; a busy loop of known time in the page lines the profile's
 * clock up with the page's `performance.now()`, which the probe's times are in.
 *
 * Usage:
 *   npx vite build --sourcemap hidden --outDir /tmp/app     # maps name the functions
 *   npx tsx bench/critical-path.mjs /tmp/app [handEdit|toggle] [--pages 4] [--rules 5000]
 *                                   [--under <function label part>] [--top 40]
 *                                   [--keys x,Backspace]   # the hand edit's keys, in order
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  launchBrowser,
  openPage,
  openProfileWith,
  placeCursorInName,
  watchSwitchFlip,
} from './browser.mjs';
import { moduleGroup } from './bundle.mjs';
import { sourceMapLookup } from './profile.mjs';
import { startStaticServer } from './server.mjs';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pages: { type: 'string', default: '4' },
    rules: { type: 'string' },
    under: { type: 'string' },
    top: { type: 'string', default: '40' },
    keys: { type: 'string', default: 'x,Backspace' },
  },
});
const [folder, figure = 'handEdit'] = positionals;
if (!folder || !['handEdit', 'toggle'].includes(figure)) {
  console.error('usage: tsx bench/critical-path.mjs <built folder> [handEdit|toggle] [options]');
  process.exit(2);
}
const CALIBRATION_MS = 30;
/** What each figure does on a page, and the switch whose flip ends its window. */
const ACTIONS = {
  handEdit: { syscall: 'accept', steps: options.keys.split(','), start: 'keydown' },
  toggle: { syscall: 'mount', steps: ['flip', 'back'], start: 'click' },
};
const action = ACTIONS[figure];

const server = await startStaticServer(folder);
const browser = await launchBrowser();
const lookups = new Map();
const selfTimes = new Map();
const inclusiveTimes = new Map();
let sampled = 0;
let windowed = 0;
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);

/** A profile node's name: file:line through the source map where there is one. */
function labelOf(node) {
  const frame = node.callFrame;
  const file = frame.url.split('/').pop();
  const lookup = frame.url.includes('/assets/') ? lookups.get(file) : undefined;
  const original = lookup?.(frame.lineNumber, frame.columnNumber);
  if (!original) return `${frame.functionName || '(anonymous)'} ${file}`.trim();
  const source = original.source
    .replace(/.*node_modules\//, '')
    .replace(/^(\.\.\/)+work\/[^/]+\//, '');
  return `${moduleGroup(original.source)} ${source}:${original.line} ${original.name ?? frame.functionName}`;
}

try {
  for (let pageIndex = 0; pageIndex < Number(options.pages); pageIndex++) {
    const { context, page } = await openPage(browser);
    const cdp = await context.newCDPSession(page);
    await page.goto(`${server.url}/`);
    await page.evaluate(() => window.__bench.when(window.__bench.tableUsable, 60_000));
    await page.evaluate(() => window.__bench.openJsonPane());
    await page.evaluate(() => window.__bench.when(window.__bench.monacoReady, 30_000));
    if (options.rules) {
      const { generateLargeProfile } = await import('../src/testing/large-profile.ts');
      await openProfileWith('file-input', generateLargeProfile(Number(options.rules)))(page);
    }
    await page.evaluate(() => window.__bench.quiet(1_000, 10_000));
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => name.endsWith('.js')),
    );
    for (const script of scripts) {
      const file = new URL(script).pathname.split('/').pop();
      if (lookups.has(file)) continue;
      const map = await readFile(join(folder, 'assets', `${file}.map`), 'utf8').catch(() => null);
      if (map) lookups.set(file, sourceMapLookup(JSON.parse(map)));
    }
    if (figure === 'toggle') {
      await page.getByRole('searchbox', { name: 'Search syscalls' }).fill(action.syscall);
      await page.evaluate(() => window.__bench.quiet(600, 10_000));
    } else {
      await placeCursorInName(page, action.syscall);
    }

    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    const calibratedAt = await page.evaluate((ms) => {
      // Named, so that its samples can be found in the profile.
      function benchCalibrationLoop() {
        const start = performance.now();
        while (performance.now() - start < ms);
        return start;
      }
      return benchCalibrationLoop();
    }, CALIBRATION_MS);
    const windows = [];
    for (const step of action.steps) {
      await watchSwitchFlip(page, action.syscall);
      if (figure === 'toggle') {
        await page.getByRole('switch', { name: `Allow ${action.syscall}`, exact: true }).click();
      } else {
        await page.keyboard.press(step);
      }
      windows.push(
        await page.evaluate(async (start) => {
          const bench = window.__bench;
          const done = await bench.pendingEdit;
          return [bench.last[start], done.paint];
        }, action.start),
      );
      await page.evaluate(() => window.__bench.quiet(400, 10_000));
    }
    const { profile } = await cdp.send('Profiler.stop');
    await context.close();

    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map();
    for (const node of profile.nodes)
      for (const child of node.children ?? []) parent.set(child, node.id);
    const stackOf = (id) => {
      const labels = [];
      for (let at = id; at !== undefined; at = parent.get(at)) labels.push(labelOf(nodes.get(at)));
      return labels;
    };
    const sampleTimes = [];
    let clock = profile.startTime;
    for (const delta of profile.timeDeltas) sampleTimes.push((clock += delta) / 1000);
    const calibrationIndex = profile.samples.findIndex((id) =>
      stackOf(id).some((label) => label.startsWith('benchCalibrationLoop')),
    );
    if (calibrationIndex < 0) throw new Error('the calibration loop is not in the profile');
    const offset = sampleTimes[calibrationIndex] - calibratedAt;
    console.log(
      `page ${pageIndex + 1}: ${action.steps.map((step, i) => `${step} ${(windows[i][1] - windows[i][0]).toFixed(0)} ms`).join(', ')}`,
    );
    for (const [start, end] of windows) windowed += end - start;
    for (let i = 0; i < profile.samples.length; i++) {
      const at = sampleTimes[i] - offset;
      if (!windows.some(([start, end]) => at >= start && at <= end)) continue;
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const stack = stackOf(profile.samples[i]);
      if (options.under && !stack.some((label) => label.includes(options.under))) continue;
      sampled += ms;
      add(selfTimes, stack[0], ms);
      for (const label of new Set(stack)) add(inclusiveTimes, label, ms);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const top = (map) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(options.top))
    .map(([label, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${label}`)
    .join('\n');
console.log(
  `\n${windowed.toFixed(0)} ms in the timed windows, ${sampled.toFixed(0)} ms of samples in them` +
    (options.under ? ` under "${options.under}"` : ''),
);
console.log(`\nSelf time\n${top(selfTimes)}`);
console.log(`\nInclusive time\n${top(inclusiveTimes)}`);
