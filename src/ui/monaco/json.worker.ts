/**
 * Monaco's JSON worker, made to survive deep nesting. Its parser recurses once per level, so a
 * document nested tens of thousands deep overflows the worker's stack: every request then
 * fails with a RangeError, which Monaco logs on the page's console. Here such a request
 * answers "nothing" (no markers, folds or symbols from JSON's service) instead; the engine's
 * own findings still mark the text, including that it is nested too deeply.
 */
import { initialize } from 'monaco-editor/internal/common/initialize.js';
import { JSONWorker } from 'monaco-editor/languages/features/json/jsonWorker.js';

/** Each request the worker answers, and what it answers when the document is too deep. */
const EMPTY_ANSWERS: Readonly<Record<string, () => unknown>> = {
  doValidation: () => [],
  doComplete: () => null,
  doHover: () => null,
  format: () => [],
  findDocumentSymbols: () => [],
  findDocumentColors: () => [],
  getColorPresentations: () => [],
  getFoldingRanges: () => [],
  getSelectionRanges: () => [],
  parseJSONDocument: () => null,
  getMatchingSchemas: () => [],
};

type Request = (...args: unknown[]) => Promise<unknown>;

function guarded(worker: JSONWorker): JSONWorker {
  const methods = worker as unknown as Record<string, Request>;
  for (const [name, empty] of Object.entries(EMPTY_ANSWERS)) {
    const request = methods[name];
    if (typeof request !== 'function') continue;
    methods[name] = async (...args) => {
      try {
        return await request.apply(worker, args);
      } catch (error) {
        if (error instanceof RangeError) return empty();
        throw error;
      }
    };
  }
  return worker;
}

self.onmessage = () => {
  initialize((ctx, createData) => guarded(new JSONWorker(ctx, createData)));
};
