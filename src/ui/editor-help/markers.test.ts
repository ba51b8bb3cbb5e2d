import { describe, expect, it } from 'vitest';
import { syscallKnowledge } from '../../catalog/knowledge.ts';
import { LineIndex } from '../../core/json.ts';
import { lintProfile } from '../../core/lint.ts';
import { findingPlace, findingsToMarkers, MARKER_SEVERITY, tokenEnd } from './markers.ts';

const text = [
  '{',
  '\t"defaultAction": "SCMP_ACT_ERRNO",',
  '\t"syscalls": [',
  '\t\t{ "names": ["sysctl"], "action": "SCMP_ACT_ALLOW", "include": {} }',
  '\t]',
  '}',
].join('\n');

describe('lint findings as editor markers', () => {
  const findings = lintProfile(text, { syscalls: syscallKnowledge });

  it('keep code, message and severity, at the finding’s lines and columns', () => {
    const markers = findingsToMarkers(findings);
    expect(markers).toContainEqual({
      severity: MARKER_SEVERITY.warning,
      code: 'unknown-syscall',
      message: expect.stringContaining('Did you mean "_sysctl"?'),
      source: 'seccomp-editor',
      startLineNumber: 4,
      startColumn: 15,
      endLineNumber: 4,
      endColumn: 23,
    });
    expect(markers.map((marker) => marker.code)).toContain('unknown-key');
  });

  it('use the model’s own offset mapping when given one', () => {
    const lines = new LineIndex(text);
    const positionAt = (offset: number) => {
      const { line, column } = lines.position(offset);
      return { lineNumber: line, column };
    };
    expect(findingsToMarkers(findings, positionAt)).toEqual(findingsToMarkers(findings));
  });

  it('mark a syntax error as an error where the parser stopped, with Docker’s words', () => {
    const [syntax] = findingsToMarkers(lintProfile('{\n\t"defaultAction": x\n}'));
    expect(syntax).toMatchObject({
      severity: MARKER_SEVERITY.error,
      code: 'json-syntax',
      startLineNumber: 2,
      startColumn: 19,
      endColumn: 20,
    });
    const [type] = findingsToMarkers(lintProfile('{"defaultErrnoRet": "1"}'));
    expect(type).toMatchObject({ severity: MARKER_SEVERITY.error, code: 'docker-type' });
    expect(type!.message).toMatch(/cannot unmarshal/);
    expect(findingPlace({ line: 4, column: 22 })).toBe('line 4, column 22');
  });

  it('widen a syntax error to the token it is at, so it is easy to see', () => {
    const broken = '{\n\t"defaultErrnoRet": 1\n\t"archMap": [],\n\t"x": nul\n}';
    const [marker] = findingsToMarkers(lintProfile(broken), undefined, broken);
    expect(marker).toMatchObject({ startLineNumber: 3, startColumn: 2, endColumn: 11 });
    expect(tokenEnd('"a\\"b" x', 0)).toBe(6);
    expect(tokenEnd('"open\nnext', 0)).toBe(5);
    expect(tokenEnd('nul }', 0)).toBe(3);
    expect(tokenEnd('}', 0)).toBe(1);
    expect(tokenEnd('x', 1)).toBe(1);
  });
});
