/**
 * `npm run bench` (issue 7): builds the production bundle, serves it and a static baseline
 * page on localhost, drives the system Chromium through Playwright, runs the engine's Vitest
 * bench, prints a markdown table and writes bench/results/latest.{json,md}.
 *
 * Run under tsx (the package script does), so the catalog and the large-profile generator can
 * be imported from src/ as TypeScript.
 *
 * Options: --runs N (default 10, the minimum), --growth-runs N (default 10),
 * --skip-engine, --skip-profile (no CPU profiles), --report-only (re-render the report from
 * bench/results/latest.json), --strict (exit 1 when a budget is missed), --update-readme (also copy the
 * table into bench/README.md), --keep-build (leave the temporary build in place).
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeBaseline } from './baseline.mjs';
import {
  calibrateSearch,
  chromiumExecutable,
  coldLoad,
  echoRun,
  handEditRun,
  heapAfter,
  launchBrowser,
  openProfileWith,
  probeJsonPane,
  probeOpenHook,
  searchRun,
  setExpectMonaco,
  toggleRun,
} from './browser.mjs';
import { buildAndAnalyse } from './bundle.mjs';
import { profileApp } from './profile.mjs';
import { runEngineBench } from './engine.mjs';
import { BUDGETS, markdownReport, summaryMarkdown, summaryRows } from './report.mjs';
import { startStaticServer } from './server.mjs';
import { summarize } from './stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_DIR = join(ROOT, 'bench', 'results');
const SEARCH_TEXT = 'clone';
const TOGGLE_SYSCALL = 'mount';
const ALL_GROWTH_SIZES = [5_000, 20_000, 80_000];
const WATCHDOG_MS = 45 * 60_000;
/** Growth figures stop repeating after this long (at least one run is always made). */
const GROWTH_FIGURE_MS = 40_000;
/** A size whose median is beyond this is not followed by the next, larger size. */
const GROWTH_GIVE_UP_MS = 5_000;

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    'growth-runs': { type: 'string', default: '10' },
    'skip-engine': { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    'update-readme': { type: 'boolean', default: false },
    'keep-build': { type: 'boolean', default: false },
    'skip-profile': { type: 'boolean', default: false },
    'report-only': { type: 'boolean', default: false },
    only: { type: 'string' },
    'growth-sizes': { type: 'string' },
  },
});
/** Browser figures to measure (all when --only is absent); a partial run writes partial.* instead of latest.*. */
const FIGURES = ['load', 'search', 'toggle', 'handEdit', 'growth', 'profile'];
const ONLY = options.only
  ? new Set(options.only.split(',').map((name) => name.trim()))
  : new Set(FIGURES);
for (const name of ONLY) {
  if (!FIGURES.includes(name))
    throw new Error(`--only: unknown figure "${name}" (${FIGURES.join(', ')})`);
}
const GROWTH_SIZES = options['growth-sizes']
  ? options['growth-sizes'].split(',').map((size) => Number.parseInt(size, 10))
  : ALL_GROWTH_SIZES;
const PARTIAL = options.only !== undefined || options['growth-sizes'] !== undefined;
const RUNS = Math.max(1, Number.parseInt(options.runs, 10) || 10);
const GROWTH_RUNS = Math.max(1, Number.parseInt(options['growth-runs'], 10) || 10);

const started = Date.now();
const log = (message) =>
  process.stderr.write(
    `[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}\n`,
  );

const errorText = (error) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0];

function cpuModel() {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((text) => text.startsWith('model name'));
    if (line) return line.split(':').slice(1).join(':').trim();
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? 'unknown CPU';
}

/** Above this, the report says the machine maps memory slowly (a typical one: well under 100 ms). */
const SLOW_MEMORY_TOUCH_MS = 250;
const MEMORY_TOUCH_BYTES = 256 * 2 ** 20;

