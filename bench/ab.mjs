/**
 * Diagnosis aid (not part of `npm run bench`): the bench's own toggle, hand-edit and search
 * runs against two builds side by side, fresh pages alternating between them, so that a change
 * is judged against the code before it on the same machine in the same minutes. Absolute times
 * drift with the machine between runs (bench/README.md); the difference between A and B, taken
 * this way, does not.
 *
 * Usage:
 *   npx vite build --outDir /tmp/a          # on the commit before the change
 *   npx vite build --outDir /tmp/b          # with the change
 *   npx tsx bench/ab.mjs /tmp/a /tmp/b [--figures toggle,handEdit,search] [--pages 8]
 *                                      [--rules 5000]   # on a generated large profile
 *                                      [--raw]          # each page's samples, in order
 */
import { parseArgs } from 'node:util';
import {
  calibrateSearch,
  handEditRun,
  launchBrowser,
  openProfileWith,
  probeOpenHook,
  searchRun,
  setExpectMonaco,
  toggleRun,
} from './browser.mjs';
import { startStaticServer } from './server.mjs';
import { summarize } from './stats.mjs';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    figures: { type: 'string', default: 'toggle,handEdit,search' },
    pages: { type: 'string', default: '8' },
    rules: { type: 'string' },
    raw: { type: 'boolean', default: false },
  },
});
if (positionals.length !== 2) {
  console.error('usage: tsx bench/ab.mjs <built folder A> <built folder B> [options]');
  process.exit(2);
}

const figures = options.figures.split(',');
const pages = Number(options.pages);
const builds = await Promise.all(
  positionals.map(async (folder) => ({ folder, server: await startStaticServer(folder) })),
);
const browser = await launchBrowser();
setExpectMonaco(true);

let prepare;
if (options.rules) {
  const { generateLargeProfile } = await import('../src/testing/large-profile.ts');
  const hook = await probeOpenHook(browser, `${builds[0].server.url}/`);
  prepare = openProfileWith(hook, generateLargeProfile(Number(options.rules)));
}
const timeout = prepare ? 120_000 : 30_000;

/** Each figure: one fresh page's samples (milliseconds) for a build's URL. */
const RUNS = {
  toggle: async (url) =>
    (await toggleRun(browser, url, 'mount', { prepare, timeout, flips: 4 })).samples.map(
      (sample) => sample.both,
    ),
  handEdit: async (url) =>
    (await handEditRun(browser, url, { prepare, timeout })).samples.map((sample) => sample.edit),
  search: async (url, signatures) =>
    (await searchRun(browser, url, 'clone', signatures, prepare)).samples
      .map((sample) => sample.filtered)
      .filter((value) => value !== undefined),
};

const format = (value) => (value === undefined ? '—' : `${value.toFixed(0)} ms`);
try {
  for (const figure of figures) {
    const run = RUNS[figure];
    if (!run) throw new Error(`unknown figure ${figure} (toggle, handEdit, search)`);
    const signatures =
      figure === 'search'
        ? await calibrateSearch(browser, `${builds[0].server.url}/`, 'clone', prepare)
        : undefined;
    const samples = builds.map(() => []);
    for (let page = 0; page < pages; page++) {
      // A then B on even pages, B then A on odd ones: neither always runs on a warmer machine.
      const order = page % 2 === 0 ? [0, 1] : [1, 0];
      for (const which of order) {
        const own = await run(`${builds[which].server.url}/`, signatures);
        if (options.raw) console.log(`${figure} ${'AB'[which]} ${own.map(format).join(' ')}`);
        samples[which].push(...own);
      }
      process.stderr.write(`${figure} page ${page + 1}/${pages}\n`);
    }
    for (const [which, build] of builds.entries()) {
      const { n, median, p95, min, max } = summarize(samples[which]);
      console.log(
        `${figure.padEnd(8)} ${'AB'[which]} ${build.folder.padEnd(16)} n=${n} median ${format(median)} p95 ${format(p95)} (min ${format(min)}, max ${format(max)})`,
      );
    }
  }
} finally {
  await browser.close();
  for (const { server } of builds) await server.close();
}
