import { describe, expect, it } from 'vitest';
import { defaultContext } from '../core/context.ts';
import { dockerDefaultProfileText } from '../core/docker-default.ts';
import { allowSyscall, blockSyscall } from '../core/edit.ts';
import { parseProfile } from '../core/parse.ts';
import { diffEntriesFor, rulePlaceFor } from './editor-data.ts';
import { editorHelpFor } from './editor-help-data.ts';
import { lintFindingsOf } from './lint-findings.ts';
import { syscallModelFor } from './syscall-model.ts';

const text = dockerDefaultProfileText();
const context = defaultContext();
const model = syscallModelFor(text, context);

describe('what the JSON editor knows', () => {
  it('lints once per text', () => {
    expect(lintFindingsOf(text)).toBe(lintFindingsOf(text));
    expect(lintFindingsOf(text).map((finding) => finding.code)).toEqual(['syscall-not-on-arch']);
  });

  it('describes a syscall for hovering: what it does, its status here, Docker’s reason', () => {
    const help = editorHelpFor(model, 'amd64 · kernel 7.1');
    expect(help.describe('mount')).toMatchObject({
      known: true,
      status: 'Blocked (EPERM)',
      context: 'amd64 · kernel 7.1',
      capabilities: ['CAP_SYS_ADMIN'],
      reason: { risk: 'critical' },
    });
    expect(help.describe('sysctl')).toMatchObject({ known: false, suggestion: '_sysctl' });
    expect(help.completion.statusOf('read')).toBe('Allowed');
    expect(help.completion.syscalls.length).toBe(model.rows.length);
  });

  it('finds the name in the deciding rule, or in a rule not in force, or the default action', () => {
    const ptrace = rulePlaceFor(model, 'ptrace', context)!;
    expect(text.slice(ptrace.start, ptrace.end)).toBe('"ptrace"');
    expect(ptrace.what).toMatch(/^rule \d+$/);
    // mount is decided by the default action; the rule naming it needs CAP_SYS_ADMIN.
    const mount = rulePlaceFor(model, 'mount', context)!;
    expect(text.slice(mount.start, mount.end)).toBe('"mount"');
    // A name no rule mentions shows the default action.
    const noRules = syscallModelFor('{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": []}', context);
    expect(rulePlaceFor(noRules, 'read', context)).toMatchObject({
      start: 1,
      what: 'defaultAction',
    });
  });

  it('[PARSE-9] finds the same places after an edit near the top, whose later nodes keep their old offsets', () => {
    // A comment typed into the first rule: every rule after it is shared with the tree before.
    const at = text.indexOf('"names"');
    const edited = `${text.slice(0, at)}"comment": "x", ${text.slice(at)}`;
    parseProfile(text);
    const chained = syscallModelFor(edited, context);
    expect(chained.parsed.offsets.pending).toBeGreaterThan(0);
    // A trailing space is no edit inside any container: that text is parsed whole.
    const fresh = syscallModelFor(`${edited} `, context);
    expect(fresh.parsed.offsets.pending).toBe(0);
    for (const name of ['ptrace', 'mount', 'clone', 'read']) {
      const place = rulePlaceFor(chained, name, context);
      expect(place).toEqual(rulePlaceFor(fresh, name, context));
      expect(place && edited.slice(place.start, place.end)).toBe(`"${name}"`);
    }
  });

  it('lists what behaves differently from Docker’s default, with Docker’s reason', () => {
    expect(diffEntriesFor(parseProfile(text), context)).toEqual([]);
    const allowed = allowSyscall(text, 'mount', context);
    const blocked = allowed.ok && blockSyscall(allowed.text, 'chmod', context);
    if (!blocked || !blocked.ok) throw new Error('edit failed');
    const entries = diffEntriesFor(parseProfile(blocked.text), context);
    expect(entries).toEqual([
      {
        name: 'chmod',
        kind: 'newly-blocked',
        before: 'Allowed',
        after: 'Blocked (EPERM)',
        reason: undefined,
      },
      {
        name: 'mount',
        kind: 'newly-allowed',
        before: 'Blocked (EPERM)',
        after: 'Allowed',
        reason: { text: expect.stringContaining('Mounts'), risk: 'critical' },
      },
    ]);
  });
});
