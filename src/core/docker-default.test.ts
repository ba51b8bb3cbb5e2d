import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DOCKER_DEFAULT_SOURCE,
  dockerDefaultProfile,
  dockerDefaultProfileText,
} from './docker-default.ts';
import { formatProfile } from './format.ts';
import type { Arg, Profile, Rule } from './model.ts';
import { parseProfile } from './parse.ts';

const referencePath = fileURLToPath(
  new URL('../../../shared/reference/docker-default.json', import.meta.url),
);
const referenceExists = existsSync(referencePath);

function profile(): Profile {
  const parsed = dockerDefaultProfile();
  if (!parsed.profile) throw new Error('the built-in default profile did not decode');
  return parsed.profile;
}

function rules(): Rule[] {
  return (profile().syscalls ?? []).filter((rule): rule is Rule => rule !== null);
}

const names = (rule: Rule): string[] => (rule.names ?? []).map((item) => item.value);
const caps = (filter: Rule['includes']): string[] => (filter?.caps ?? []).map((c) => c.value);
const arches = (filter: Rule['includes']): string[] => (filter?.arches ?? []).map((a) => a.value);
const rulesFor = (name: string): Rule[] => rules().filter((rule) => names(rule).includes(name));

/** Whether one argument check passes for the value `x` of its argument. */
function passes(arg: Arg, x: bigint): boolean {
  switch (arg.op) {
    case 'SCMP_CMP_LT':
      return x < arg.value;
    case 'SCMP_CMP_LE':
      return x <= arg.value;
    case 'SCMP_CMP_EQ':
      return x === arg.value;
    case 'SCMP_CMP_NE':
      return x !== arg.value;
    case 'SCMP_CMP_GE':
      return x >= arg.value;
    case 'SCMP_CMP_GT':
      return x > arg.value;
    case 'SCMP_CMP_MASKED_EQ':
      return (x & arg.value) === arg.valueTwo;
    default:
      throw new Error(`unexpected operator ${arg.op}`);
  }
}

/** Whether an unconditional `SCMP_ACT_ALLOW` rule for `name` lets argument 0 take the value `x`. */
function allowsArg0(name: string, x: bigint): boolean {
  return rulesFor(name).some(
    (rule) =>
      rule.action === 'SCMP_ACT_ALLOW' &&
      rule.includes === null &&
      rule.excludes === null &&
      (rule.args ?? []).every((arg) => arg.index !== 0n || passes(arg, x)),
  );
}

