/**
 * A JSON Schema (draft-07) of Docker's profile format, written for this project. The editor
 * hands it to Monaco's JSON language service for structural validation, completion of keys
 * and enum values, and hover text. It describes what Docker reads; the engine's lint says
 * the rest (unknown keys are allowed here because Docker ignores them and lint names them).
 */
import { ACTIONS, FLAGS, OPERATORS, SCMP_ARCHES } from './model.ts';
import { ALL_CAPABILITIES, DOCKER_ARCHES } from './context.ts';

const uint = { type: 'integer', minimum: 0 } as const;
// No maximum: 2^64−1 has no exact JavaScript number, so the engine's lint checks the range.
const uint64 = { type: 'integer', minimum: 0 } as const;
const stringList = (description: string, items: object = { type: 'string' }) => ({
  description,
  type: ['array', 'null'],
  items,
});

const filter = (kind: 'includes' | 'excludes') => ({
  description:
    kind === 'includes'
      ? 'The rule is used only when every condition here holds.'
      : 'The rule is dropped when any condition here holds.',
  type: ['object', 'null'],
  properties: {
    caps: stringList(
      kind === 'includes'
        ? 'Capabilities the container must all have (CAP_* names).'
        : 'The rule is dropped if the container has any of these capabilities.',
      { type: 'string', enum: [...ALL_CAPABILITIES] },
    ),
    arches: stringList(
      "Docker's native architecture names (amd64, arm64, …), not SCMP_ARCH_* names.",
      { type: 'string', enum: [...DOCKER_ARCHES, 'x32'] },
    ),
    minKernel: {
      description:
        kind === 'includes'
          ? 'The host kernel must be at least this version, "<major>.<minor>".'
          : 'The rule is dropped from this kernel version on, "<major>.<minor>".',
      type: ['string', 'null'],
      pattern: '^(|[0-9]+\\.[0-9]+)$',
    },
  },
});

/** The schema as a plain object. */
export const PROFILE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'seccomp-editor://schemas/docker-seccomp-profile.json',
  title: 'Docker seccomp profile',
  type: 'object',
  properties: {
    defaultAction: {
      description: 'What happens to a syscall no rule matches.',
      type: 'string',
      enum: [...ACTIONS],
    },
    defaultErrnoRet: { ...uint, description: 'The errno for SCMP_ACT_ERRNO (EPERM when absent).' },
    architectures: stringList('Seccomp architectures (SCMP_ARCH_*); not together with archMap.', {
      type: 'string',
      enum: [...SCMP_ARCHES],
    }),
    archMap: {
      description:
        "Docker only: per host architecture, the architectures to filter (the host's entry is used).",
      type: ['array', 'null'],
      items: {
        type: 'object',
        properties: {
          architecture: { type: 'string', enum: [...SCMP_ARCHES] },
          subArchitectures: stringList('Architectures filtered alongside it.', {
            type: 'string',
            enum: [...SCMP_ARCHES],
          }),
        },
      },
    },
    flags: stringList('Seccomp filter flags.', { type: 'string', enum: [...FLAGS] }),
    listenerPath: {
      type: 'string',
      description: 'Unix socket that receives SCMP_ACT_NOTIFY notifications.',
    },
    listenerMetadata: { type: 'string', description: 'Opaque text passed to the listener.' },
    syscalls: {
      description: 'The rules, in order.',
      type: ['array', 'null'],
      items: {
        type: ['object', 'null'],
        properties: {
          names: stringList('Syscall names this rule applies to.'),
          name: { type: 'string', description: 'Legacy single-name form; use names.' },
          action: {
            type: 'string',
            enum: [...ACTIONS],
            description: 'What happens when the rule matches.',
          },
          errnoRet: { ...uint, description: 'The errno for SCMP_ACT_ERRNO (EPERM when absent).' },
          args: {
            description:
              'Argument conditions: all must hold (several on one argument are ORed by runc).',
            type: ['array', 'null'],
            items: {
              type: ['object', 'null'],
              properties: {
                index: { ...uint, maximum: 5, description: 'Which argument (0–5).' },
                value: {
                  ...uint64,
                  description: 'The value compared (the mask for SCMP_CMP_MASKED_EQ).',
                },
                valueTwo: {
                  ...uint64,
                  description: 'For SCMP_CMP_MASKED_EQ: the value after masking.',
                },
                op: { type: 'string', enum: [...OPERATORS] },
              },
            },
          },
          comment: { type: 'string' },
          includes: filter('includes'),
          excludes: filter('excludes'),
        },
      },
    },
  },
} as const;