/**
 * How long this machine takes to write to 256 MiB of memory the process has just been given
 * (median of three). Some virtual machines make every first touch of a page a trip to the
 * host: there the page's start-up, garbage collection and large profiles, all of which take
 * fresh memory, run several times slower while a page without script hardly does, and the
 * figures mislead unless the report says so.
 */
function memoryTouchMs() {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    Buffer.allocUnsafeSlow(MEMORY_TOUCH_BYTES).fill(1);
    times.push(performance.now() - start);
  }
  return summarize(times).median;
}

/** Summaries of each numeric key across sample objects. */
function summarizeKeys(samples, keys) {
  return Object.fromEntries(
    keys.map((key) => [key, summarize(samples.map((sample) => sample[key]))]),
  );
}

// ---------------------------------------------------------------------------------------------

async function measureLoad(browser, appUrl, baselineUrl, baselineInfo, notes) {
  log('cold load: warm-up');
  const warmApp = await coldLoad(browser, appUrl, { monacoWaitMs: 12_000 });
  await coldLoad(browser, baselineUrl);
  const monacoPresent = warmApp.hasMonaco && warmApp.monaco !== undefined;
  setExpectMonaco(monacoPresent);
  const app = [];
  const baseline = [];
  for (let i = 0; i < RUNS; i++) {
    log(`cold load ${i + 1}/${RUNS}`);
    // Alternate the order so drift on a shared machine hits both pages alike.
    const appFirst = i % 2 === 0;
    if (!appFirst) baseline.push(await coldLoad(browser, baselineUrl));
    app.push(await coldLoad(browser, appUrl, { monacoWaitMs: monacoPresent ? 30_000 : 0 }));
    if (appFirst) baseline.push(await coldLoad(browser, baselineUrl));
  }
  const pageErrors = [...new Set(app.flatMap((run) => run.errors))];
  if (pageErrors.length)
    notes.push(`Page errors during cold load: ${pageErrors.slice(0, 3).join('; ')}`);
  const appStats = summarizeKeys(app, [
    'usable',
    'jsGzipBeforeUsable',
    'jsGzipTotal',
    'jsDecodedTotal',
    'transferTotal',
    'heapUsed',
    'heapUsedAfterGc',
  ]);
  appStats.domContentLoaded = summarize(app.map((run) => run.navigation?.domContentLoaded));
  appStats.usableCondition = summarize(app.map((run) => run.usableCondition));
  appStats.jsFilesBeforeUsable = app[0]?.jsFilesBeforeUsable.length;
  appStats.jsFilesBeforeUsableByRun = app.map((run) => run.jsFilesBeforeUsable);
  appStats.jsFilesTotal = app[0]?.jsFilesTotal;
  appStats.firstContentfulPaint = summarize(app.map((run) => run.paints['first-contentful-paint']));
  const baselineStats = summarizeKeys(baseline, ['usable', 'heapUsed', 'heapUsedAfterGc']);
  baselineStats.firstContentfulPaint = summarize(
    baseline.map((run) => run.paints['first-contentful-paint']),
  );
  const monaco = monacoPresent
    ? summarize(app.map((run) => run.monaco))
    : { na: 'n/a (no Monaco pane yet)' };
  return {
    app: appStats,
    baseline: {
      ...baselineStats,
      rows: baselineInfo.rows,
      htmlBytes: baselineInfo.bytes,
      htmlGzip: baseline[0]?.navigation?.encodedBodySize,
    },
    ratio: {
      median: appStats.usable.median / baselineStats.usable.median,
      p95: appStats.usable.p95 / baselineStats.usable.p95,
    },
    monaco,
    samples: { app, baseline },
  };
}

/** Keystroke → character painted on the static page, over `runs` fresh pages (see echoRun). */
async function measureFloor(browser, url, { runs }) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    log(`floor run ${i + 1}/${runs}`);
    samples.push(...(await echoRun(browser, url, SEARCH_TEXT)));
  }
  return summarize(samples);
}

