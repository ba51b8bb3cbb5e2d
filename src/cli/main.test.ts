/**
 * The command line, end to end. Most tests call `run` in-process with a capturing Io; the ones
 * about what a user sees from a shell (a lint, fmt's bytes, every kind of bad input, the npm
 * script) spawn the real `bin/seccomp-editor.mjs` the way it is installed.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerDefaultProfileText } from '../core/docker-default.ts';
import { hasShared, sharedPath, SHARED_MISSING } from '../testing/shared.ts';
import { MAX_PROFILE_BYTES, run } from './main.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'seccomp-editor.mjs');
/** How long a spawned command may take before it counts as a hang. */
const SPAWN_TIMEOUT_MS = 30_000;
/** Per-test budget for tests that spawn the real command. */
const SPAWN_TEST_TIMEOUT_MS = 60_000;

const BROKEN_CORPUS_FILE = 'corpus/binctr-2016-BROKEN-stray-G.json';
const DOCKER_REFUSES_NAME_AND_NAMES =
  "both 'name' and 'names' are specified in the seccomp profile, use either 'name' or 'names'";

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, capturing what the real entry point would write. */
function cli(...argv: string[]): Result {
  let stdout = '';
  let stderr = '';
  const code = run(argv, {
    out: (text) => (stdout += `${text}\n`),
    err: (text) => (stderr += `${text}\n`),
    write: (text) => (stdout += text),
  });
  return { code, stdout, stderr };
}

/** Runs the real installed command, `node bin/seccomp-editor.mjs …`, and times it. */
function spawnCli(...argv: string[]): Result & { ms: number } {
  const started = Date.now();
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: SPAWN_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Date.now() - started;
  expect(result.error, `spawn failed or hung: ${String(result.error)}`).toBeUndefined();
  expect(result.signal).toBeNull();
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, ms };
}

/** CLI-5: exit 2, nothing on stdout, exactly one line on stderr, no stack trace, no hang. */
function expectBadInput(result: Result & { ms: number }, message: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.endsWith('\n')).toBe(true);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toContain('    at ');
  expect(result.stderr).not.toContain('internal error');
  expect(result.stderr).toMatch(/^seccomp-editor: /);
  expect(result.stderr).toMatch(message);
  expect(result.ms).toBeLessThan(SPAWN_TIMEOUT_MS / 2);
}

interface OciRule {
  names: string[];
  action: string;
  errnoRet?: number;
}
interface OciSeccomp {
  architectures?: string[];
  syscalls: OciRule[];
}

function resolved(...argv: string[]): OciSeccomp {
  const result = cli('resolve', ...argv);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as OciSeccomp;
}

const rulesNaming = (seccomp: OciSeccomp, name: string) =>
  seccomp.syscalls.filter((rule) => rule.names.includes(name));

/** 2-space indented (so not canonical), with `include` where Docker's key is `includes`. */
const INCLUDE_TYPO = `{
  "defaultAction": "SCMP_ACT_ERRNO",
  "syscalls": [
    {
      "names": ["read", "write"],
      "action": "SCMP_ACT_ALLOW",
      "include": { "caps": ["CAP_SYS_ADMIN"] }
    }
  ]
}
`;

const BOTH_ARCH_FORMS = `{
  "defaultAction": "SCMP_ACT_ERRNO",
  "architectures": ["SCMP_ARCH_X86_64"],
  "archMap": [{ "architecture": "SCMP_ARCH_X86_64", "subArchitectures": [] }],
  "syscalls": []
}
`;

const NAME_AND_NAMES = `{
  "defaultAction": "SCMP_ACT_ERRNO",
  "syscalls": [{ "name": "read", "names": ["write"], "action": "SCMP_ACT_ALLOW" }]
}
`;

