import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hasShared, readShared, SHARED_MISSING } from '../testing/shared.ts';
import { defaultContext } from './context.ts';
import { dockerDefaultProfile } from './docker-default.ts';
import {
  exportSeccompProfileYaml,
  importSeccompProfileYaml,
  looksLikeYaml,
  podSecurityContextYaml,
  runSnippets,
} from './kubernetes.ts';
import { parseProfile } from './parse.ts';
import { resolveProfile } from './resolve.ts';

describe('Kubernetes SeccompProfile YAML', () => {
  it.skipIf(!hasShared('corpus/spo-crd-seccompprofile-examples.yaml'))(
    `reads every document of the operator's examples (${SHARED_MISSING} otherwise)`,
    () => {
      const result = importSeccompProfileYaml(
        readShared('corpus/spo-crd-seccompprofile-examples.yaml'),
      );
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.profiles.map((p) => p.name)).toEqual([
        'profile-block-all',
        'profile-complain-unsafe',
        'profile-allow-unsafe',
        'profile-complain-block-high-risk',
      ]);
      const last = parseProfile(result.profiles[3]!.profileText);
      expect(last.dockerError).toBeUndefined();
      expect(last.profile!.defaultAction).toBe('SCMP_ACT_LOG');
      expect(last.profile!.syscalls!.length).toBeGreaterThan(1);
    },
  );

  it('keeps uint64 values exact and refuses what is not a SeccompProfile, with the line', () => {
    const yaml =
      'apiVersion: security-profiles-operator.x-k8s.io/v1\nkind: SeccompProfile\nmetadata:\n  name: big\nspec:\n  defaultAction: SCMP_ACT_ERRNO\n  syscalls:\n  - action: SCMP_ACT_ALLOW\n    names: [personality]\n    args:\n    - {index: 0, value: 18446744073709551615, op: SCMP_CMP_EQ}\n';
    const result = importSeccompProfileYaml(yaml);
    expect(result.ok && result.profiles[0]!.profileText).toContain('"value": 18446744073709551615');
    expect(importSeccompProfileYaml('kind: ConfigMap\n')).toMatchObject({
      ok: false,
      error: expect.stringContaining('No SeccompProfile'),
    });
    expect(importSeccompProfileYaml('kind: SeccompProfile\nspec: [1\n')).toMatchObject({
      ok: false,
      line: expect.any(Number),
    });
    expect(looksLikeYaml(yaml)).toBe(true);
    expect(looksLikeYaml('{"defaultAction": "SCMP_ACT_ERRNO"}')).toBe(false);
  });

  it('exports the profile resolved for a context, which reads back the same', () => {
    const resolved = resolveProfile(dockerDefaultProfile().profile, defaultContext());
    if (!resolved.ok || !resolved.seccomp) throw new Error('default must resolve');
    const yaml = exportSeccompProfileYaml(resolved.seccomp, 'docker-default', 'team-a');
    const value = parse(yaml) as {
      kind: string;
      metadata: { name: string; namespace: string };
      spec: { architectures: string[]; syscalls: unknown[] };
    };
    expect(value).toMatchObject({
      kind: 'SeccompProfile',
      metadata: { name: 'docker-default', namespace: 'team-a' },
    });
    expect(value.spec.architectures).toEqual([
      'SCMP_ARCH_X86_64',
      'SCMP_ARCH_X86',
      'SCMP_ARCH_X32',
    ]);
    expect(value.spec.syscalls).toHaveLength(resolved.seccomp.syscalls.length);
    const back = importSeccompProfileYaml(yaml);
    expect(back.ok && parseProfile(back.profiles[0]!.profileText).profile!.syscalls!.length).toBe(
      resolved.seccomp.syscalls.length,
    );
  });

  it('writes the snippets that use a profile', () => {
    expect(podSecurityContextYaml('profiles/docker-default.json')).toBe(
      'securityContext:\n  seccompProfile:\n    type: Localhost\n    localhostProfile: profiles/docker-default.json\n',
    );
    expect(runSnippets('profile.json')).toMatchObject({
      docker: 'docker run --security-opt seccomp=profile.json IMAGE',
      podman: 'podman run --security-opt seccomp=profile.json IMAGE',
    });
    expect(runSnippets('my profile.json').docker).toBe(
      "docker run --security-opt seccomp='my profile.json' IMAGE",
    );
    expect(runSnippets('profile.json').compose).toContain(
      'security_opt:\n      - seccomp=profile.json',
    );
  });
});
