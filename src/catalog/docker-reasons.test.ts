import { describe, expect, it } from 'vitest';

import { defaultContext } from '../core/context.ts';
import { dockerDefaultProfile } from '../core/docker-default.ts';
import { isAllowed, verdictFor } from '../core/outcome.ts';
import { hasShared, readShared } from '../testing/shared.ts';
import { DOCKER_REASONS, dockerReason } from './docker-reasons.ts';
import { DOCKER_THREATS, dockerThreat } from './docker-threats.ts';
import { SYSCALL_NUMBERS } from './generated/syscall-numbers.ts';
import { wordRuns } from '../testing/word-runs.ts';

const DOCS = 'reference/docker-seccomp-docs.txt';
const DOCS_MISSING = 'skipped: ../shared/reference/docker-seccomp-docs.txt is not present';
const haveDocs = hasShared(DOCS);

/** Syscall names Docker's default doesn't allow unconditionally in the default context. */
function notAllowedByDefault(): string[] {
  const profile = dockerDefaultProfile().profile;
  if (!profile) throw new Error('Docker default profile did not parse');
  const context = defaultContext();
  return [...SYSCALL_NUMBERS.names]
    .filter((name) => !isAllowed(verdictFor(profile, context, name)))
    .sort();
}

/**
 * The syscall names in the docs' "significant syscalls blocked" table(s): the rows after each
 * `Syscall Description` header, up to the first line that isn't `name[, name…] Text…`.
 */
function documentedNames(text: string): string[] {
  const names = new Set<string>();
  let inTable = false;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === 'Syscall Description') {
      inTable = true;
      continue;
    }
    if (!inTable) continue;
    const row = /^([a-z0-9_]+(?:, [a-z0-9_]+)*) \S/.exec(line);
    if (!row?.[1]) {
      inTable = false;
      continue;
    }
    for (const name of row[1].split(', ')) names.add(name);
  }
  return [...names].sort();
}

describe('DOCKER_REASONS', () => {
  const blocked = notAllowedByDefault();

  it('gives a reason for every syscall Docker’s default does not allow unconditionally', () => {
    expect(blocked.length).toBeGreaterThan(100);
    const missing = blocked.filter((name) => dockerReason(name) === undefined);
    expect(missing).toEqual([]);
  });

  it('has entries only for restricted syscalls and for those in Docker’s docs table', () => {
    const restricted = new Set(blocked);
    const extra = Object.entries(DOCKER_REASONS)
      .filter(([name]) => !restricted.has(name) && !dockerThreat(name)?.documented)
      .map(([name]) => name);
    expect(extra).toEqual([]);
  });

  it('uses only real syscall names as keys', () => {
    const unknown = Object.keys(DOCKER_REASONS).filter((name) => !SYSCALL_NUMBERS.has(name));
    expect(unknown).toEqual([]);
  });

  it('has a threat for every reason, and none without one', () => {
    expect(Object.keys(DOCKER_THREATS)).toEqual(Object.keys(DOCKER_REASONS));
    expect(Object.getPrototypeOf(DOCKER_THREATS)).toBeNull();
    expect(dockerThreat('read')).toBeUndefined();
    expect(dockerThreat('__proto__')).toBeUndefined();
  });

  it('keeps reasons, threats and docs notes short and non-empty', () => {
    for (const [name, entry] of Object.entries(DOCKER_REASONS)) {
      const threat = dockerThreat(name)!;
      expect(entry.reason.trim().length, name).toBeGreaterThan(0);
      expect(entry.reason.length, name).toBeLessThanOrEqual(300);
      expect(threat.threat.trim().length, name).toBeGreaterThan(0);
      expect(threat.threat.length, name).toBeLessThanOrEqual(160);
      if (threat.docsNote !== undefined) {
        expect(threat.docsNote.trim().length, name).toBeGreaterThan(0);
        expect(threat.docsNote.length, name).toBeLessThanOrEqual(300);
        expect(threat.documented, `${name}: a docs note needs a documented syscall`).toBe(true);
      }
      expect(['critical', 'high', 'medium', 'low'], name).toContain(entry.risk);
    }
  });

  it('notes where the docs disagree with today’s profile', () => {
    const ptrace = dockerReason('ptrace');
    expect(ptrace?.reason).toMatch(/4\.8/);
    expect(ptrace?.reason).toMatch(/CAP_SYS_PTRACE/);
    expect(dockerThreat('ptrace')?.docsNote).toMatch(/4\.8/);
    expect(dockerThreat('setns')?.docsNote).toMatch(/CAP_SYS_ADMIN/);
    expect(dockerReason('clone3')?.reason).toMatch(/ENOSYS/);
    expect(dockerReason('clone3')?.reason).toMatch(/\bclone\b.*flags|flags.*\bclone\b/);
    for (const name of ['adjtimex', 'clock_adjtime', 'name_to_handle_at', 'socketcall', 'socket']) {
      expect(dockerThreat(name)?.docsNote, name).toBeDefined();
    }
  });

  it('resolves only own keys', () => {
    expect(Object.getPrototypeOf(DOCKER_REASONS)).toBeNull();
    expect(dockerReason('mount')?.risk).toBe('critical');
    expect(dockerReason('read')).toBeUndefined();
    expect(dockerReason('toString')).toBeUndefined();
    expect(dockerReason('__proto__')).toBeUndefined();
    expect(dockerReason('no_such_syscall')).toBeUndefined();
  });
});

describe('DOCKER_REASONS against Docker’s docs', () => {
  const docs = haveDocs ? readShared(DOCS) : '';

  it('marks exactly the syscalls of the docs table as documented', (ctx) => {
    if (!haveDocs) ctx.skip(DOCS_MISSING);
    const names = documentedNames(docs);
    expect(names.length).toBeGreaterThan(40);
    expect(names).toContain('socketcall');
    const notDocumented = names.filter((name) => dockerThreat(name)?.documented !== true);
    expect(notDocumented).toEqual([]);
    const listed = new Set(names);
    const wronglyDocumented = Object.entries(DOCKER_THREATS)
      .filter(([name, entry]) => entry.documented && !listed.has(name))
      .map(([name]) => name);
    expect(wronglyDocumented).toEqual([]);
  });

  it('shares no run of 8 words with the docs text', (ctx) => {
    if (!haveDocs) ctx.skip(DOCS_MISSING);
    const docRuns = wordRuns(docs, 8);
    for (const [name, entry] of Object.entries(DOCKER_REASONS)) {
      const threat = dockerThreat(name);
      for (const text of [entry.reason, threat?.threat ?? '', threat?.docsNote ?? '']) {
        const shared = [...wordRuns(text, 8)].filter((run) => docRuns.has(run));
        expect(shared, name).toEqual([]);
      }
    }
  });
});
