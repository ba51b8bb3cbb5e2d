/**
 * The engine's lint findings for the profile text, computed in a worker after the frame that
 * shows each change: a keystroke or a toggle updates the table at once, and the problems list
 * and the editor's markers follow (linting a 1 MB profile takes tens of milliseconds, a 3 MB
 * one hundreds). Where no worker can start, the linter runs on the page, after the frame.
 */
import type { Finding } from '../core/lint.ts';
import type { LintRequest } from './lint.worker.ts';
import LintWorker from './lint.worker.ts?worker';
import { whenIdle } from '../ui/when-idle.ts';
import { profileStore } from './profile-store.ts';

export interface LintResult {
  /** The text the findings are for (the editor shows markers only when it still holds it). */
  readonly text: string;
  /** The first findings (as many as the page shows and marks). */
  readonly findings: readonly Finding[];
  /** How many findings there are in all. */
  readonly total: number;
}

type Listener = () => void;

let result: LintResult | undefined;
let scheduled: { cancel(): void } | undefined;
const listeners = new Set<Listener>();

/** Within this long of a change its findings are asked for, however busy the page. */
const LINT_AFTER_MS = 100;

/** Runs `task` once the next frame has been rendered and the page is idle (or soon after). */
function afterNextPaint(task: () => void): { cancel(): void } {
  let cancelIdle: (() => void) | undefined;
  const frame = requestAnimationFrame(() => {
    cancelIdle = whenIdle(task, LINT_AFTER_MS);
  });
  return {
    cancel() {
      cancelAnimationFrame(frame);
      cancelIdle?.();
    },
  };
}

function publish(text: string, findings: readonly Finding[], total: number): void {
  // A reply for a text already replaced is dropped: the newer one's request is on its way.
  if (text !== profileStore.getText() || result?.text === text) return;
  result = { text, findings, total };
  for (const listener of listeners) listener();
}

let worker: Worker | null | undefined;
let nextId = 0;
/** The text the worker is linting now, and the newest one waiting for it to finish. */
let inFlight: { id: number; text: string } | undefined;
let waiting: string | undefined;

/** The lint worker, started on first use; null where workers can't run (then: on the page). */
function lintWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new LintWorker();
    worker.onmessage = (
      event: MessageEvent<{ id: number; findings: Finding[]; total: number }>,
    ) => {
      if (inFlight?.id !== event.data.id) return;
      const { text } = inFlight;
      inFlight = undefined;
      publish(text, event.data.findings, event.data.total);
      // Typing went on meanwhile: only the newest text is worth linting.
      const next = waiting;
      waiting = undefined;
      if (next !== undefined && next === profileStore.getText()) lint(next);
    };
    worker.onerror = () => {
      worker?.terminate();
      worker = null;
      inFlight = undefined;
      waiting = undefined;
      schedule();
    };
  } catch {
    worker = null;
  }
  return worker;
}

function lint(text: string): void {
  const target = lintWorker();
  if (target) {
    if (inFlight !== undefined) {
      waiting = text;
      return;
    }
    const request: LintRequest = { id: ++nextId, text };
    inFlight = request;
    target.postMessage(request);
    return;
  }
  void import('./lint-findings.ts').then(({ lintFindingsOf }) => {
    if (text !== profileStore.getText()) return;
    const findings = lintFindingsOf(text);
    publish(text, findings, findings.length);
  });
}

function schedule(): void {
  scheduled?.cancel();
  scheduled = afterNextPaint(() => {
    scheduled = undefined;
    const text = profileStore.getText();
    if (result?.text !== text) lint(text);
  });
}

let watching = false;

export const lintStore = {
  /** The latest findings, for the text as it stood when they were computed (undefined at first). */
  getSnapshot(): LintResult | undefined {
    return result;
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    if (!watching) {
      watching = true;
      profileStore.subscribe(schedule);
      schedule();
    }
    return () => listeners.delete(listener);
  },
};