async function measureSearch(browser, url, { runs, prepare }) {
  const signatures = await calibrateSearch(browser, url, SEARCH_TEXT, prepare);
  const all = [];
  const deadline = Date.now() + (prepare ? GROWTH_FIGURE_MS : 150_000);
  for (let i = 0; i < runs; i++) {
    if (i > 0 && prepare && Date.now() > deadline) break;
    log(`search run ${i + 1}/${runs}`);
    const { samples } = await searchRun(browser, url, SEARCH_TEXT, signatures, prepare);
    all.push(...samples.map((sample) => ({ run: i, ...sample })));
  }
  const unchanged = [...SEARCH_TEXT].filter((_, i) => signatures[i + 1] === signatures[i]);
  const perKey = [...SEARCH_TEXT].map((_, i) => {
    const prefix = SEARCH_TEXT.slice(0, i + 1);
    const own = all.filter((sample) => sample.prefix === prefix);
    let rows;
    try {
      const [counts, status] = JSON.parse(signatures[i + 1]);
      rows = status[0] ?? counts[0];
    } catch {
      rows = undefined;
    }
    return {
      prefix,
      rows,
      filtered: summarize(own.map((sample) => sample.filtered)),
      echo: summarize(own.map((sample) => sample.echo)),
    };
  });
  return {
    ...summarizeKeys(all, ['filtered', 'echo']),
    perKey,
    note: unchanged.length
      ? `${unchanged.length} keystroke(s) that leave the table unchanged not timed`
      : `${SEARCH_TEXT.length} keystrokes per run`,
    signatures,
    samples: all,
  };
}

async function measureToggle(browser, url, { runs, prepare, timeout }) {
  const all = [];
  let pane;
  const deadline = Date.now() + (prepare ? GROWTH_FIGURE_MS : 150_000);
  for (let i = 0; i < runs; i++) {
    if (i > 0 && prepare && Date.now() > deadline) break;
    log(`toggle run ${i + 1}/${runs}`);
    const result = await toggleRun(browser, url, TOGGLE_SYSCALL, {
      prepare,
      timeout,
      flips: prepare ? 2 : 4,
    });
    pane = result.pane;
    all.push(...result.samples.map((sample) => ({ run: i, ...sample })));
  }
  return {
    ...summarizeKeys(all, ['both', 'row']),
    firstOnPage: summarize(all.filter((sample) => sample.index === 0).map((sample) => sample.both)),
    jsonUnseen: all.filter((sample) => !sample.jsonSeen).length,
    note:
      `"Allow ${TOGGLE_SYSCALL}" flipped and back ${prepare ? 'once' : 'twice'} per fresh page; JSON pane: ${pane}` +
      (all.some((sample) => !sample.jsonSeen)
        ? `; in ${all.filter((sample) => !sample.jsonSeen).length} toggle(s) the JSON change was off screen in Monaco, timed by the row alone`
        : ''),
    samples: all,
  };
}

async function measureHandEdit(browser, url, pane, { runs, prepare, timeout }) {
  if (!pane.exists) return { na: 'n/a (no element labelled "Profile JSON")' };
  if (!pane.monaco) {
    return {
      na: `n/a (JSON pane is a ${pane.readOnly ? 'read-only ' : ''}<${pane.tag}>, not Monaco yet)`,
    };
  }
  if (pane.readOnly) return { na: 'n/a (the Monaco pane is read-only)' };
  const all = [];
  const deadline = Date.now() + (prepare ? GROWTH_FIGURE_MS : 150_000);
  for (let i = 0; i < runs; i++) {
    if (i > 0 && prepare && Date.now() > deadline) break;
    log(`hand edit run ${i + 1}/${runs}`);
    const { samples } = await handEditRun(browser, url, { prepare, timeout });
    all.push(...samples.map((sample) => ({ run: i, ...sample })));
  }
  return {
    ...summarizeKeys(all, ['edit']),
    note: 'a character typed into "accept", then Backspace',
    samples: all,
  };
}

