import { describe, expect, it } from 'vitest';
import { dockerDefaultProfile } from '../core/docker-default.ts';
import { ruleNames } from '../core/model.ts';
import { dockerView } from './docker-view.ts';
import { allSyscallNames } from './knowledge.ts';

const rules = () =>
  (dockerDefaultProfile().profile?.syscalls ?? []).filter((rule) => rule !== null);
const namesOf = (rule: ReturnType<typeof rules>[number]) =>
  ruleNames(rule).map((item) => item.value);

describe("Docker's view of each syscall, computed from the default profile", () => {
  it('gives the well-known cases', () => {
    expect(dockerView('bpf')).toMatchObject({
      status: 'Blocked (EPERM)',
      allowed: false,
      capabilities: ['CAP_SYS_ADMIN', 'CAP_BPF'],
    });
    expect(dockerView('clone3')).toMatchObject({
      status: 'Blocked (ENOSYS)',
      capabilities: ['CAP_SYS_ADMIN'],
    });
    expect(dockerView('ptrace')).toMatchObject({
      status: 'Allowed',
      allowed: true,
      minKernel: '4.8',
      capabilities: ['CAP_SYS_PTRACE'],
    });
    expect(dockerView('socket')).toMatchObject({ allowed: false, capabilities: [] });
    expect(dockerView('socket').status).toContain('arg0 < 38 or arg0 = 39 or arg0 > 40');
    expect(dockerView('setns')).toMatchObject({ allowed: false, capabilities: ['CAP_SYS_ADMIN'] });
    expect(dockerView('read')).toEqual({
      status: 'Allowed',
      allowed: true,
      capabilities: [],
      arches: [],
    });
    expect(dockerView('s390_pci_mmio_read').arches.map((a) => a.arch)).toEqual(['s390', 's390x']);
  });

  it("every gating capability is one the default profile's rules for that syscall name", () => {
    for (const name of allSyscallNames()) {
      const mentioned = new Set(
        rules()
          .filter((rule) => namesOf(rule).includes(name))
          .flatMap((rule) =>
            [...(rule.includes?.caps ?? []), ...(rule.excludes?.caps ?? [])].map(
              (cap) => cap.value,
            ),
          ),
      );
      for (const cap of dockerView(name).capabilities)
        expect(mentioned, `${name}: ${cap}`).toContain(cap);
    }
  });

  it('every capability-gated allow rule shows up as a gating capability of its syscalls', () => {
    for (const rule of rules()) {
      const caps = rule.includes?.caps?.map((cap) => cap.value) ?? [];
      if (rule.action !== 'SCMP_ACT_ALLOW' || caps.length !== 1 || rule.includes?.arches?.length)
        continue;
      for (const name of namesOf(rule))
        expect(dockerView(name).capabilities, name).toContain(caps[0]);
    }
  });
});

describe('the generated tables of Docker views (src/catalog/generated/)', () => {
  it('equal a fresh computation (else run: npx tsx scripts/generate-docker-view.ts)', async () => {
    const { readFileSync } = await import('node:fs');
    const { renderDockerGatesTable, renderDockerViewTable } =
      await import('./render-docker-view.ts');
    const committed = (file: string) =>
      readFileSync(new URL(`./generated/${file}`, import.meta.url), 'utf8');
    expect(committed('docker-view.ts')).toBe(renderDockerViewTable());
    expect(committed('docker-gates.ts')).toBe(renderDockerGatesTable());
  });

  it('have a view for every syscall, the one the catalog and its notes serve', async () => {
    const { DOCKER_VIEWS } = await import('./generated/docker-view.ts');
    const { catalogEntry } = await import('./catalog.ts');
    const { syscallNotes } = await import('./syscall-notes.ts');
    for (const name of allSyscallNames()) {
      expect(DOCKER_VIEWS[name], name).toEqual(dockerView(name));
      expect(syscallNotes(name)?.docker, name).toBe(DOCKER_VIEWS[name]);
      expect(catalogEntry(name)?.docker.capabilities, name).toEqual(dockerView(name).capabilities);
    }
    expect(DOCKER_VIEWS['toString']).toBeUndefined();
    expect(syscallNotes('toString')).toBeUndefined();
  });
});
