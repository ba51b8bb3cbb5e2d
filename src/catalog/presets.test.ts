import { describe, expect, it } from 'vitest';
import { ALL_CAPABILITIES, DOCKER_DEFAULT_CAPABILITIES, defaultContext } from '../core/context.ts';
import { dockerDefaultProfileText } from '../core/docker-default.ts';
import { formatProfile } from '../core/format.ts';
import { lintProfile } from '../core/lint.ts';
import { isAllowed, verdictFor, type Verdict } from '../core/outcome.ts';
import { parseProfile } from '../core/parse.ts';
import { describeVerdict } from '../core/explain.ts';
import { syscallKnowledge } from './knowledge.ts';
import { PRESETS, preset } from './presets.ts';

const verdict = (text: string, name: string, overrides = {}): Verdict =>
  verdictFor(parseProfile(text).profile, defaultContext(overrides), name);

describe('presets', () => {
  it('each loads in Docker, is canonical and has no lint errors', () => {
    for (const entry of PRESETS) {
      const text = entry.text();
      const parsed = parseProfile(text);
      expect(parsed.dockerError, entry.id).toBeUndefined();
      expect(formatProfile(parsed.profile!), entry.id).toBe(text);
      expect(
        lintProfile(parsed, { syscalls: syscallKnowledge }).filter((f) => f.severity === 'error'),
        entry.id,
      ).toEqual([]);
    }
  });

  it("docker-default is Docker's default", () => {
    expect(preset('docker-default').text()).toBe(dockerDefaultProfileText());
  });

  it('docker-gdb allows what gdb needs on every kernel, and nothing else changes', () => {
    const text = preset('docker-gdb').text();
    for (const name of ['ptrace', 'process_vm_readv', 'process_vm_writev']) {
      expect(isAllowed(verdict(text, name, { kernel: { major: 4, minor: 0 } })), name).toBe(true);
    }
    expect(describeVerdict(verdict(text, 'personality'))).toContain('arg0 = 262144');
    expect(isAllowed(verdict(text, 'mount'))).toBe(false);
  });

  it('podman-pattern: ENOSYS for what no rule names, EPERM for deliberate blocks, capabilities still work', () => {
    const text = preset('podman-pattern').text();
    expect(describeVerdict(verdict(text, 'listns'))).toBe('Blocked (ENOSYS)');
    expect(describeVerdict(verdict(text, 'mount'))).toBe('Blocked (EPERM)');
    expect(describeVerdict(verdict(text, 'kexec_load'))).toBe('Blocked (EPERM)');
    expect(
      isAllowed(
        verdict(text, 'mount', {
          caps: new Set([...DOCKER_DEFAULT_CAPABILITIES, 'CAP_SYS_ADMIN']),
        }),
      ),
    ).toBe(true);
    expect(describeVerdict(verdict(text, 'clone'))).toMatch(/^Conditional/);
    expect(isAllowed(verdict(text, 'read'))).toBe(true);
  });

  it('empty-allowlist blocks everything; log-mode logs everything', () => {
    expect(describeVerdict(verdict(preset('empty-allowlist').text(), 'read'))).toBe(
      'Blocked (EPERM)',
    );
    expect(
      describeVerdict(
        verdict(preset('log-mode').text(), 'mount', { caps: new Set(ALL_CAPABILITIES) }),
      ),
    ).toBe('Logged (and allowed)');
  });
});