const HOOK_NEEDED =
  'n/a: the app has no way to load another profile (src/app/profile-store.ts only starts from ' +
  "Docker's default; no file input, paste, URL or storage hook). Needed: an " +
  '<input type="file"> whose accessible name is "Open profile" (or a button named "Open profile…" ' +
  "that opens a file chooser) which replaces the store's text with the file; the bench then " +
  'uses setInputFiles / the filechooser event and picks the growth figures up unchanged.';

async function measureGrowth(browser, url, pane, notes) {
  const hook = await probeOpenHook(browser, url);
  if (!hook) return { na: HOOK_NEEDED };
  const { generateLargeProfile } = await import('../src/testing/large-profile.ts');
  const sizes = [];
  const tooSlow = new Set();
  const medianOf = { search: 'filtered', toggle: 'both', handEdit: 'edit' };
  for (const rules of GROWTH_SIZES) {
    const text = generateLargeProfile(rules);
    log(`growth: ${rules} rules (${(text.length / 1e6).toFixed(1)} MB)`);
    const prepare = openProfileWith(hook, text);
    const size = { rules, bytes: text.length };
    const opts = { runs: GROWTH_RUNS, prepare, timeout: 120_000 };
    for (const [key, fn] of [
      ['search', () => measureSearch(browser, url, opts)],
      ['toggle', () => measureToggle(browser, url, opts)],
      ['handEdit', () => measureHandEdit(browser, url, pane, opts)],
    ]) {
      if (tooSlow.has(key)) {
        size[key] = { na: `skipped: over ${GROWTH_GIVE_UP_MS / 1000} s median at a smaller size` };
        continue;
      }
      try {
        size[key] = await fn();
        if ((size[key][medianOf[key]]?.median ?? 0) > GROWTH_GIVE_UP_MS) tooSlow.add(key);
      } catch (error) {
        size[key] = { error: errorText(error) };
        notes.push(`Growth ${rules} ${key}: ${errorText(error)}`);
      }
    }
    try {
      size.heapAfterGc = await heapAfter(browser, url, prepare);
    } catch (error) {
      notes.push(`Growth ${rules} heap: ${errorText(error)}`);
    }
    sizes.push(size);
  }
  const exponent = (key, stat) => {
    const first = sizes[0]?.[key]?.[stat]?.median;
    const last = sizes.at(-1)?.[key]?.[stat]?.median;
    // One size (a partial run) says nothing about growth.
    if (!first || !last || sizes.length < 2) return undefined;
    return Math.log(last / first) / Math.log(sizes.at(-1).rules / sizes[0].rules);
  };
  return {
    hook,
    sizes,
    exponents: {
      search: exponent('search', 'filtered'),
      toggle: exponent('toggle', 'both'),
      'hand edit': exponent('handEdit', 'edit'),
    },
  };
}

// ---------------------------------------------------------------------------------------------

