import { describe, expect, it } from 'vitest';
import { defaultContext } from '../core/context.ts';
import { dockerDefaultProfileText } from '../core/docker-default.ts';
import { allowSyscall, describeEdit } from '../core/edit.ts';
import { explainSyscall } from '../core/explain.ts';
import { kernelOptions } from './kernel-options.ts';
import { parseProfile } from '../core/parse.ts';
import { explanationFor } from './details-data.ts';
import { allowHint } from './syscall-status.ts';
import { createProfileStore } from './profile-store.ts';
import { buildSyscallModel, rowExtrasFor, syscallModelFor } from './syscall-model.ts';

const text = dockerDefaultProfileText();
const context = defaultContext();

describe('the table’s model', () => {
  it('derives every catalog syscall’s status from the profile text', () => {
    const model = buildSyscallModel(text, context);
    expect(model.rows.length).toBeGreaterThan(500);
    expect(model.problem).toBeUndefined();
    const mount = model.byName.get('mount')!;
    expect(mount).toMatchObject({ kind: 'blocked', status: 'Blocked (EPERM)', allowed: false });
    expect(mount.changed).toBe(false);
    expect(mount.number).toBe(165);
    expect(mount.capabilityText).toBe('CAP_SYS_ADMIN');
    expect(model.byName.get('bpf')!.capabilityText).toBe('CAP_SYS_ADMIN or CAP_BPF');
    expect(model.byName.get('_llseek')!.number).toBeUndefined();
    expect(model.rows.filter((row) => row.changed)).toEqual([]);
  });

  it('follows an edit, marking what changed against Docker’s default', () => {
    const edit = allowSyscall(text, 'mount', context);
    if (!edit.ok) throw new Error(edit.error);
    const model = buildSyscallModel(edit.text, context);
    expect(model.byName.get('mount')).toMatchObject({
      kind: 'allowed',
      allowed: true,
      changed: true,
    });
    expect(model.rows.filter((row) => row.changed).map((row) => row.name)).toEqual(['mount']);
    expect(model.hint('mount')).toBeUndefined();
  });

  it('follows the context: numbers per architecture, statuses per capability set', () => {
    const arm = buildSyscallModel(text, { ...context, arch: 'arm64' });
    expect(arm.byName.get('mount')!.number).toBe(40);
    expect(arm.byName.get('open')!.number).toBeUndefined();
    const admin = buildSyscallModel(text, {
      ...context,
      caps: new Set([...context.caps, 'CAP_SYS_ADMIN']),
    });
    expect(admin.byName.get('mount')).toMatchObject({ kind: 'allowed', changed: false });
  });

  it('explains lazily and describes what a conditional row’s switch does', () => {
    const model = syscallModelFor(text, context);
    expect(model.hint('mount')).toBe('Allowed with CAP_SYS_ADMIN');
    const extras = rowExtrasFor(model, describeEdit);
    expect(extras.hint('mount')).toBe('Allowed with CAP_SYS_ADMIN');
    const socket = model.byName.get('socket')!;
    expect(extras.toggleEffect(socket)).toBe(
      'Now conditional (only some address families). Switching on allows every call of socket: adds socket to rule 1 (SCMP_ACT_ALLOW).',
    );
    expect(extras.toggleEffect(model.byName.get('mount')!)).toBeUndefined();
    expect(rowExtrasFor(model, describeEdit)).toBe(extras);
    // Before the edit engine has arrived, the switch describes itself plainly.
    expect(rowExtrasFor(model).toggleEffect(socket)).toBeUndefined();
    expect(rowExtrasFor(model, describeEdit)).not.toBe(extras);
    expect(explanationFor(model, 'ptrace').rule?.line).toBeGreaterThan(1);
    expect(syscallModelFor(text, context)).toBe(model);
  });

  it('keeps the last six models, by text and context', () => {
    const arm = defaultContext({ arch: 'arm64' });
    const first = syscallModelFor(`${text} `, context);
    expect(syscallModelFor(`${text} `, context)).toBe(first);
    const onArm = syscallModelFor(`${text} `, arm);
    expect(onArm).not.toBe(first);
    expect(onArm.context).toBe(arm);
    for (let i = 2; i <= 5; i++) syscallModelFor(text + ' '.repeat(i), context);
    expect(syscallModelFor(`${text} `, context)).toBe(first);
    // A seventh: the oldest (the first) goes.
    syscallModelFor(text + ' '.repeat(6), context);
    expect(syscallModelFor(`${text} `, arm)).toBe(onArm);
    expect(syscallModelFor(`${text} `, context)).not.toBe(first);
  });

  it('hints what the full explanation would, for every syscall', () => {
    for (const ctx of [
      context,
      defaultContext({ arch: 'arm64', kernel: { major: 4, minor: 0 } }),
    ]) {
      const model = buildSyscallModel(text, ctx);
      for (const row of model.rows) {
        const explained = row.allowed
          ? undefined
          : allowHint(explainSyscall(parseProfile(text), row.name, ctx));
        expect(model.hint(row.name), row.name).toBe(explained);
      }
    }
  });

  it('says why when Docker can’t use the text, and every row says so', () => {
    const broken = buildSyscallModel('{"defaultAction": ', context);
    expect(broken.problem).toMatch(/^not valid JSON \(line 1, column \d+/);
    expect(broken.rows.every((row) => row.kind === 'invalid' && !row.allowed)).toBe(true);
    expect(explanationFor(broken, 'read').reasons[0]).toMatch(/Docker cannot use this profile/);
    expect(broken.hint('read')).toBeUndefined();
    expect(rowExtrasFor(broken, describeEdit).toggleEffect(broken.byName.get('socket')!)).toBe(
      undefined,
    );
    const refused = buildSyscallModel('{"defaultAction": 1}', context);
    expect(refused.problem).toMatch(/cannot unmarshal/);
  });
});

describe('the profile store', () => {
  it('tells subscribers about a new text once, and parses each text once', () => {
    const store = createProfileStore('{}');
    let calls = 0;
    const stop = store.subscribe(() => (calls += 1));
    store.setText('{}');
    store.setText('{"defaultAction":"SCMP_ACT_ALLOW"}');
    stop();
    store.setText('{}');
    expect(calls).toBe(1);
    expect(parseProfile(text)).toBe(parseProfile(text));
  });
});

describe('kernel choices', () => {
  it('offer the newest, the LTS releases and the profile’s thresholds, newest first', () => {
    const options = kernelOptions(parseProfile(text).profile, { major: 5, minor: 3 });
    const values = options.map((option) => option.value);
    expect(values[0]).toBe('7.1');
    expect(values).toEqual(expect.arrayContaining(['6.12', '5.15', '4.8', '4.7', '5.3']));
    expect(options.find((option) => option.value === '4.7')!.label).toBe('4.7 (before 4.8)');
  });
});