let dir = '';
const files = {
  includeTypo: '',
  bothArch: '',
  nameAndNames: '',
  withMount: '',
  bom: '',
  wrongType: '',
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'seccomp-editor-cli-test-'));
  const write = (name: string, text: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  files.includeTypo = write('include-typo.json', INCLUDE_TYPO);
  files.bothArch = write('both-arch.json', BOTH_ARCH_FORMS);
  files.nameAndNames = write('name-and-names.json', NAME_AND_NAMES);
  // Docker's default with `mount` added to the first (unconditional allow) rule.
  const profile = JSON.parse(dockerDefaultProfileText()) as { syscalls: { names: string[] }[] };
  profile.syscalls[0]!.names.push('mount');
  files.withMount = write('with-mount.json', JSON.stringify(profile, null, '\t'));
  files.bom = write('bom.json', `\uFEFF{"defaultAction": "SCMP_ACT_ALLOW"}`);
  // Docker cannot even decode it (a number where an action string goes).
  files.wrongType = write('wrong-type.json', '{"defaultAction": 5}');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('lint', () => {
  it('[CLI-1] reports an unknown key as FILE:LINE:COL: warning unknown-key with a suggestion; warnings alone exit 0', () => {
    const { code, stdout, stderr } = cli('lint', files.includeTypo);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    const line = lines.find((text) => text.includes('unknown-key'));
    expect(line).toBeDefined();
    // `"include"` is on line 7, its quote in column 7.
    expect(INCLUDE_TYPO.split('\n')[6]!.indexOf('"include"')).toBe(6);
    expect(line!.startsWith(`${files.includeTypo}:7:7: warning unknown-key: `)).toBe(true);
    expect(line).toMatch(/Did you mean "includes"\?/);
    for (const text of lines) expect(text).toMatch(/^.+:\d+:\d+: (error|warning|info) [a-z-]+: /);
  });

  it('[CLI-1] a profile with both architectures and archMap is an error: exit 1', () => {
    const { code, stdout } = cli('lint', files.bothArch);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      new RegExp(`^${escape(files.bothArch)}:4:3: error docker-both-arch-forms: `, 'm'),
    );
  });

  it('[CLI-1] --json prints parseable findings with file, line, column, code and severity', () => {
    const { code, stdout } = cli('lint', '--json', files.includeTypo, files.bothArch);
    expect(code).toBe(1);
    const findings = JSON.parse(stdout) as Record<string, unknown>[];
    expect(Array.isArray(findings)).toBe(true);
    for (const finding of findings) {
      expect(typeof finding.file).toBe('string');
      expect(typeof finding.line).toBe('number');
      expect(typeof finding.column).toBe('number');
      expect(typeof finding.code).toBe('string');
      expect(['error', 'warning', 'info']).toContain(finding.severity);
    }
    expect(findings).toContainEqual(
      expect.objectContaining({
        file: files.includeTypo,
        line: 7,
        column: 7,
        code: 'unknown-key',
        severity: 'warning',
      }),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({
        file: files.bothArch,
        line: 4,
        column: 3,
        code: 'docker-both-arch-forms',
        severity: 'error',
      }),
    );
  });

  it('[CLI-1] [CLI-4] docker-default lints clean of errors: exit 0', () => {
    const { code, stdout, stderr } = cli('lint', 'docker-default');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/: error /);
    expect(JSON.parse(cli('lint', '--json', 'docker-default').stdout)).not.toContainEqual(
      expect.objectContaining({ severity: 'error' }),
    );
  });

  it('[CLI-1] lints several files in one run; any error makes it exit 1', () => {
    const several = cli('lint', files.includeTypo, 'docker-default', files.bothArch);
    expect(several.code).toBe(1);
    expect(several.stdout).toContain(`${files.includeTypo}:7:7: warning unknown-key: `);
    expect(several.stdout).toContain(`${files.bothArch}:4:3: error docker-both-arch-forms: `);
    const warningsOnly = cli('lint', files.includeTypo, 'docker-default');
    expect(warningsOnly.code).toBe(0);
    expect(warningsOnly.stdout).toContain(files.includeTypo);
  });

  it('[CLI-1] a byte-order mark is a json-syntax error, as Docker refuses it (not silently dropped)', () => {
    const { code, stdout } = cli('lint', files.bom);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      new RegExp(`^${escape(files.bom)}:1:1: error json-syntax: .*byte-order`),
    );
  });

  it.skipIf(!hasShared(BROKEN_CORPUS_FILE))(
    `[CLI-1] the broken corpus file is reported at 1:1 as json-syntax, exit 1 (${SHARED_MISSING} otherwise)`,
    () => {
      const file = sharedPath(BROKEN_CORPUS_FILE);
      const { code, stdout, stderr } = cli('lint', file);
      expect(stderr).toBe('');
      expect(code).toBe(1);
      expect(stdout).toMatch(new RegExp(`^${escape(file)}:1:1: error json-syntax: `));
    },
  );

  it(
    '[CLI-1] the real command: node bin/seccomp-editor.mjs lint prints findings and sets the exit status',
    () => {
      const result = spawnCli('lint', files.includeTypo, files.bothArch);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain(`${files.includeTypo}:7:7: warning unknown-key: `);
      expect(result.stdout).toMatch(/Did you mean "includes"\?/);
      expect(result.stdout).toContain(`${files.bothArch}:4:3: error docker-both-arch-forms: `);
    },
    SPAWN_TEST_TIMEOUT_MS,
  );

  it(
    '[CLI-1] the npm script: npm run --silent cli -- lint',
    () => {
      const result = spawnSync('npm', ['run', '--silent', 'cli', '--', 'lint', files.bothArch], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: SPAWN_TIMEOUT_MS,
        shell: process.platform === 'win32',
      });
      expect(result.error).toBeUndefined();
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(
        new RegExp(`^${escape(files.bothArch)}:4:3: error docker-both-arch-forms: `, 'm'),
      );
      expect(result.stdout).not.toContain('> seccomp-editor');
    },
    SPAWN_TEST_TIMEOUT_MS,
  );
});

