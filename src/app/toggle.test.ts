import { describe, expect, it } from 'vitest';
import { defaultContext } from '../core/context.ts';
import { dockerDefaultProfileText } from '../core/docker-default.ts';
import { applyEdits } from '../core/edit.ts';
import { verdictFor, isAllowed, isBlocked } from '../core/outcome.ts';
import { parseProfile } from '../core/parse.ts';
import { blockEveryCall, toggleSyscall } from './toggle.ts';

const context = defaultContext();
const text = dockerDefaultProfileText();
const verdict = (profile: string, name: string) =>
  verdictFor(parseProfile(profile).profile, context, name);

describe('flipping a switch', () => {
  it('allows a blocked syscall with the engine’s minimal edit, and blocks it again', () => {
    const allowed = toggleSyscall(text, 'mount', context);
    if (!allowed.ok) throw new Error(allowed.message);
    expect(allowed.message).toBe('Allowed mount: Adds mount to rule 1 (SCMP_ACT_ALLOW).');
    // The editor applies the edit itself, as one step that leaves the rest of the text alone.
    expect(allowed.edits).toHaveLength(1);
    expect(applyEdits(text, allowed.edits)).toBe(allowed.text);
    expect(isAllowed(verdict(allowed.text, 'mount'))).toBe(true);
    const blocked = toggleSyscall(allowed.text, 'mount', context);
    if (!blocked.ok) throw new Error(blocked.message);
    expect(blocked.text).toBe(text);
    expect(isBlocked(verdict(blocked.text, 'mount'))).toBe(true);
    expect(blocked.message).toBe(
      'Blocked mount: Removes mount from rule 1, so the default action (SCMP_ACT_ERRNO with errno 1) applies.',
    );
  });

  it('turns a conditional syscall fully on, and off again back to its conditions (EDIT-7)', () => {
    const result = toggleSyscall(text, 'socket', context);
    if (!result.ok) throw new Error(result.message);
    expect(isAllowed(verdict(result.text, 'socket'))).toBe(true);
    const off = toggleSyscall(result.text, 'socket', context);
    if (!off.ok) throw new Error(off.message);
    expect(off.text).toBe(text);
    expect(verdict(off.text, 'socket').kind).toBe('conditional');
    expect(off.message).toMatch(
      /^socket is no longer allowed for every call: Removes socket from rule 1, so only rules [\d, ]+ still allow or refuse it, for some argument values\.$/,
    );
  });

  it('blocks every call of a conditional syscall when asked (the details panel’s button)', () => {
    const result = blockEveryCall(text, 'socket', context);
    if (!result.ok) throw new Error(result.message);
    expect(isBlocked(verdict(result.text, 'socket'))).toBe(true);
    expect(result.message).toMatch(/^Blocked every call of socket: Removes socket from rule /);
    expect(blockEveryCall(result.text, 'socket', context)).toMatchObject({
      ok: true,
      changed: false,
    });
  });

  it('reports what the engine refuses instead of throwing', () => {
    expect(toggleSyscall('{"defaultAction": ', 'mount', context)).toEqual({
      ok: false,
      message: expect.stringMatching(/^Could not allow mount: The profile is not valid JSON/),
    });
    const noRules = '{"defaultAction": "SCMP_ACT_ERRNO"}';
    expect(toggleSyscall(noRules, 'mount', context)).toEqual({
      ok: false,
      message: 'Could not allow mount: The profile has no syscalls array to add a rule to',
    });
  });
});