async function writeOutputs(results, markdown) {
  const prettier = await import('prettier');
  const format = async (file, text) => {
    const config = (await prettier.resolveConfig(file)) ?? {};
    return prettier.format(text, { ...config, filepath: file });
  };
  await mkdir(RESULTS_DIR, { recursive: true });
  const base = PARTIAL ? 'partial' : 'latest';
  const jsonFile = join(RESULTS_DIR, `${base}.json`);
  const mdFile = join(RESULTS_DIR, `${base}.md`);
  await writeFile(jsonFile, await format(jsonFile, JSON.stringify(results, null, 2)));
  const title = `# seccomp-editor bench: latest results\n\nWritten by \`npm run bench\`; see bench/README.md for how to read it.\n\n`;
  await writeFile(mdFile, await format(mdFile, title + markdown));
  if (options['update-readme'] && results.load?.error) {
    log('not updating bench/README.md: the cold-load figures could not be measured');
  } else if (options['update-readme'] && PARTIAL) {
    log('not updating bench/README.md from a partial (--only) run');
  } else if (options['update-readme']) {
    // bench/README.md gets the whole report; the top-level README the machine and the summary.
    for (const [readme, text] of [
      [join(ROOT, 'bench', 'README.md'), markdown],
      [join(ROOT, 'README.md'), summaryMarkdown(results)],
    ]) {
      const current = await readFile(readme, 'utf8');
      const start = '<!-- bench:latest:start -->';
      const end = '<!-- bench:latest:end -->';
      const from = current.indexOf(start);
      const to = current.indexOf(end);
      if (from >= 0 && to > from) {
        const next = `${current.slice(0, from + start.length)}\n\n${text}\n${current.slice(to)}`;
        await writeFile(readme, await format(readme, next));
      } else {
        log(`${readme} has no bench:latest markers; not updated`);
      }
    }
  }
  return { jsonFile, mdFile };
}

/** Thrown to leave the browser part early (its figures already say why). */
class Skip extends Error {}