describe('fmt', () => {
  it('[CLI-2] prints the canonical (tab-indented) text of a 2-space-indented profile', () => {
    const { code, stdout, stderr } = cli('fmt', files.includeTypo);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      '{\n\t"defaultAction": "SCMP_ACT_ERRNO",\n\t"syscalls": [\n\t\t{\n\t\t\t"names": [\n\t\t\t\t"read",\n\t\t\t\t"write"\n\t\t\t],\n\t\t\t"action": "SCMP_ACT_ALLOW",\n\t\t\t"include": {\n\t\t\t\t"caps": [\n\t\t\t\t\t"CAP_SYS_ADMIN"\n\t\t\t\t]\n\t\t\t}\n\t\t}\n\t]\n}',
    );
  });

  it('[CLI-2] --check exits 1 for a non-canonical file, 0 for docker-default and for fmt output', () => {
    const notCanonical = cli('fmt', '--check', files.includeTypo);
    expect(notCanonical.code).toBe(1);
    expect(notCanonical.stdout).toBe('');
    expect(notCanonical.stderr).toContain('not in canonical form');
    expect(cli('fmt', '--check', 'docker-default')).toEqual({ code: 0, stdout: '', stderr: '' });
    const formatted = join(dir, 'formatted.json');
    writeFileSync(formatted, cli('fmt', files.includeTypo).stdout);
    expect(cli('fmt', '--check', formatted)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it(
    '[CLI-2] the real command: `fmt FILE > OUT` writes canonical bytes that pass `fmt --check OUT`',
    () => {
      const result = spawnCli('fmt', files.includeTypo);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(cli('fmt', files.includeTypo).stdout);
      expect(result.stdout.endsWith('}')).toBe(true); // FORMAT-1: no trailing newline
      const out = join(dir, 'fmt-stdout.json');
      writeFileSync(out, result.stdout);
      expect(spawnCli('fmt', '--check', out).code).toBe(0);
      expect(spawnCli('fmt', 'docker-default').stdout).toBe(dockerDefaultProfileText());
    },
    SPAWN_TEST_TIMEOUT_MS,
  );
});

describe('resolve', () => {
  it('[CLI-3] [CLI-4] resolve docker-default gives amd64 architectures by default, arm64 with --arch', () => {
    expect(resolved('docker-default').architectures).toEqual([
      'SCMP_ARCH_X86_64',
      'SCMP_ARCH_X86',
      'SCMP_ARCH_X32',
    ]);
    expect(resolved('docker-default', '--arch', 'arm64').architectures).toEqual([
      'SCMP_ARCH_AARCH64',
      'SCMP_ARCH_ARM',
    ]);
  });

  it('[CLI-3] --cap-add SYS_PTRACE brings in the CAP_SYS_PTRACE rule', () => {
    const plain = resolved('docker-default');
    const withPtrace = resolved('docker-default', '--cap-add', 'SYS_PTRACE');
    expect(plain.syscalls.some((rule) => rule.names.includes('kcmp'))).toBe(false);
    expect(withPtrace.syscalls).toHaveLength(plain.syscalls.length + 1);
    const capRule = withPtrace.syscalls.find((rule) => rule.names.includes('kcmp'));
    expect(capRule?.names).toEqual(expect.arrayContaining(['ptrace', 'process_vm_readv']));
    expect(withPtrace.syscalls.indexOf(capRule!)).toBeGreaterThan(0);
    expect(rulesNaming(plain, 'ptrace')).toHaveLength(1); // only the minKernel 4.8 rule
    expect(rulesNaming(withPtrace, 'ptrace')).toHaveLength(2);
    // CAP_ prefix and lower case are accepted too.
    expect(resolved('docker-default', '--cap-add', 'cap_sys_ptrace')).toEqual(withPtrace);
  });

  it("[CLI-3] --caps '' drops every capability-gated rule (and keeps the excludes-caps ones)", () => {
    const plain = resolved('docker-default');
    const none = resolved('docker-default', '--caps', '');
    // With Docker's default capabilities the only includes.caps rule in force on amd64 is
    // chroot's (CAP_SYS_CHROOT); without capabilities it goes and nothing else changes.
    expect(rulesNaming(plain, 'chroot')).toHaveLength(1);
    expect(none.syscalls).toEqual(plain.syscalls.filter((rule) => rule.names.join() !== 'chroot'));
    // The rules for callers *without* CAP_SYS_ADMIN stay: clone filtered, clone3 ENOSYS.
    expect(rulesNaming(none, 'clone3')).toEqual([
      expect.objectContaining({ action: 'SCMP_ACT_ERRNO', errnoRet: 38 }),
    ]);
    expect(rulesNaming(none, 'clone')).toHaveLength(1);
  });

  it('[CLI-3] --privileged brings in every capability-gated rule', () => {
    const plain = resolved('docker-default');
    const privileged = resolved('docker-default', '--privileged');
    expect(privileged.syscalls.length).toBeGreaterThan(plain.syscalls.length);
    for (const name of ['mount', 'bpf', 'kcmp', 'reboot', 'init_module', 'clone3'])
      expect(
        rulesNaming(privileged, name).some((rule) => rule.action === 'SCMP_ACT_ALLOW'),
        name,
      ).toBe(true);
    // With CAP_SYS_ADMIN the ENOSYS rule for clone3 is gone.
    expect(
      rulesNaming(privileged, 'clone3').every((rule) => rule.action === 'SCMP_ACT_ALLOW'),
    ).toBe(true);
  });

  it('[CLI-3] --kernel 4.4 drops the minKernel 4.8 rule', () => {
    const plain = resolved('docker-default');
    const old = resolved('docker-default', '--kernel', '4.4');
    expect(old.syscalls).toHaveLength(plain.syscalls.length - 1);
    expect(rulesNaming(old, 'ptrace')).toEqual([]);
    expect(rulesNaming(old, 'process_vm_readv')).toEqual([]);
    // On an old kernel CAP_SYS_PTRACE still allows it.
    expect(
      rulesNaming(
        resolved('docker-default', '--kernel', '4.4', '--cap-add', 'SYS_PTRACE'),
        'ptrace',
      ),
    ).toHaveLength(1);
  });

  it("[CLI-3] a profile Docker refuses (both name and names) exits 1 with Docker's message", () => {
    const { code, stdout, stderr } = cli('resolve', files.nameAndNames);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(DOCKER_REFUSES_NAME_AND_NAMES);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('[CLI-3] bad context options are usage errors (exit 2)', () => {
    for (const argv of [
      ['--arch', 'vax'],
      ['--kernel', 'four'],
      ['--cap-add', 'NOT_A_CAP'],
      ['--caps', 'SYS_ADMIN', '--cap-add', 'SYS_PTRACE'],
      ['--privileged', '--caps', ''],
    ]) {
      const result = cli('resolve', 'docker-default', ...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});

describe('explain', () => {
  const explain = (...argv: string[]) => {
    const result = cli('explain', ...argv);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    return result.stdout;
  };

  it('[CLI-3] explain ptrace: Allowed, and blocked on kernels before 4.8', () => {
    const text = explain('ptrace');
    expect(text).toMatch(/^Status: Allowed$/m);
    expect(text).toContain('on kernels before 4.8: Blocked (EPERM)');
  });

  it('[CLI-3] explain ptrace --kernel 4.4: Blocked (EPERM), allowed with CAP_SYS_PTRACE', () => {
    const text = explain('ptrace', '--kernel', '4.4');
    expect(text).toContain('kernel 4.4');
    expect(text).toMatch(/^Status: Blocked \(EPERM\)$/m);
    expect(text).toContain('with CAP_SYS_PTRACE: Allowed');
  });

  it('[CLI-3] explain clone3: Blocked (ENOSYS)', () => {
    expect(explain('clone3')).toMatch(/^Status: Blocked \(ENOSYS\)$/m);
    expect(explain('clone3', '--cap-add', 'SYS_ADMIN')).toMatch(/^Status: Allowed$/m);
  });

  it('[CLI-3] explain bpf names both CAP_SYS_ADMIN and CAP_BPF', () => {
    const text = explain('bpf');
    expect(text).toMatch(/^Status: Blocked \(EPERM\)$/m);
    expect(text).toContain('with CAP_SYS_ADMIN: Allowed');
    expect(text).toContain('with CAP_BPF: Allowed');
    expect(explain('bpf', '--privileged')).toMatch(/^Status: Allowed$/m);
  });

  it('[CLI-3] explain mount FILE uses that profile', () => {
    const text = explain('mount', files.withMount);
    expect(text.split('\n')[0]).toContain(`mount under ${files.withMount}`);
    expect(text).toMatch(/^Status: Allowed$/m);
    expect(explain('mount')).toMatch(/^Status: Blocked \(EPERM\)$/m);
  });
});

describe('diff', () => {
  it('[CLI-3] [CLI-4] diff docker-default docker-default: no difference, exit 0', () => {
    const { code, stdout } = cli('diff', 'docker-default', 'docker-default');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^No syscall behaves differently/);
    expect(cli('diff', '--json', 'docker-default', 'docker-default')).toEqual({
      code: 0,
      stdout: '[]\n',
      stderr: '',
    });
  });

  it('[CLI-3] diff against a copy that allows mount: exit 1 and a + line', () => {
    const { code, stdout, stderr } = cli('diff', 'docker-default', files.withMount);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^1 syscall behaves differently/);
    expect(lines).toContain('+ mount: Blocked (EPERM) → Allowed');
    expect(lines).toHaveLength(2);
    // The other way round it is newly blocked.
    expect(cli('diff', files.withMount, 'docker-default').stdout).toContain(
      '- mount: Allowed → Blocked (EPERM)',
    );
  });

  it('[CLI-3] diff --json lists the change; the context options apply', () => {
    const { code, stdout } = cli('diff', '--json', 'docker-default', files.withMount);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([
      { syscall: 'mount', kind: 'newly-allowed', before: 'Blocked (EPERM)', after: 'Allowed' },
    ]);
    // Privileged, mount is allowed by both.
    expect(cli('diff', '--privileged', 'docker-default', files.withMount).code).toBe(0);
  });
});

describe('syscalls', () => {
  it('[CLI-3] syscalls --json lists every syscall with its numbers and Docker’s verdict', () => {
    const { code, stdout } = cli('syscalls', '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as {
      name: string;
      description: string;
      category: string;
      numbers: Record<string, number>;
      docker: string;
    }[];
    expect(rows.length).toBeGreaterThanOrEqual(500);
    for (const row of rows) {
      expect(typeof row.name).toBe('string');
      expect(typeof row.description).toBe('string');
      expect(typeof row.category).toBe('string');
      expect(typeof row.numbers).toBe('object');
      expect(typeof row.docker).toBe('string');
    }
    const ptrace = rows.find((row) => row.name === 'ptrace');
    expect(ptrace?.numbers.x86_64).toBe(101);
    expect(ptrace?.docker).toBe('Allowed');
    expect(rows.find((row) => row.name === 'mount')?.docker).toBe('Blocked (EPERM)');
  });

  it('[CLI-3] syscalls --json carries the gating capabilities and Docker’s reason', () => {
    const rows = JSON.parse(cli('syscalls', '--json').stdout) as {
      name: string;
      capabilities: string[];
      reason?: string;
      risk?: string;
      docker: string;
    }[];
    const row = (name: string) => rows.find((entry) => entry.name === name)!;
    expect(row('bpf').capabilities).toEqual(['CAP_SYS_ADMIN', 'CAP_BPF']);
    expect(row('clone3')).toMatchObject({
      docker: 'Blocked (ENOSYS)',
      capabilities: ['CAP_SYS_ADMIN'],
    });
    expect(row('ptrace').capabilities).toEqual(['CAP_SYS_PTRACE']);
    for (const entry of rows.filter((e) => e.docker !== 'Allowed')) {
      expect(entry.reason, entry.name).toBeTruthy();
      expect(entry.risk, entry.name).toMatch(/^(critical|high|medium|low)$/);
    }
    expect(row('read').reason).toBeUndefined();
  });

  it('[CLI-3] explain prints the catalog: what it does, why Docker blocks it, the gate', () => {
    const { stdout } = cli('explain', 'mount');
    expect(stdout).toMatch(/^What it does: /m);
    expect(stdout).toMatch(/^Why Docker's default doesn't simply allow it: /m);
    expect(stdout).toMatch(/^Gated by: CAP_SYS_ADMIN$/m);
    expect(stdout).toMatch(/^Status: Blocked \(EPERM\)$/m);
  });

  it('[CLI-3] syscalls takes the context options', () => {
    const rows = JSON.parse(cli('syscalls', '--json', '--privileged').stdout) as {
      name: string;
      docker: string;
    }[];
    expect(rows.find((row) => row.name === 'mount')?.docker).toBe('Allowed');
    const text = cli('syscalls', '--kernel', '4.4');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^ptrace +Blocked \(EPERM\) /m);
  });
});

describe('docker-default as a FILE', () => {
  it('[CLI-4] docker-default is accepted by lint, fmt, resolve, explain and diff', () => {
    expect(cli('lint', 'docker-default').code).toBe(0);
    expect(cli('fmt', 'docker-default')).toEqual({
      code: 0,
      stdout: dockerDefaultProfileText(),
      stderr: '',
    });
    expect(cli('resolve', 'docker-default').code).toBe(0);
    const explained = cli('explain', 'ptrace', 'docker-default');
    expect(explained.code).toBe(0);
    expect(explained.stdout).toBe(cli('explain', 'ptrace').stdout);
    expect(cli('diff', 'docker-default', files.withMount).code).toBe(1);
    expect(cli('diff', files.withMount, 'docker-default').code).toBe(1);
  });
});

describe('bad input (the real command)', () => {
  const spawned = (name: string, fn: () => void) => it(name, fn, SPAWN_TEST_TIMEOUT_MS);

  spawned('[CLI-5] a missing file', () => {
    expectBadInput(spawnCli('lint', join(dir, 'no-such-file.json')), /no such file/);
  });

  spawned('[CLI-5] a directory', () => {
    expectBadInput(spawnCli('lint', dir), /is a directory/);
  });

  spawned('[CLI-5] binary garbage (random bytes with a NUL)', () => {
    const bytes = randomBytes(4096);
    bytes[100] = 0;
    const file = join(dir, 'garbage.bin');
    writeFileSync(file, bytes);
    expectBadInput(spawnCli('lint', file), /not a text file/);
  });

  spawned('[CLI-5] invalid UTF-8 in an otherwise JSON file', () => {
    const file = join(dir, 'bad-utf8.json');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('{"defaultAction": "SCMP_ACT_'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}'),
      ]),
    );
    expectBadInput(spawnCli('lint', file), /UTF-8/);
  });

  spawned('[CLI-5] JSON nested 100,000 deep, for lint and for resolve', () => {
    const file = join(dir, 'deep.json');
    writeFileSync(file, '['.repeat(100_000) + ']'.repeat(100_000));
    expectBadInput(spawnCli('lint', file), /10000 levels/);
    expectBadInput(spawnCli('resolve', file), /10000 levels/);
  });

  spawned('[CLI-5] a 50 MB file', () => {
    const file = join(dir, 'huge.json');
    const bytes = Buffer.alloc(50 * 1024 * 1024, ' ');
    bytes.write('{}', 25 * 1024 * 1024);
    expect(bytes.length).toBeGreaterThan(MAX_PROFILE_BYTES);
    writeFileSync(file, bytes);
    try {
      expectBadInput(spawnCli('lint', file), /larger than the 32 MiB/);
    } finally {
      unlinkSync(file);
    }
  });

  spawned('[CLI-5] an unknown flag', () => {
    expectBadInput(spawnCli('lint', '--bogus', 'docker-default'), /--bogus/);
  });

  spawned('[CLI-5] an unknown command', () => {
    expectBadInput(spawnCli('frobnicate', 'docker-default'), /unknown command "frobnicate"/);
  });

  spawned('[CLI-5] explain notasyscall', () => {
    expectBadInput(spawnCli('explain', 'notasyscall'), /no syscall "notasyscall"/);
  });
});

describe('bad input (in-process)', () => {
  it('[CLI-5] missing arguments, extra arguments and refused files are usage errors', () => {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    for (const argv of [
      ['lint'],
      ['fmt'],
      ['resolve'],
      ['explain'],
      ['diff', 'docker-default'],
      ['fmt', 'docker-default', 'docker-default'],
      ['syscalls', 'extra'],
      ['explain', 'ptrce'],
      ['resolve', files.bom],
      ['fmt', files.wrongType],
      ['diff', 'docker-default', join(dir, 'sub')],
    ]) {
      const result = cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stdout, argv.join(' ')).toBe('');
      expect(result.stderr.trimEnd().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(result.stderr).not.toContain('internal error');
    }
    expect(cli('explain', 'ptrce').stderr).toContain('did you mean "ptrace"?');
  });

  it('[CLI-5] help prints the usage and exits 0', () => {
    const { code, stdout } = cli('help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: seccomp-editor/);
  });
});

/** Escapes text for use inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
