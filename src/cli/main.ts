/**
 * The seccomp-editor command line: lint, format, resolve, explain and diff Docker seccomp
 * profiles, for people who keep profiles in git and check them in CI.
 *
 * Exit codes: 0 fine; 1 findings (lint errors, a non-canonical file, a difference, a profile
 * Docker refuses); 2 bad input or usage (one line on stderr, never a stack trace).
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  adjustCapabilities,
  ALL_CAPABILITIES,
  DOCKER_ARCHES,
  DOCKER_DEFAULT_CAPABILITIES,
  NEWEST_KERNEL,
  formatKernel,
  normalizeCapability,
  parseArch,
  parseKernelRelease,
  type ResolveContext,
} from '../core/context.ts';
import { diffProfiles } from '../core/diff.ts';
import { dockerDefaultProfileText } from '../core/docker-default.ts';
import { explainSyscall } from '../core/explain.ts';
import { formatOciSeccomp, formatProfile } from '../core/format.ts';
import { MAX_NESTING_DEPTH } from '../core/json.ts';
import { lintProfile } from '../core/lint.ts';
import { parseProfile, type ParsedProfile } from '../core/parse.ts';
import { DECODE_FAILED, resolveProfile } from '../core/resolve.ts';
import { allSyscallNames, syscallKnowledge } from '../catalog/knowledge.ts';
import { syscallsCommand, explainCatalogLines } from './syscalls.ts';

/** The name that stands for Docker's built-in default profile wherever a FILE goes. */
export const DOCKER_DEFAULT = 'docker-default';
/** Larger files are refused rather than read (a profile is a few kilobytes; generated ones a few MB). */
export const MAX_PROFILE_BYTES = 32 * 1024 * 1024;

/** A problem with the input or the command line: one line on stderr, exit 2. */
export class UsageError extends Error {}

export interface Io {
  /** Writes one line of output (a newline is added). */
  out: (text: string) => void;
  /** Writes one line to the error stream (a newline is added). */
  err: (text: string) => void;
  /**
   * Writes text exactly as given, with no newline added: `fmt` uses it so that its output is
   * canonical text byte for byte (FORMAT-1: no trailing newline). Falls back to `out`.
   */
  write?: (text: string) => void;
}

const USAGE = `Usage: seccomp-editor <command> [options]

Commands:
  lint FILE…                 check profiles; FILE:LINE:COL: SEVERITY CODE: message (--json for machines)
  fmt FILE                   print the profile in Docker's canonical style (--check: exit 1 if it isn't)
  resolve FILE               print the OCI linux.seccomp Docker would hand to the runtime
  explain SYSCALL [FILE]     what happens to a syscall, why, and what would change it
  diff A B                   syscalls whose outcome differs between two profiles
  syscalls                   list every Linux syscall with Docker's view of it (--json)

Context options (resolve, explain, diff, syscalls):
  --arch ARCH                amd64 (default), arm64, x86, arm, ppc64le, s390x, riscv64, …
  --kernel X.Y               host kernel version (default: newest, ${formatKernel(NEWEST_KERNEL)})
  --caps CAP_A,CAP_B         the whole capability bounding set ('' for none)
  --cap-add CAP, --cap-drop CAP   adjust Docker's default set, as docker run does
  --privileged               every capability

FILE may be '${DOCKER_DEFAULT}' for Docker's built-in default profile.`;