describe('Docker default profile (built from src/core/docker-default.ts)', () => {
  it.skipIf(!referenceExists)(
    referenceExists
      ? '[DEFAULT-1] is byte-identical to moby/profiles seccomp/default.json in ../shared/reference'
      : '[DEFAULT-1] skipped: ../shared/reference/docker-default.json is not present (a clone without the shared reference material)',
    () => {
      expect(dockerDefaultProfileText()).toBe(readFileSync(referencePath, 'utf8'));
    },
  );

  it('[DEFAULT-2] records its source: moby/profiles seccomp/default.json at the snapshot and last-change commits', () => {
    expect(DOCKER_DEFAULT_SOURCE).toEqual({
      repository: 'moby/profiles',
      path: 'seccomp/default.json',
      commit: 'cd3bed8061c7b7378b61fc6827c7885779417a75',
      lastChanged: '3c28324314729dbade8287e868eef6338c42807a',
    });
  });

  it("[DEFAULT-3] is in Docker's canonical style: tab-indented, no trailing newline, a fixed point of parse and format", () => {
    const text = dockerDefaultProfileText();
    expect(text.startsWith('{\n\t"defaultAction": "SCMP_ACT_ERRNO",\n')).toBe(true);
    expect(text.endsWith('\n}')).toBe(true);
    expect(text.endsWith('\n')).toBe(false);
    expect(text).not.toMatch(/^ +/m);
    const parsed = parseProfile(text);
    expect(parsed.syntaxError).toBeUndefined();
    expect(parsed.problems).toEqual([]);
    expect(parsed.dockerError).toBeUndefined();
    expect(formatProfile(parsed.profile!)).toBe(text);
  });

  it('[DEFAULT-4] is computed once: the text and the parsed profile are shared between calls', () => {
    expect(dockerDefaultProfileText()).toBe(dockerDefaultProfileText());
    expect(dockerDefaultProfile()).toBe(dockerDefaultProfile());
    expect(dockerDefaultProfile().text).toBe(dockerDefaultProfileText());
  });

  it('[DEFAULT-5] refuses by default with EPERM and maps 9 native architectures to their companions', () => {
    const p = profile();
    expect(p.defaultAction).toBe('SCMP_ACT_ERRNO');
    expect(p.defaultErrnoRet).toBe(1n);
    expect(p.architectures).toBeNull();
    const archMap = p.archMap ?? [];
    expect(archMap).toHaveLength(9);
    expect(
      archMap.map((entry) => [
        entry.architecture,
        entry.subArchitectures?.map((sub) => sub.value) ?? null,
      ]),
    ).toEqual([
      ['SCMP_ARCH_X86_64', ['SCMP_ARCH_X86', 'SCMP_ARCH_X32']],
      ['SCMP_ARCH_AARCH64', ['SCMP_ARCH_ARM']],
      ['SCMP_ARCH_MIPS64', ['SCMP_ARCH_MIPS', 'SCMP_ARCH_MIPS64N32']],
      ['SCMP_ARCH_MIPS64N32', ['SCMP_ARCH_MIPS', 'SCMP_ARCH_MIPS64']],
      ['SCMP_ARCH_MIPSEL64', ['SCMP_ARCH_MIPSEL', 'SCMP_ARCH_MIPSEL64N32']],
      ['SCMP_ARCH_MIPSEL64N32', ['SCMP_ARCH_MIPSEL', 'SCMP_ARCH_MIPSEL64']],
      ['SCMP_ARCH_S390X', ['SCMP_ARCH_S390']],
      ['SCMP_ARCH_RISCV64', null],
      ['SCMP_ARCH_LOONGARCH64', null],
    ]);
  });

  it('[DEFAULT-6] has 33 rules naming 442 syscalls, led by an unconditional allow list of 361 distinct names', () => {
    const all = rules();
    expect(all).toHaveLength(33);
    expect(all.reduce((sum, rule) => sum + names(rule).length, 0)).toBe(442);
    const [first] = all;
    expect(first?.action).toBe('SCMP_ACT_ALLOW');
    expect(first?.args).toBeNull();
    expect(first?.includes).toBeNull();
    expect(first?.excludes).toBeNull();
    const unconditional = first ? names(first) : [];
    expect(unconditional).toHaveLength(361);
    expect(new Set(unconditional).size).toBe(361);
    expect(unconditional.slice(0, 3)).toEqual(['accept', 'accept4', 'access']);
    expect(unconditional.at(-1)).toBe('writev');
    for (const gated of ['ptrace', 'mount', 'unshare', 'bpf', 'clone', 'clone3', 'reboot']) {
      expect(unconditional).not.toContain(gated);
    }
  });

  it('[DEFAULT-7] allows ptrace, process_vm_readv and process_vm_writev to all from kernel 4.8, and on any kernel with CAP_SYS_PTRACE', () => {
    const byKernel = rules().filter((rule) => rule.includes?.minKernel);
    expect(byKernel).toHaveLength(1);
    expect(names(byKernel[0]!)).toEqual(['process_vm_readv', 'process_vm_writev', 'ptrace']);
    expect(byKernel[0]!.includes?.minKernel).toEqual({ major: 4, minor: 8 });
    expect(byKernel[0]!.action).toBe('SCMP_ACT_ALLOW');
    const withCap = rulesFor('ptrace').filter((rule) => caps(rule.includes).length > 0);
    expect(withCap.map((rule) => caps(rule.includes))).toEqual([['CAP_SYS_PTRACE']]);
  });

  it('[DEFAULT-8] allows socket for every address family except 38 (AF_ALG) and 40 (AF_VSOCK)', () => {
    const socketRules = rulesFor('socket');
    expect(socketRules).toHaveLength(3);
    const refused: number[] = [];
    for (let family = 0; family <= 64; family++) {
      if (!allowsArg0('socket', BigInt(family))) refused.push(family);
    }
    expect(refused).toEqual([38, 40]);
    expect(allowsArg0('socket', 0xffffffffn)).toBe(true);
  });

  it('[DEFAULT-9] allows personality only for PER_LINUX, PER_LINUX32, UNAME26, PER_LINUX32|UNAME26 and the 0xffffffff query', () => {
    const values = rulesFor('personality').map((rule) => {
      expect(rule.args).toHaveLength(1);
      expect(rule.args![0]!.op).toBe('SCMP_CMP_EQ');
      return rule.args![0]!.value;
    });
    expect(values).toEqual([0n, 8n, 0x20000n, 0x20008n, 0xffffffffn]);
    expect(allowsArg0('personality', 0x0040000n)).toBe(false); // ADDR_NO_RANDOMIZE
  });

  it('[DEFAULT-10] without CAP_SYS_ADMIN, clone may not create namespaces (flags in argument 1 on s390 and s390x)', () => {
    const NAMESPACE_FLAGS = 2114060288n; // CLONE_NEWNS|NEWCGROUP|NEWUTS|NEWIPC|NEWUSER|NEWPID|NEWNET
    const masked = rulesFor('clone').filter((rule) => rule.args?.length);
    expect(masked).toHaveLength(2);
    for (const rule of masked) {
      expect(rule.action).toBe('SCMP_ACT_ALLOW');
      expect(caps(rule.excludes)).toEqual(['CAP_SYS_ADMIN']);
      expect(rule.args).toHaveLength(1);
      expect(rule.args![0]!.op).toBe('SCMP_CMP_MASKED_EQ');
      expect(rule.args![0]!.value).toBe(NAMESPACE_FLAGS);
      expect(rule.args![0]!.valueTwo).toBe(0n);
    }
    const [general, s390] = masked;
    expect(general!.args![0]!.index).toBe(0n);
    expect(arches(general!.excludes)).toEqual(['s390', 's390x']);
    expect(s390!.args![0]!.index).toBe(1n);
    expect(arches(s390!.includes)).toEqual(['s390', 's390x']);
    expect(s390!.comment).toBe('s390 parameter ordering for clone is different');
  });

  it('[DEFAULT-11] clone3 has an ERRNO rule with errnoRet 38 (ENOSYS) excluded by CAP_SYS_ADMIN', () => {
    const errno = rulesFor('clone3').filter((rule) => rule.action === 'SCMP_ACT_ERRNO');
    expect(errno).toHaveLength(1);
    expect(errno[0]!.errnoRet).toBe(38n);
    expect(caps(errno[0]!.excludes)).toEqual(['CAP_SYS_ADMIN']);
    expect(errno[0]!.includes).toBeNull();
  });

  it('[DEFAULT-12] bpf, perf_event_open and syslog are allowed by CAP_SYS_ADMIN or by their narrower capability', () => {
    const gatingCaps = (name: string): string[][] =>
      rulesFor(name)
        .filter((rule) => rule.action === 'SCMP_ACT_ALLOW')
        .map((rule) => caps(rule.includes));
    expect(gatingCaps('bpf')).toEqual([['CAP_SYS_ADMIN'], ['CAP_BPF']]);
    expect(gatingCaps('perf_event_open')).toEqual([['CAP_SYS_ADMIN'], ['CAP_PERFMON']]);
    expect(gatingCaps('syslog')).toEqual([['CAP_SYS_ADMIN'], ['CAP_SYSLOG']]);
  });

  it('[DEFAULT-13] other privileged calls need the one capability that guards them; arch-only calls name their architectures', () => {
    const capOf = (name: string): string[] => rulesFor(name).flatMap((rule) => caps(rule.includes));
    expect(capOf('mount')).toEqual(['CAP_SYS_ADMIN']);
    expect(capOf('open_by_handle_at')).toEqual(['CAP_DAC_READ_SEARCH']);
    expect(capOf('reboot')).toEqual(['CAP_SYS_BOOT']);
    expect(capOf('chroot')).toEqual(['CAP_SYS_CHROOT']);
    expect(capOf('init_module')).toEqual(['CAP_SYS_MODULE']);
    expect(capOf('acct')).toEqual(['CAP_SYS_PACCT']);
    expect(capOf('iopl')).toEqual(['CAP_SYS_RAWIO']);
    expect(capOf('settimeofday')).toEqual(['CAP_SYS_TIME']);
    expect(capOf('vhangup')).toEqual(['CAP_SYS_TTY_CONFIG']);
    expect(capOf('mbind')).toEqual(['CAP_SYS_NICE']);
    const archOf = (name: string): string[][] =>
      rulesFor(name).map((rule) => arches(rule.includes));
    expect(archOf('arch_prctl')).toEqual([['amd64', 'x32']]);
    expect(archOf('modify_ldt')).toEqual([['amd64', 'x32', 'x86']]);
    expect(archOf('sync_file_range2')).toEqual([['ppc64le'], ['arm', 'arm64']]);
    expect(archOf('riscv_flush_icache')).toEqual([['riscv64']]);
  });
});

describe('the generated default text (src/core/generated/docker-default-text.ts)', () => {
  it('equals the listing rendered now (else run: npx tsx scripts/generate-docker-view.ts)', async () => {
    const { renderDockerDefaultProfileText } = await import('./docker-default-listing.ts');
    expect(dockerDefaultProfileText()).toBe(renderDockerDefaultProfileText());
  });
});
