/**
 * Canonical serialisation in Docker's own style: what Go's `json.MarshalIndent(profile, "", "\t")`
 * writes for moby's `Seccomp` type (field order, `omitempty` rules, HTML-safe string escapes,
 * tab indentation, no trailing newline), which is how Docker's `default.json` is produced.
 * Unlike Docker, keys it does not know are kept, after the known ones, in their written order.
 */
import type { JsonNode } from './json.ts';
import type {
  Arg,
  ArchMapEntry,
  Filter,
  KernelVersion,
  Profile,
  Rule,
  StringItem,
  UnknownMember,
} from './model.ts';
import type { OciSeccomp } from './resolve.ts';

/** A value ready to be written: scalars are already JSON text. */
type Out =
  | { kind: 'json'; node: JsonNode }
  | { kind: 'object'; entries: [string, Out][] }
  | { kind: 'array'; items: Out[] }
  | { kind: 'raw'; text: string };

const raw = (text: string): Exclude<Out, { kind: 'json' }> => ({ kind: 'raw', text });
const str = (value: string): Exclude<Out, { kind: 'json' }> => raw(goQuote(value));
const uint = (value: bigint): Out => raw(value.toString());
const strings = (items: readonly string[]): Out => ({ kind: 'array', items: items.map(str) });
const NULL = raw('null');

/** Quotes a string the way Go's encoding/json does (including its HTML-safe escapes). */
export function goQuote(value: string): string {
  let out = '"';
  let chunkStart = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    let escape: string | undefined;
    if (
      code < 0x20 ||
      code === 0x22 ||
      code === 0x5c ||
      code === 0x3c ||
      code === 0x3e ||
      code === 0x26
    ) {
      escape = GO_ESCAPES.get(code) ?? `\\u00${code.toString(16).padStart(2, '0')}`;
    } else if (code === 0x2028 || code === 0x2029) {
      escape = `\\u${code.toString(16)}`;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const next = value.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      // A lone surrogate is not valid UTF-8; Go writes the replacement character.
      escape = '\\ufffd';
    }
    if (escape !== undefined) {
      out += value.slice(chunkStart, i) + escape;
      chunkStart = i + 1;
    }
  }
  return out + value.slice(chunkStart) + '"';
}

const GO_ESCAPES = new Map<number, string>([
  [0x22, '\\"'],
  [0x5c, '\\\\'],
  [0x0a, '\\n'],
  [0x0d, '\\r'],
  [0x09, '\\t'],
  [0x08, '\\b'],
  [0x0c, '\\f'],
]);

/**
 * Writes a value with Go's indentation. Iterative, because a key Docker doesn't know may hold
 * JSON nested thousands of levels deep.
 */
function write(root: Out, parts: string[]): void {
  // Each task either writes text or writes a value at an indentation.
  type Task = string | { value: Out; indent: string };
  const tasks: Task[] = [{ value: root, indent: '' }];
  while (tasks.length > 0) {
    const task = tasks.pop()!;
    if (typeof task === 'string') {
      parts.push(task);
      continue;
    }
    const { indent } = task;
    const value = task.value.kind === 'json' ? expandNode(task.value.node) : task.value;
    if (value.kind === 'raw') {
      parts.push(value.text);
      continue;
    }
    const inner = indent + '\t';
    const children: [string, Out][] =
      value.kind === 'array'
        ? value.items.map((item) => ['', item])
        : value.entries.map(([key, item]) => [`${goQuote(key)}: `, item]);
    const [open, close] = value.kind === 'array' ? ['[', ']'] : ['{', '}'];
    if (children.length === 0) {
      parts.push(open + close);
      continue;
    }
    parts.push(open);
    // Pushed in reverse so that they are written in order.
    tasks.push(`\n${indent}${close}`);
    for (let i = children.length - 1; i >= 0; i--) {
      const [prefix, item] = children[i]!;
      tasks.push({ value: item, indent: inner });
      tasks.push(`${i === 0 ? '\n' : ',\n'}${inner}${prefix}`);
    }
  }
}

function render(value: Out): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join('');
}

/** Any JSON subtree, written as it is (used for keys Docker doesn't know). */
const fromNode = (node: JsonNode): Out => ({ kind: 'json', node });

/** One level of a JSON subtree as an `Out` (its children stay lazy, so depth costs no stack). */
function expandNode(node: JsonNode): Exclude<Out, { kind: 'json' }> {
  switch (node.kind) {
    case 'object':
      return { kind: 'object', entries: node.members.map((m) => [m.key.value, fromNode(m.value)]) };
    case 'array':
      return { kind: 'array', items: node.items.map(fromNode) };
    case 'string':
      return str(node.value);
    case 'number':
      return raw(node.raw);
    case 'boolean':
      return raw(String(node.value));
    case 'null':
      return NULL;
  }
}

class ObjectBuilder {
  readonly entries: [string, Out][] = [];

  add(key: string, value: Out | undefined): this {
    if (value !== undefined) this.entries.push([key, value]);
    return this;
  }

  /** The finished object, with the members Docker doesn't know appended in their written order. */
  build(unknown: readonly UnknownMember[] = []): Out {
    for (const { member } of unknown) this.entries.push([member.key.value, fromNode(member.value)]);
    return { kind: 'object', entries: this.entries };
  }
}

const values = (items: StringItem[] | null): string[] => (items ?? []).map((item) => item.value);
const nonEmpty = (items: StringItem[] | null): Out | undefined =>
  items?.length ? strings(values(items)) : undefined;

function formatKernelVersion(version: KernelVersion): string {
  return version.major > 0 || version.minor > 0 ? `${version.major}.${version.minor}` : '';
}

