import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.ts';

// E2E_PORT lets several suites run side by side (each builds into its own folder).
const PORT = Number(process.env.E2E_PORT ?? 4173);
const OUT_DIR = process.env.E2E_PORT ? `dist-e2e-${PORT}` : 'dist';

type TraceMode = 'off' | 'on' | 'retain-on-failure' | 'retain-on-first-failure';
const TRACE_MODES: readonly TraceMode[] = [
  'off',
  'on',
  'retain-on-failure',
  'retain-on-first-failure',
];

function traceMode(): TraceMode {
  const asked = process.env.E2E_TRACE;
  if (asked === undefined || asked === '') return process.env.CI ? 'off' : 'retain-on-failure';
  const mode = TRACE_MODES.find((known) => known === asked);
  if (!mode) throw new Error(`E2E_TRACE=${asked}: expected one of ${TRACE_MODES.join(', ')}`);
  return mode;
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.E2E_PORT ? `test-results-${PORT}` : 'test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: 'list',
  // Generous, since a timeout exists to end a hung test: a shared 2-core machine runs these
  // steps several times slower than an idle one.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    headless: true,
    // Recording a trace of every test costs a quarter of the suite's time on 2 cores, and CI
    // keeps only the printed log. E2E_TRACE=retain-on-failure (or on) brings it back.
    trace: traceMode(),
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumExecutable(),
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    command: `npx vite build --outDir ${OUT_DIR} && npx vite preview --outDir ${OUT_DIR} --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