/** Reads a profile file (or the built-in default) as text, refusing what isn't one. */
export function readProfileText(file: string): string {
  if (file === DOCKER_DEFAULT) return dockerDefaultProfileText();
  let size: number;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) throw new UsageError(`${file}: is a directory, not a profile file`);
    size = stats.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? String(error)})`}`,
    );
  }
  if (size > MAX_PROFILE_BYTES) {
    throw new UsageError(
      `${file}: ${(size / 1024 / 1024).toFixed(1)} MiB is larger than the ${MAX_PROFILE_BYTES / 1024 / 1024} MiB a profile may be`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(
      `${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1)
    throw new UsageError(
      `${file}: not a text file (a NUL byte at offset ${nul}); a profile is JSON text`,
    );
  try {
    // ignoreBOM keeps a byte-order mark in the text, so the parser reports it as Go does
    // (Docker refuses a profile that starts with one) instead of it being silently dropped.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UsageError(`${file}: not valid UTF-8 text; a profile is JSON text in UTF-8`);
  }
}

function parseFile(file: string): ParsedProfile {
  const parsed = parseProfile(readProfileText(file));
  const syntax = parsed.syntaxError;
  if (syntax && syntax.message.includes(`${MAX_NESTING_DEPTH} levels`)) {
    throw new UsageError(`${file}:${syntax.line}:${syntax.column}: ${syntax.message}`);
  }
  return parsed;
}

/** Parses a file that must load in Docker for the command to make sense. */
function loadFile(file: string): ParsedProfile {
  const parsed = parseFile(file);
  if (parsed.syntaxError) {
    const { line, column, message } = parsed.syntaxError;
    throw new UsageError(`${file}:${line}:${column}: not valid JSON: ${message}`);
  }
  return parsed;
}

function splitList(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

function capabilityList(values: readonly string[] | undefined, flag: string): string[] {
  return splitList(values).map((value) => {
    const cap = normalizeCapability(value);
    if (!cap)
      throw new UsageError(
        `${flag}: unknown capability "${value}" (names such as SYS_ADMIN or CAP_SYS_ADMIN)`,
      );
    return cap;
  });
}

type ContextOptions = {
  arch?: string;
  kernel?: string;
  caps?: string;
  'cap-add'?: string[];
  'cap-drop'?: string[];
  privileged?: boolean;
};

const CONTEXT_OPTIONS = {
  arch: { type: 'string' },
  kernel: { type: 'string' },
  caps: { type: 'string' },
  'cap-add': { type: 'string', multiple: true },
  'cap-drop': { type: 'string', multiple: true },
  privileged: { type: 'boolean' },
} as const;

/** Builds the resolution context from the command-line options, as `docker run` would. */
export function contextFromOptions(options: ContextOptions): ResolveContext {
  const arch = options.arch === undefined ? 'amd64' : parseArch(options.arch);
  if (!arch)
    throw new UsageError(
      `--arch: unknown architecture "${options.arch}" (one of ${DOCKER_ARCHES.join(', ')})`,
    );
  const kernel = options.kernel === undefined ? NEWEST_KERNEL : parseKernelRelease(options.kernel);
  if (!kernel)
    throw new UsageError(`--kernel: "${options.kernel}" is not a kernel version such as 5.15`);
  let caps: Set<string>;
  if (options.privileged) {
    if (options.caps !== undefined)
      throw new UsageError('--privileged and --caps contradict each other: use one');
    caps = new Set(ALL_CAPABILITIES);
  } else if (options.caps !== undefined) {
    if (options['cap-add'] || options['cap-drop'])
      throw new UsageError('--caps sets the whole set: use it without --cap-add/--cap-drop');
    caps = new Set(capabilityList([options.caps], '--caps').filter((cap) => cap !== 'ALL'));
    if (splitList([options.caps]).some((value) => value.toUpperCase() === 'ALL'))
      caps = new Set(ALL_CAPABILITIES);
  } else {
    caps = adjustCapabilities(
      DOCKER_DEFAULT_CAPABILITIES,
      capabilityList(options['cap-add'], '--cap-add'),
      capabilityList(options['cap-drop'], '--cap-drop'),
    );
  }
  return { arch, kernel, caps };
}

/** Describes a context in words, for headings. */
export function describeContext(context: ResolveContext): string {
  const defaults = new Set<string>(DOCKER_DEFAULT_CAPABILITIES);
  const same =
    context.caps.size === defaults.size && [...context.caps].every((cap) => defaults.has(cap));
  let caps: string;
  if (same) caps = "Docker's default capabilities";
  else if (context.caps.size === ALL_CAPABILITIES.length) caps = 'every capability (privileged)';
  else {
    const added = [...context.caps].filter((cap) => !defaults.has(cap));
    const dropped = [...defaults].filter((cap) => !context.caps.has(cap));
    caps = `Docker's default capabilities${added.length ? ` + ${added.join(', ')}` : ''}${dropped.length ? ` − ${dropped.join(', ')}` : ''}`;
  }
  return `${context.arch}, kernel ${formatKernel(context.kernel)}, ${caps}`;
}

function lintCommand(files: string[], json: boolean, io: Io): number {
  if (files.length === 0) throw new UsageError('lint: name at least one FILE');
  let errors = 0;
  const all: unknown[] = [];
  for (const file of files) {
    const findings = lintProfile(parseFile(file), { syscalls: syscallKnowledge });
    for (const finding of findings) {
      if (finding.severity === 'error') errors++;
      if (json) all.push({ file, ...finding });
      else
        io.out(
          `${file}:${finding.line}:${finding.column}: ${finding.severity} ${finding.code}: ${finding.message}`,
        );
    }
  }
  if (json) io.out(JSON.stringify(all, null, 2));
  return errors > 0 ? 1 : 0;
}

function fmtCommand(file: string | undefined, check: boolean, io: Io): number {
  if (!file) throw new UsageError('fmt: name a FILE');
  const parsed = loadFile(file);
  if (parsed.profile === null || parsed.dockerError) {
    throw new UsageError(
      `${file}: Docker cannot read this profile (${parsed.dockerError ?? 'it is not a JSON object'}); run lint to see where`,
    );
  }
  const formatted = formatProfile(parsed.profile);
  if (check) {
    if (formatted === parsed.text) return 0;
    io.err(`${file}: not in canonical form (run: seccomp-editor fmt ${file})`);
    return 1;
  }
  if (io.write) io.write(formatted);
  else io.out(formatted);
  return 0;
}

function resolveCommand(file: string | undefined, context: ResolveContext, io: Io): number {
  if (!file) throw new UsageError('resolve: name a FILE');
  const parsed = loadFile(file);
  if (parsed.dockerError) {
    io.err(`${file}: Docker refuses this profile: ${DECODE_FAILED}${parsed.dockerError}`);
    return 1;
  }
  const resolved = resolveProfile(parsed.profile, context);
  if (!resolved.ok) {
    io.err(`${file}: Docker refuses this profile: ${resolved.error}`);
    return 1;
  }
  io.out(formatOciSeccomp(resolved.seccomp));
  return 0;
}

function explainCommand(
  syscall: string | undefined,
  file: string | undefined,
  context: ResolveContext,
  io: Io,
): number {
  if (!syscall) throw new UsageError('explain: name a SYSCALL');
  if (!syscallKnowledge.isKnown(syscall)) {
    const suggestion = syscallKnowledge.suggest?.(syscall);
    throw new UsageError(
      `explain: Linux has no syscall "${syscall}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
    );
  }
  const source = file ?? DOCKER_DEFAULT;
  const parsed = loadFile(source);
  const explanation = explainSyscall(parsed, syscall, context);
  io.out(
    `${syscall} under ${source === DOCKER_DEFAULT ? "Docker's default profile" : source} (${describeContext(context)})`,
  );
  for (const line of explainCatalogLines(syscall)) io.out(line);
  io.out(`Status: ${explanation.status}`);
  for (const reason of explanation.reasons) io.out(`Why: ${reason}`);
  if (explanation.alternatives.length) {
    io.out('What would change it:');
    for (const alternative of explanation.alternatives)
      io.out(`  ${alternative.change}: ${alternative.status}`);
  }
  for (const note of explanation.inactive) io.out(`Note: ${note}`);
  return 0;
}

/** Docker's error when it refuses a parsed profile in this context, if it does. */
function refusalOf(parsed: ParsedProfile, context: ResolveContext): string | undefined {
  const resolved = resolveProfile(parsed.profile, context);
  return resolved.ok ? undefined : resolved.error;
}

function diffCommand(
  a: string | undefined,
  b: string | undefined,
  context: ResolveContext,
  json: boolean,
  io: Io,
): number {
  if (!a || !b) throw new UsageError('diff: name two FILEs (A B)');
  const before = loadFile(a);
  const after = loadFile(b);
  for (const [file, parsed] of [
    [a, before],
    [b, after],
  ] as const) {
    const refusal = parsed.dockerError ?? refusalOf(parsed, context);
    if (refusal !== undefined) {
      io.err(`${file}: Docker refuses this profile, so there is nothing to compare: ${refusal}`);
      return 1;
    }
  }
  const changes = diffProfiles(before, after, context, allSyscallNames());
  if (json) {
    io.out(
      JSON.stringify(
        changes.map(({ syscall, kind, beforeStatus, afterStatus }) => ({
          syscall,
          kind,
          before: beforeStatus,
          after: afterStatus,
        })),
        null,
        2,
      ),
    );
  } else if (changes.length === 0) {
    io.out(`No syscall behaves differently (${describeContext(context)})`);
  } else {
    io.out(
      `${changes.length} ${changes.length === 1 ? 'syscall behaves' : 'syscalls behave'} differently (${describeContext(context)}):`,
    );
    const mark = { 'newly-allowed': '+', 'newly-blocked': '-', changed: '~' } as const;
    for (const change of changes)
      io.out(
        `${mark[change.kind]} ${change.syscall}: ${change.beforeStatus} → ${change.afterStatus}`,
      );
  }
  return changes.length > 0 ? 1 : 0;
}

/**
 * Runs the CLI.
 *
 * @param argv - the arguments after the program name
 * @param io - where output and errors go
 * @returns the exit code
 */
export function run(argv: readonly string[], io: Io): number {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    const { values, positionals } = parseCommandArgs(command, rest);
    const context = (): ResolveContext => contextFromOptions(values as ContextOptions);
    switch (command) {
      case 'lint':
        return lintCommand(positionals, values.json === true, io);
      case 'fmt':
        expectAtMost(command, positionals, 1);
        return fmtCommand(positionals[0], values.check === true, io);
      case 'resolve':
        expectAtMost(command, positionals, 1);
        return resolveCommand(positionals[0], context(), io);
      case 'explain':
        expectAtMost(command, positionals, 2);
        return explainCommand(positionals[0], positionals[1], context(), io);
      case 'diff':
        expectAtMost(command, positionals, 2);
        return diffCommand(positionals[0], positionals[1], context(), values.json === true, io);
      case 'syscalls':
        expectAtMost(command, positionals, 0);
        return syscallsCommand(context(), values.json === true, io);
      default:
        throw new UsageError(`unknown command "${command}" (try: seccomp-editor help)`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`seccomp-editor: ${error.message}`);
      return 2;
    }
    if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      io.err(`seccomp-editor: ${error.message}`);
      return 2;
    }
    io.err(
      `seccomp-editor: internal error: ${error instanceof Error ? error.message : String(error)} (please report it)`,
    );
    return 2;
  }
}

function expectAtMost(command: string, positionals: string[], count: number): void {
  if (positionals.length > count)
    throw new UsageError(`${command}: unexpected argument "${positionals[count]}"`);
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

function parseCommandArgs(command: string, args: string[]) {
  const perCommand: Record<string, OptionSpec> = {
    lint: { json: { type: 'boolean' } },
    fmt: { check: { type: 'boolean' } },
    resolve: CONTEXT_OPTIONS,
    explain: CONTEXT_OPTIONS,
    diff: { ...CONTEXT_OPTIONS, json: { type: 'boolean' } },
    syscalls: { ...CONTEXT_OPTIONS, json: { type: 'boolean' } },
  };
  const options = perCommand[command];
  if (!options) throw new UsageError(`unknown command "${command}" (try: seccomp-editor help)`);
  return parseArgs({
    args,
    options,
    allowPositionals: true,
    strict: true,
  });
}
