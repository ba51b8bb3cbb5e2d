/**
 * The engine's lint findings as editor markers: severity, code, message and the range they
 * cover. Plain data in Monaco's marker shape (its `MarkerSeverity` numbers), so it is tested
 * without loading the editor.
 */
import type { Finding, Severity } from '../../core/lint.ts';
import { MARKED_AT_MOST } from './marker-limit.ts';

/** Monaco's `MarkerSeverity` values. */
export const MARKER_SEVERITY: Readonly<Record<Severity, number>> = {
  error: 8,
  warning: 4,
  info: 2,
};

/** The owner name markers are set under (and shown as their source). */
export const LINT_MARKER_SOURCE = 'seccomp-editor';

export interface MarkerData {
  severity: number;
  code: string;
  message: string;
  source: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** A 1-based line and column (Monaco's `IPosition`). */
export interface LineColumn {
  lineNumber: number;
  column: number;
}

/**
 * Where the token starting at an offset ends (a whole string, or a word), on its line: a
 * syntax error marked on one character is easy to miss; on the token it is not.
 */
export function tokenEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  const lineEnd = newline === -1 ? text.length : newline;
  if (offset >= lineEnd) return offset;
  if (text[offset] === '"') {
    for (let i = offset + 1; i < lineEnd; i++) {
      if (text[i] === '\\') i += 1;
      else if (text[i] === '"') return i + 1;
    }
    return lineEnd;
  }
  let end = offset;
  while (end < lineEnd && /[\w.+-]/.test(text[end]!)) end += 1;
  return Math.max(end, offset + 1);
}

/**
 * Markers for findings.
 *
 * @param findings - the engine's lint findings for the text the markers go on
 * @param positionAt - the model's own offset → position mapping (it knows CRLF); without it
 *   the findings' line and column are used
 * @param text - the text, to widen a syntax error to the token it is at
 */
export { MARKED_AT_MOST };

export function findingsToMarkers(
  findings: readonly Finding[],
  positionAt?: (offset: number) => LineColumn,
  text?: string,
): MarkerData[] {
  return findings.slice(0, MARKED_AT_MOST).map((finding) => {
    const start = positionAt
      ? positionAt(finding.start)
      : { lineNumber: finding.line, column: finding.column };
    const widened =
      text !== undefined && finding.code === 'json-syntax'
        ? Math.max(finding.end, tokenEnd(text, finding.start))
        : undefined;
    const end =
      widened !== undefined && positionAt
        ? positionAt(widened)
        : widened !== undefined
          ? { lineNumber: finding.line, column: finding.column + (widened - finding.start) }
          : positionAt
            ? positionAt(finding.end)
            : { lineNumber: finding.endLine, column: finding.endColumn };
    const docker =
      finding.docker !== undefined && !finding.message.includes(finding.docker)
        ? `\nDocker says: ${finding.docker}`
        : '';
    return {
      severity: MARKER_SEVERITY[finding.severity],
      code: finding.code,
      message: `${finding.message}${docker}`,
      source: LINT_MARKER_SOURCE,
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    };
  });
}

/** "line 4, column 22" for a finding. */
export function findingPlace(finding: Pick<Finding, 'line' | 'column'>): string {
  return `line ${finding.line}, column ${finding.column}`;
}