async function main() {
  const loadBefore = loadavg();
  const memoryTouch = memoryTouchMs();
  const notes = [];
  const results = {
    schema: 1,
    date: new Date().toISOString(),
    options: {
      runs: RUNS,
      growthRuns: GROWTH_RUNS,
      searchText: SEARCH_TEXT,
      toggle: TOGGLE_SYSCALL,
    },
    budgets: BUDGETS,
  };
  const temp = await mkdtemp(join(tmpdir(), 'seccomp-editor-bench-'));
  const servers = [];
  let browser;
  try {
    log(`building into ${temp}`);
    try {
      const bundle = await buildAndAnalyse(ROOT, join(temp, 'app'));
      bundle.jsBytes = bundle.chunks.reduce((total, chunk) => total + chunk.bytes, 0);
      results.bundle = bundle;
    } catch (error) {
      results.bundle = { error: errorText(error) };
      throw error;
    }
    const baselineInfo = await writeBaseline(join(temp, 'baseline'));
    const app = await startStaticServer(join(temp, 'app'));
    servers.push(app);
    const baseline = await startStaticServer(join(temp, 'baseline'));
    servers.push(baseline);
    const appUrl = `${app.url}/`;
    const baselineUrl = `${baseline.url}/`;

    log(`launching ${chromiumExecutable() ?? "Playwright's Chromium"}`);
    browser = await launchBrowser();
    results.machine = { chromium: `Chromium ${browser.version()}` };

    const step = async (key, fn) => {
      try {
        results[key] = await fn();
      } catch (error) {
        log(`${key}: ${errorText(error)}`);
        results[key] = { error: errorText(error) };
      }
    };
    await step('load', () => measureLoad(browser, appUrl, baselineUrl, baselineInfo, notes));
    if (results.load.error) {
      // Every other figure needs a usable table; don't wait for each of them to time out.
      const skipped = { error: `skipped: ${results.load.error}` };
      for (const key of ['search', 'toggle', 'handEdit', 'growth']) results[key] = skipped;
      throw new Skip();
    }
    const stepIf = (key, fn) => (ONLY.has(key) ? step(key, fn) : undefined);
    await stepIf('search', () => measureSearch(browser, appUrl, { runs: RUNS }));
    if (ONLY.has('search'))
      await step('floor', () => measureFloor(browser, baselineUrl, { runs: RUNS }));
    await stepIf('toggle', () => measureToggle(browser, appUrl, { runs: RUNS, timeout: 30_000 }));
    let pane = { exists: false };
    try {
      pane = await probeJsonPane(browser, appUrl);
    } catch (error) {
      notes.push(`Probing the JSON pane failed: ${errorText(error)}`);
    }
    results.jsonPane = pane;
    await stepIf('handEdit', () =>
      measureHandEdit(browser, appUrl, pane, { runs: RUNS, timeout: 30_000 }),
    );
    await stepIf('growth', () => measureGrowth(browser, appUrl, pane, notes));
    if (!options['skip-profile'] && ONLY.has('profile')) {
      log('profiling load, search and toggle (CPU profiles, after the timed runs)');
      await step('profile', () =>
        profileApp(browser, appUrl, join(temp, 'app', 'assets'), {
          searchText: SEARCH_TEXT,
          toggleSyscall: TOGGLE_SYSCALL,
        }),
      );
    }
    results.serverLog = app.log.slice(0, 50);
  } catch (error) {
    if (!(error instanceof Skip)) throw error;
  } finally {
    await browser?.close().catch(() => {});
    for (const server of servers) await server.close().catch(() => {});
    if (!options['keep-build']) await rm(temp, { recursive: true, force: true });
  }

  if (options['skip-engine']) {
    results.engine = { skipped: true };
  } else {
    log('engine: npx vitest bench --run src/core/engine.bench.ts');
    const engineTemp = await mkdtemp(join(tmpdir(), 'seccomp-editor-engine-'));
    try {
      results.engine = { rows: await runEngineBench(ROOT, join(engineTemp, 'engine.json')) };
    } catch (error) {
      results.engine = { error: errorText(error) };
    } finally {
      await rm(engineTemp, { recursive: true, force: true });
    }
  }

  results.machine = {
    ...results.machine,
    cpu: cpuModel(),
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    kernel: release(),
    loadBefore,
    loadAfter: loadavg(),
    memoryTouchMs: memoryTouch,
  };
  results.durationSeconds = Math.round((Date.now() - started) / 1000);
  const busiest = Math.max(...loadBefore, ...results.machine.loadAfter);
  if (busiest > results.machine.cores) {
    notes.push(
      `The machine was busy (load average up to ${busiest.toFixed(1)} on ${results.machine.cores} cores): ` +
        'absolute times are inflated and noisy; the app/baseline ratio, measured in alternating runs, is the steadier figure.',
    );
  }
  if (memoryTouch > SLOW_MEMORY_TOUCH_MS) {
    notes.push(
      `This machine maps memory slowly: writing to 256 MiB of fresh memory took ${memoryTouch.toFixed(0)} ms ` +
        `(a typical machine: well under 100 ms). Everything that takes new memory (the page's start, ` +
        'garbage collection, large profiles) is inflated, the static page hardly at all, so the load ratio ' +
        'reads worse than elsewhere; judge a change by both builds side by side (bench/ab.mjs).',
    );
  }
  results.notes = notes;
  results.summary = summaryRows(results);
  const markdown = markdownReport(results);
  const { jsonFile, mdFile } = await writeOutputs(results, markdown);
  process.stdout.write(`\n${markdown}\n`);
  log(`wrote ${jsonFile} and ${mdFile} in ${results.durationSeconds} s`);
  const failed = results.summary.filter((row) => row.status === 'fail' || row.status === 'error');
  if (failed.length)
    log(
      `${failed.length} figure(s) miss their budget or failed: ${failed.map((row) => row.figure).join('; ')}`,
    );
  return options.strict && failed.length > 0 ? 1 : 0;
}

/** Re-renders latest.md (and the README with --update-readme) from latest.json, measuring nothing. */
async function reportOnly() {
  const results = JSON.parse(await readFile(join(RESULTS_DIR, 'latest.json'), 'utf8'));
  results.summary = summaryRows(results);
  const markdown = markdownReport(results);
  await writeOutputs(results, markdown);
  process.stdout.write(`\n${markdown}\n`);
  return 0;
}

const watchdog = setTimeout(() => {
  process.stderr.write(`bench: still running after ${WATCHDOG_MS / 60_000} minutes; giving up\n`);
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    process.stderr.write(`bench: ${signal}\n`);
    process.exit(130);
  });
}

(options['report-only'] ? reportOnly() : main()).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  },
);