/**
 * Writes a decoded profile in Docker's canonical style.
 *
 * @param profile - a profile decoded without type errors (values Docker couldn't read are not in the model)
 */
export function formatProfile(profile: Profile): string {
  const unknownByParent = new Map<JsonNode, UnknownMember[]>();
  for (const entry of profile.unknownMembers) {
    const siblings = unknownByParent.get(entry.parent);
    if (siblings) siblings.push(entry);
    else unknownByParent.set(entry.parent, [entry]);
  }
  const has = (field: string): boolean => profile.fields.has(field);
  const top = new ObjectBuilder()
    .add(
      'defaultAction',
      has('defaultAction') || profile.defaultAction !== '' ? str(profile.defaultAction) : undefined,
    )
    .add(
      'defaultErrnoRet',
      profile.defaultErrnoRet === undefined ? undefined : uint(profile.defaultErrnoRet),
    )
    .add('architectures', nonEmpty(profile.architectures))
    .add('flags', nonEmpty(profile.flags))
    .add('listenerPath', profile.listenerPath ? str(profile.listenerPath) : undefined)
    .add('listenerMetadata', profile.listenerMetadata ? str(profile.listenerMetadata) : undefined)
    .add(
      'archMap',
      profile.archMap?.length
        ? {
            kind: 'array',
            items: profile.archMap.map((entry) => formatArchEntry(entry, unknownByParent)),
          }
        : undefined,
    )
    .add(
      'syscalls',
      profile.syscalls === null
        ? undefined
        : {
            kind: 'array',
            items: profile.syscalls.map((rule) =>
              rule ? formatRule(rule, unknownByParent) : NULL,
            ),
          },
    );
  return render(top.build(unknownByParent.get(profile.node)));
}

function formatArchEntry(
  entry: ArchMapEntry,
  unknown: ReadonlyMap<JsonNode, UnknownMember[]>,
): Out {
  return new ObjectBuilder()
    .add('architecture', str(entry.architecture))
    .add(
      'subArchitectures',
      entry.subArchitectures === null ? NULL : strings(values(entry.subArchitectures)),
    )
    .build(unknown.get(entry.node));
}

function formatRule(rule: Rule, unknown: ReadonlyMap<JsonNode, UnknownMember[]>): Out {
  return new ObjectBuilder()
    .add('names', rule.names === null ? undefined : strings(values(rule.names)))
    .add('action', rule.fields.has('action') || rule.action !== '' ? str(rule.action) : undefined)
    .add('errnoRet', rule.errnoRet === undefined ? undefined : uint(rule.errnoRet))
    .add(
      'args',
      rule.args?.length
        ? { kind: 'array', items: rule.args.map((arg) => formatArg(arg, unknown)) }
        : undefined,
    )
    .add('name', rule.name ? str(rule.name) : undefined)
    .add('comment', rule.comment ? str(rule.comment) : undefined)
    .add('includes', rule.includes ? formatFilter(rule.includes, unknown) : undefined)
    .add('excludes', rule.excludes ? formatFilter(rule.excludes, unknown) : undefined)
    .build(unknown.get(rule.node));
}

function formatArg(arg: Arg, unknown: ReadonlyMap<JsonNode, UnknownMember[]>): Out {
  return new ObjectBuilder()
    .add('index', uint(arg.index))
    .add('value', uint(arg.value))
    .add('valueTwo', arg.valueTwo === 0n ? undefined : uint(arg.valueTwo))
    .add('op', str(arg.op))
    .build(unknown.get(arg.node));
}

function formatFilter(filter: Filter, unknown: ReadonlyMap<JsonNode, UnknownMember[]>): Out {
  return new ObjectBuilder()
    .add('caps', nonEmpty(filter.caps))
    .add('arches', nonEmpty(filter.arches))
    .add('minKernel', filter.minKernel ? str(formatKernelVersion(filter.minKernel)) : undefined)
    .build(unknown.get(filter.node));
}

/**
 * Writes the OCI `linux.seccomp` object that resolution produced, as Go would marshal
 * runtime-spec's `LinuxSeccomp` (`null` when Docker applies no filter).
 */
export function formatOciSeccomp(seccomp: OciSeccomp | null): string {
  if (seccomp === null) return 'null';
  const top = new ObjectBuilder()
    .add('defaultAction', str(seccomp.defaultAction))
    .add(
      'defaultErrnoRet',
      seccomp.defaultErrnoRet === undefined ? undefined : uint(seccomp.defaultErrnoRet),
    )
    .add('architectures', seccomp.architectures.length ? strings(seccomp.architectures) : undefined)
    .add('flags', seccomp.flags.length ? strings(seccomp.flags) : undefined)
    .add('listenerPath', seccomp.listenerPath ? str(seccomp.listenerPath) : undefined)
    .add('listenerMetadata', seccomp.listenerMetadata ? str(seccomp.listenerMetadata) : undefined)
    .add(
      'syscalls',
      seccomp.syscalls.length
        ? {
            kind: 'array',
            items: seccomp.syscalls.map((call) =>
              new ObjectBuilder()
                .add('names', call.names === null ? NULL : strings(call.names))
                .add('action', str(call.action))
                .add('errnoRet', call.errnoRet === undefined ? undefined : uint(call.errnoRet))
                .add(
                  'args',
                  call.args?.length
                    ? {
                        kind: 'array',
                        items: call.args.map((arg) =>
                          new ObjectBuilder()
                            .add('index', uint(arg.index))
                            .add('value', uint(arg.value))
                            .add('valueTwo', arg.valueTwo === 0n ? undefined : uint(arg.valueTwo))
                            .add('op', str(arg.op))
                            .build(),
                        ),
                      }
                    : undefined,
                )
                .build(),
            ),
          }
        : undefined,
    );
  return render(top.build());
}
