/**
 * Turns a JSON tree into the profile model the way Docker's loader does: Go's `encoding/json`
 * decoding into moby's `Seccomp` type. That means case-insensitive keys (an exact match wins),
 * the last of repeated keys wins, `null` leaves a field at its zero value, and a value of the
 * wrong type is an error that Docker reports in Go's own words.
 */
import type { JsonMember, JsonNode, JsonObject } from './json.ts';
import type {
  Arg,
  ArchMapEntry,
  FieldMembers,
  Filter,
  JsonPath,
  KernelVersion,
  Profile,
  Rule,
  StringItem,
  UnknownMember,
} from './model.ts';

/** A problem found while decoding; `fatal` ones make Docker refuse the whole profile. */
export interface DecodeProblem {
  code: 'docker-type' | 'docker-min-kernel' | 'duplicate-key' | 'key-case' | 'null-rule';
  message: string;
  node: JsonNode;
  path: JsonPath;
  /** Docker's own error text, when Docker refuses the profile because of this. */
  dockerError?: string;
}

export interface DecodeResult {
  profile: Profile | null;
  problems: DecodeProblem[];
  /** What Docker would print when loading fails at decode time (the first error, as Go picks it). */
  dockerError?: string;
}

const MAX_UINT64 = (1n << 64n) - 1n;
const MAX_UINT32 = (1n << 32n) - 1n;

/**
 * Go matches JSON keys to fields with Unicode simple folding: besides case, the Kelvin sign
 * folds to k (which toLowerCase already does) and the long s (ſ) to s.
 */
function goFold(key: string): string {
  return key.toLowerCase().replaceAll('\u017F', 's');
}

/**
 * `[...path, step]` without the spread's iterator: a large profile's decoding builds a path for
 * every member and list item (hundreds of thousands on a megabyte profile).
 */
function appendPath(path: JsonPath, step: string | number): JsonPath {
  const length = path.length;
  const result = new Array<string | number>(length + 1);
  for (let i = 0; i < length; i++) result[i] = path[i]!;
  result[length] = step;
  return result;
}

/**
 * The fields of an object not decoded (yet): one shared empty map, since every rule, argument
 * and filter starts with it and a large profile has tens of thousands of them.
 */
const NO_FIELDS: FieldMembers = new Map();

/**
 * A string in a list (a rule's names, a filter's caps, …), its path made when asked: a large
 * profile has tens of thousands of them, and few paths are ever read.
 */
class ListItem implements StringItem {
  constructor(
    readonly value: string,
    readonly node: JsonNode,
    private readonly listPath: JsonPath,
    private readonly position: number,
  ) {}

  get path(): JsonPath {
    return appendPath(this.listPath, this.position);
  }
}

/** The names Go's encoding/json gives JSON values in its type errors. */
function goValueName(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return 'object';
    case 'array':
      return 'array';
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    case 'null':
      return 'null';
  }
}

/**
 * One rule's decoding, kept for the next decoding of an edit of the same text: a rule the edit
 * left alone (the same node, at the same place) is not decoded again, and neither are its OCI
 * form and the rest that resolve.ts keeps per rule. The nodes before an edit are the previous
 * tree's own (json-reparse.ts), so on a large profile most rules are found again.
 */
interface RuleDecoding {
  rule: Rule;
  /** The path of the list the rule is in (the key as written: Go matches it in any case). */
  listPath: JsonPath;
  findings: Findings;
}

/** What decoding a part of the document found: its problems, and the errors Go would keep. */
interface Findings {
  problems: readonly DecodeProblem[];
  unknown: readonly UnknownMember[];
  typeError: string | undefined;
  typeErrorOn32Bit: string | undefined;
  abortError: string | undefined;
}

/**
 * Fields Go decodes a repeated value into the one already there: structs (filters) and lists
 * of structs (rules, args, arch map entries) keep what the later value leaves out.
 */
const MERGED_FIELDS: ReadonlySet<string> = new Set([
  'syscalls',
  'args',
  'archMap',
  'includes',
  'excludes',
]);

const NOTHING_FOUND: readonly DecodeProblem[] = [];
const NOTHING_IGNORED: readonly UnknownMember[] = [];
/** What most rules' decoding finds. */
const NO_FINDINGS: Findings = {
  problems: NOTHING_FOUND,
  unknown: NOTHING_IGNORED,
  typeError: undefined,
  typeErrorOn32Bit: undefined,
  abortError: undefined,
};

/** Each decoded profile's rules, by position, as {@link RuleDecoding}s. */
const ruleDecodings = new WeakMap<Profile, readonly (RuleDecoding | undefined)[]>();

function samePath(a: JsonPath, b: JsonPath): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

class Decoder {
  readonly problems: DecodeProblem[] = [];
  /** Every member Docker ignores, anywhere in the document. */
  readonly unknown: UnknownMember[] = [];
  /** Go keeps the first type error and carries on; an error from a custom decoder aborts. */
  private firstTypeError: string | undefined;
  /** On 32-bit hosts Go's `uint` is 32 bits wide, so larger values are type errors there too. */
  private firstTypeErrorOn32Bit: string | undefined;
  private abortError: string | undefined;

  get dockerError(): string | undefined {
    return this.abortError ?? this.firstTypeError;
  }

  get dockerErrorOn32Bit(): string | undefined {
    return this.abortError ?? this.firstTypeErrorOn32Bit;
  }

  typeError(
    node: JsonNode,
    path: JsonPath,
    struct: string,
    field: string,
    goType: string,
    value?: string,
  ): void {
    const what = value ?? goValueName(node);
    const goText = `json: cannot unmarshal ${what} into Go struct field ${struct}.${field} of type ${goType}`;
    this.problems.push({
      code: 'docker-type',
      message: `Wrong type: ${field.split('.').pop()} must be ${describeGoType(goType)}, not ${describeJson(node)}`,
      node,
      path,
      dockerError: goText,
    });
    if (this.abortError === undefined) {
      this.firstTypeError ??= goText;
      this.firstTypeErrorOn32Bit ??= goText;
    }
  }

  /** Where the part being decoded began, and the errors found before it (see {@link beginPart}). */
  private partProblemsFrom = 0;
  private partUnknownFrom = 0;
  private beforePart: Findings = NO_FINDINGS;

  /**
   * Starts decoding a part of the document on its own account: what it finds is added here
   * as usual, and {@link endPart} also returns it, to be {@link repeat}ed when the same part
   * is met again. Parts don't nest. (No closure or result object per part: a large profile's
   * rules are thousands of parts.)
   */
  beginPart(): void {
    this.partProblemsFrom = this.problems.length;
    this.partUnknownFrom = this.unknown.length;
    this.beforePart =
      this.firstTypeError === undefined &&
      this.firstTypeErrorOn32Bit === undefined &&
      this.abortError === undefined
        ? NO_FINDINGS
        : {
            problems: NOTHING_FOUND,
            unknown: NOTHING_IGNORED,
            typeError: this.firstTypeError,
            typeErrorOn32Bit: this.firstTypeErrorOn32Bit,
            abortError: this.abortError,
          };
    this.firstTypeError = this.firstTypeErrorOn32Bit = this.abortError = undefined;
  }

  /** Ends the part begun last: what it found. */
  endPart(): Findings {
    const found =
      this.problems.length === this.partProblemsFrom &&
      this.unknown.length === this.partUnknownFrom &&
      this.firstTypeError === undefined &&
      this.firstTypeErrorOn32Bit === undefined &&
      this.abortError === undefined
        ? NO_FINDINGS
        : {
            problems: this.problems.slice(this.partProblemsFrom),
            unknown: this.unknown.slice(this.partUnknownFrom),
            typeError: this.firstTypeError,
            typeErrorOn32Bit: this.firstTypeErrorOn32Bit,
            abortError: this.abortError,
          };
    const before = this.beforePart;
    this.firstTypeError = before.typeError;
    this.firstTypeErrorOn32Bit = before.typeErrorOn32Bit;
    this.abortError = before.abortError;
    this.mergeErrors(found);
    return found;
  }

  /** Adds what decoding a part found before, as if it had been decoded here again. */
  repeat(findings: Findings): void {
    for (const problem of findings.problems) this.problems.push(problem);
    for (const member of findings.unknown) this.unknown.push(member);
    this.mergeErrors(findings);
  }

  /**
   * A part's errors count where none came before it. After an abort, a later type error is
   * kept too, where Go would have stopped: unseen, since the abort's error is the one reported.
   */
  private mergeErrors(findings: Findings): void {
    this.firstTypeError ??= findings.typeError;
    this.firstTypeErrorOn32Bit ??= findings.typeErrorOn32Bit;
    this.abortError ??= findings.abortError;
  }

  abort(problem: DecodeProblem): void {
    this.problems.push(problem);
    // Go returns a custom decoder's error at once, so later problems never reach the user.
    this.abortError ??= problem.dockerError;
  }

  /**
   * Walks an object's members against the known field names. Exact matches win over
   * case-insensitive ones, as in Go; the last member for a field wins.
   */
  members<Field extends string>(
    object: JsonObject,
    path: JsonPath,
    known: readonly Field[],
    visit: (field: Field, member: JsonMember, path: JsonPath) => void,
  ): { fields: Map<string, JsonMember> } {
    const fields = new Map<string, JsonMember>();
    for (const member of object.members) {
      const key = member.key.value;
      const memberPath = appendPath(path, key);
      const field = (known as readonly string[]).includes(key)
        ? (key as Field)
        : known.find((name) => name.toLowerCase() === goFold(key));
      if (field === undefined) {
        this.unknown.push({ member, path: memberPath, parent: object });
        continue;
      }
      if (field !== key) {
        this.problems.push({
          code: 'key-case',
          message: `"${key}" is read by Docker as "${field}" (Go matches keys case-insensitively), but other tools will not: write "${field}"`,
          node: member.key,
          path: memberPath,
        });
      }
      const earlier = fields.get(field);
      if (earlier) {
        this.problems.push({
          code: 'duplicate-key',
          message: `"${field}" appears more than once in this object; ${
            MERGED_FIELDS.has(field)
              ? 'Docker reads the last one into the first (item by item in a list): what the last leaves out keeps the first one’s value'
              : 'Docker uses the last one and ignores this one'
          }`,
          node: earlier.key,
          path: [...path, earlier.key.value],
        });
      }
      fields.set(field, member);
      visit(field, member, memberPath);
    }
    return { fields };
  }

  string(
    node: JsonNode,
    path: JsonPath,
    struct: string,
    field: string,
    goType: string,
    current: string,
  ): string {
    if (node.kind === 'string') return node.value;
    if (node.kind !== 'null') this.typeError(node, path, struct, field, goType);
    return current;
  }

  uint(
    node: JsonNode,
    path: JsonPath,
    struct: string,
    field: string,
    goType: 'uint' | 'uint64',
    current: bigint | undefined,
  ): bigint | undefined {
    if (node.kind === 'null') return current;
    if (node.kind !== 'number') {
      this.typeError(node, path, struct, field, goType);
      return current;
    }
    const value = /^\d+$/.test(node.raw) ? BigInt(node.raw) : undefined;
    if (value === undefined || value > MAX_UINT64) {
      this.typeError(node, path, struct, field, goType, `number ${node.raw}`);
      return current;
    }
    if (goType === 'uint' && value > MAX_UINT32 && this.abortError === undefined) {
      this.firstTypeErrorOn32Bit ??= `json: cannot unmarshal number ${node.raw} into Go struct field ${struct}.${field} of type uint`;
    }
    return value;
  }

  /** A Go `*uint`: as {@link uint}, but null sets it to nil (a plain uint keeps its value). */
  uintPointer(
    node: JsonNode,
    path: JsonPath,
    struct: string,
    field: string,
    current: bigint | undefined,
  ): bigint | undefined {
    return node.kind === 'null' ? undefined : this.uint(node, path, struct, field, 'uint', current);
  }

  stringList(
    node: JsonNode,
    path: JsonPath,
    struct: string,
    field: string,
    elementType: string,
    current: StringItem[] | null,
  ): StringItem[] | null {
    if (node.kind === 'null') return null;
    if (node.kind !== 'array') {
      this.typeError(node, path, struct, field, `[]${elementType}`);
      return current;
    }
    return node.items.map((item, i) => {
      if (item.kind === 'string') return new ListItem(item.value, item, path, i);
      const itemPath = appendPath(path, i);
      return {
        value: this.string(item, itemPath, struct, field, elementType, ''),
        node: item,
        path: itemPath,
      };
    });
  }
}

function describeGoType(goType: string): string {
  if (goType.startsWith('[]')) return 'an array';
  if (goType === 'uint' || goType === 'uint64') {
    return goType === 'uint64'
      ? 'a whole number from 0 to 18446744073709551615'
      : 'a whole number of 0 or more';
  }
  if (goType.startsWith('seccomp.') || goType.startsWith('specs.LinuxSeccompArg'))
    return 'an object';
  return 'a string';
}

function describeJson(node: JsonNode): string {
  switch (node.kind) {
    case 'number':
      return `the number ${node.raw}`;
    case 'string':
      return 'a string';
    case 'boolean':
      return node.value ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
  }
}

const PROFILE_FIELDS = [
  'defaultAction',
  'defaultErrnoRet',
  'architectures',
  'flags',
  'listenerPath',
  'listenerMetadata',
  'archMap',
  'syscalls',
] as const;
const ARCH_FIELDS = ['architecture', 'subArchitectures'] as const;
const RULE_FIELDS = [
  'names',
  'action',
  'errnoRet',
  'args',
  'name',
  'comment',
  'includes',
  'excludes',
] as const;
const ARG_FIELDS = ['index', 'value', 'valueTwo', 'op'] as const;
const FILTER_FIELDS = ['caps', 'arches', 'minKernel'] as const;
/** Go's name of each field in its errors (built once, not once per member). */
const RULE_GO_FIELDS = Object.fromEntries(
  RULE_FIELDS.map((field) => [field, `syscalls.${field}`]),
) as Record<(typeof RULE_FIELDS)[number], string>;
const ARG_GO_FIELDS = Object.fromEntries(
  ARG_FIELDS.map((field) => [field, `syscalls.args.${field}`]),
) as Record<(typeof ARG_FIELDS)[number], string>;

/** Field names of each object kind Docker knows, in Docker's own serialisation order. */
export const KNOWN_FIELDS = {
  profile: PROFILE_FIELDS,
  archMap: ARCH_FIELDS,
  rule: RULE_FIELDS,
  arg: ARG_FIELDS,
  filter: FILTER_FIELDS,
} as const;

/**
 * Decodes a parsed JSON document as Docker's loader would.
 *
 * @param root - the document's root node
 * @param previous - the profile decoded from the text this one is an edit of: its rules whose
 *   nodes the edit left in place are taken as they are (see {@link RuleDecoding})
 * @returns the model (null when the document is JSON `null`, which Docker reads as "no profile"),
 *   every decoding problem, and the error Docker would stop with, if any
 */
export function decodeProfile(root: JsonNode, previous?: Profile | null): DecodeResult {
  const d = new Decoder();
  if (root.kind === 'null') {
    return { profile: null, problems: [] };
  }
  if (root.kind !== 'object') {
    const goText = `json: cannot unmarshal ${goValueName(root)} into Go value of type seccomp.Seccomp`;
    d.problems.push({
      code: 'docker-type',
      message: `A profile must be a JSON object, not ${describeJson(root)}`,
      node: root,
      path: [],
      dockerError: goText,
    });
    return { profile: null, problems: d.problems, dockerError: goText };
  }

  const profile: Profile = {
    node: root,
    path: [],
    defaultAction: '',
    defaultErrnoRet: undefined,
    architectures: null,
    archMap: null,
    flags: null,
    listenerPath: '',
    listenerMetadata: '',
    syscalls: null,
    fields: NO_FIELDS,
    unknownMembers: [],
  };
  const reusable = previous ? ruleDecodings.get(previous) : undefined;
  let decodings: (RuleDecoding | undefined)[] = [];
  const S = 'Seccomp';
  const { fields } = d.members(root, [], PROFILE_FIELDS, (field, { value }, path) => {
    switch (field) {
      case 'defaultAction':
        profile.defaultAction = d.string(
          value,
          path,
          S,
          field,
          'specs.LinuxSeccompAction',
          profile.defaultAction,
        );
        break;
      case 'defaultErrnoRet':
        profile.defaultErrnoRet = d.uintPointer(value, path, S, field, profile.defaultErrnoRet);
        break;
      case 'architectures':
        profile.architectures = d.stringList(
          value,
          path,
          S,
          field,
          'specs.Arch',
          profile.architectures,
        );
        break;
      case 'flags':
        profile.flags = d.stringList(
          value,
          path,
          S,
          field,
          'specs.LinuxSeccompFlag',
          profile.flags,
        );
        break;
      case 'listenerPath':
        profile.listenerPath = d.string(value, path, S, field, 'string', profile.listenerPath);
        break;
      case 'listenerMetadata':
        profile.listenerMetadata = d.string(
          value,
          path,
          S,
          field,
          'string',
          profile.listenerMetadata,
        );
        break;
      case 'archMap':
        profile.archMap = decodeArchMap(d, value, path, profile.archMap);
        break;
      case 'syscalls':
        decodings = [];
        profile.syscalls = decodeRules(d, value, path, profile.syscalls, reusable, decodings);
        break;
    }
  });
  profile.fields = fields;
  const on32Bit = d.dockerErrorOn32Bit;
  if (on32Bit !== undefined && on32Bit !== d.dockerError) profile.dockerErrorOn32BitHosts = on32Bit;
  profile.unknownMembers = d.unknown;
  ruleDecodings.set(profile, decodings);
  return { profile, problems: d.problems, dockerError: d.dockerError };
}

function decodeArchMap(
  d: Decoder,
  node: JsonNode,
  path: JsonPath,
  current: ArchMapEntry[] | null,
): ArchMapEntry[] | null {
  if (node.kind === 'null') return null;
  if (node.kind !== 'array') {
    d.typeError(node, path, 'Seccomp', 'archMap', '[]seccomp.Architecture');
    return current;
  }
  return node.items.map((item, i) => {
    const itemPath = appendPath(path, i);
    // A repeated "archMap" decodes into the entries already there (see decodeArgs).
    const existing = current?.[i];
    const entry: ArchMapEntry = existing
      ? { ...existing, node: item, path: itemPath }
      : { node: item, path: itemPath, architecture: '', subArchitectures: null, fields: NO_FIELDS };
    if (item.kind === 'object') {
      const A = 'Architecture';
      const fields = d.members(item, itemPath, ARCH_FIELDS, (field, { value }, fieldPath) => {
        if (field === 'architecture') {
          entry.architecture = d.string(
            value,
            fieldPath,
            A,
            'archMap.architecture',
            'specs.Arch',
            entry.architecture,
          );
        } else {
          entry.subArchitectures = d.stringList(
            value,
            fieldPath,
            A,
            'archMap.subArchitectures',
            'specs.Arch',
            entry.subArchitectures,
          );
        }
      }).fields;
      entry.fields = existing ? mergedFields(existing.fields, fields) : fields;
    } else if (item.kind !== 'null') {
      d.typeError(item, itemPath, 'Seccomp', 'archMap', 'seccomp.Architecture');
    }
    return entry;
  });
}

function decodeRules(
  d: Decoder,
  node: JsonNode,
  path: JsonPath,
  current: (Rule | null)[] | null,
  reusable: readonly (RuleDecoding | undefined)[] | undefined,
  decodings: (RuleDecoding | undefined)[],
): (Rule | null)[] | null {
  if (node.kind === 'null') return null;
  if (node.kind !== 'array') {
    d.typeError(node, path, 'Seccomp', 'syscalls', '[]*seccomp.Syscall');
    return current;
  }
  return node.items.map((item, index) => {
    // A rule the edit left alone first: it needs nothing made for it, not even its path (a
    // keystroke into one rule of a large profile meets thousands of these).
    const known = reusable?.[index];
    if (known && known.rule.node === item && !current?.[index] && samePath(known.listPath, path)) {
      d.repeat(known.findings);
      decodings[index] = known;
      return known.rule;
    }
    const rulePath = appendPath(path, index);
    if (item.kind === 'null') {
      d.problems.push({
        code: 'null-rule',
        message: 'A rule is null: Docker crashes on it (a nil rule is dereferenced while loading)',
        node: item,
        path: rulePath,
      });
      return null;
    }
    if (item.kind !== 'object') {
      d.typeError(item, rulePath, 'Seccomp', 'syscalls', 'seccomp.Syscall');
      return emptyRule(item, rulePath, index);
    }
    // A repeated "syscalls": Go decodes each rule into the one already there (a pointer it
    // keeps), so what the later rule leaves out keeps the earlier one's value. Such a rule
    // depends on more than its own node: it is neither reused nor kept for reuse.
    const existing = current?.[index];
    if (existing) return decodeRule(d, item, rulePath, index, existing);
    d.beginPart();
    const rule = decodeRule(d, item, rulePath, index, null);
    decodings[index] = { rule, listPath: path, findings: d.endPart() };
    return rule;
  });
}

function emptyRule(node: JsonNode, path: JsonPath, index: number): Rule {
  return {
    node,
    path,
    index,
    names: null,
    name: '',
    action: '',
    errnoRet: undefined,
    args: null,
    comment: '',
    includes: null,
    excludes: null,
    fields: NO_FIELDS,
  };
}

/**
 * Decodes one rule object (see {@link RuleDecoding} for why on its own), into `existing` when
 * an earlier "syscalls" had a rule at this place.
 */
function decodeRule(
  d: Decoder,
  item: JsonObject,
  rulePath: JsonPath,
  index: number,
  existing: Rule | null,
): Rule {
  const rule = existing
    ? { ...existing, node: item, path: rulePath, index }
    : emptyRule(item, rulePath, index);
  const R = 'Syscall';
  const fields = d.members(item, rulePath, RULE_FIELDS, (field, { value }, fieldPath) => {
    const goField = RULE_GO_FIELDS[field];
    switch (field) {
      case 'names':
        rule.names = d.stringList(value, fieldPath, R, goField, 'string', rule.names);
        break;
      case 'name':
        rule.name = d.string(value, fieldPath, R, goField, 'string', rule.name);
        break;
      case 'action':
        rule.action = d.string(
          value,
          fieldPath,
          R,
          goField,
          'specs.LinuxSeccompAction',
          rule.action,
        );
        break;
      case 'errnoRet':
        rule.errnoRet = d.uintPointer(value, fieldPath, R, goField, rule.errnoRet);
        break;
      case 'comment':
        rule.comment = d.string(value, fieldPath, R, goField, 'string', rule.comment);
        break;
      case 'args':
        rule.args = decodeArgs(d, value, fieldPath, rule.args);
        break;
      case 'includes':
      case 'excludes':
        rule[field] = decodeFilter(d, value, fieldPath, goField, rule[field]);
        break;
    }
  }).fields;
  rule.fields = existing ? mergedFields(existing.fields, fields) : fields;
  return rule;
}

/** The members setting an object's fields after a later object was decoded into it. */
function mergedFields(earlier: FieldMembers, later: FieldMembers): FieldMembers {
  if (earlier.size === 0) return later;
  const merged = new Map(earlier);
  for (const [field, member] of later) merged.set(field, member);
  return merged;
}

function decodeArgs(
  d: Decoder,
  node: JsonNode,
  path: JsonPath,
  current: Arg[] | null,
): Arg[] | null {
  if (node.kind === 'null') return null;
  if (node.kind !== 'array') {
    d.typeError(node, path, 'Syscall', 'syscalls.args', '[]specs.LinuxSeccompArg');
    return current;
  }
  return node.items.map((item, i) => {
    const argPath = appendPath(path, i);
    // A repeated "args": Go decodes each item into the one already there, so what the later
    // item leaves out (or all of it, when it is null) keeps the earlier one's value.
    const existing = current?.[i];
    const arg: Arg = existing
      ? { ...existing, node: item, path: argPath }
      : {
          node: item,
          path: argPath,
          index: 0n,
          value: 0n,
          valueTwo: 0n,
          op: '',
          fields: NO_FIELDS,
        };
    if (item.kind === 'object') {
      const A = 'LinuxSeccompArg';
      const fields = d.members(item, argPath, ARG_FIELDS, (field, { value }, fieldPath) => {
        const goField = ARG_GO_FIELDS[field];
        if (field === 'op') {
          arg.op = d.string(value, fieldPath, A, goField, 'specs.LinuxSeccompOperator', arg.op);
        } else {
          arg[field] =
            d.uint(
              value,
              fieldPath,
              A,
              goField,
              field === 'index' ? 'uint' : 'uint64',
              arg[field],
            ) ?? 0n;
        }
      }).fields;
      arg.fields = existing ? mergedFields(existing.fields, fields) : fields;
    } else if (item.kind !== 'null') {
      d.typeError(item, argPath, 'Syscall', 'syscalls.args', 'specs.LinuxSeccompArg');
    }
    return arg;
  });
}

function decodeFilter(
  d: Decoder,
  node: JsonNode,
  path: JsonPath,
  goField: string,
  current: Filter | null,
): Filter | null {
  if (node.kind === 'null') return null;
  if (node.kind !== 'object') {
    d.typeError(node, path, 'Syscall', goField, 'seccomp.Filter');
    return current;
  }
  // Go decodes a repeated object key into the struct it already has, so fields merge.
  const filter: Filter = current
    ? { ...current, node, path }
    : { node, path, caps: null, arches: null, minKernel: null, fields: NO_FIELDS };
  const F = 'Filter';
  const { fields } = d.members(node, path, FILTER_FIELDS, (field, { value }, fieldPath) => {
    if (field === 'minKernel') {
      filter.minKernel = decodeKernelVersion(d, value, fieldPath, filter.minKernel);
    } else {
      filter[field] = d.stringList(
        value,
        fieldPath,
        F,
        `${goField}.${field}`,
        'string',
        filter[field],
      );
    }
  });
  filter.fields = current ? new Map([...current.fields, ...fields]) : fields;
  return filter;
}

/**
 * moby's KernelVersion decoder: exactly two dot-separated decimal numbers, each 0–255, not
 * both zero; `""` means "set, to 0.0" (Go allocates the pointer before decoding into it).
 */
function decodeKernelVersion(
  d: Decoder,
  node: JsonNode,
  path: JsonPath,
  current: KernelVersion | null,
): KernelVersion | null {
  if (node.kind === 'null') return null;
  const raw = rawJson(node);
  const fail = (detail: string, why: string): KernelVersion | null => {
    d.abort({
      code: 'docker-min-kernel',
      message: `minKernel must be "<major>.<minor>" with each part 0–255, such as "4.8": ${why}`,
      node,
      path,
      dockerError: `invalid kernel version: ${raw}, expected "<kernel>.<major>"${detail}`,
    });
    return current;
  };
  if (node.kind !== 'string') {
    return fail(
      `: json: cannot unmarshal ${goValueName(node)} into Go value of type string`,
      `got ${describeJson(node)}`,
    );
  }
  const text = node.value;
  if (text === '') return { major: 0, minor: 0 };
  const parts = splitN(text, '.', 3);
  if (parts.length !== 2) return fail('', `"${text}" does not have exactly two parts`);
  const numbers: number[] = [];
  for (const part of parts) {
    const parsed = parseUint8(part);
    if (typeof parsed === 'string') {
      return fail(
        `: strconv.ParseUint: parsing ${JSON.stringify(part)}: ${parsed}`,
        `"${part}" is ${parsed === 'invalid syntax' ? 'not a plain decimal number' : 'above 255'}`,
      );
    }
    numbers.push(parsed);
  }
  const [major, minor] = numbers as [number, number];
  if (major === 0 && minor === 0) return fail(': version cannot be 0.0', '"0.0" is refused');
  return { major, minor };
}

/** Go's strings.SplitN. */
function splitN(text: string, separator: string, n: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (parts.length < n - 1) {
    const at = rest.indexOf(separator);
    if (at === -1) break;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + separator.length);
  }
  parts.push(rest);
  return parts;
}

/** Go's strconv.ParseUint(s, 10, 8): the value, or the error's reason. */
function parseUint8(text: string): number | 'invalid syntax' | 'value out of range' {
  if (!/^[0-9]+$/.test(text) && !/^[0-9](_?[0-9])*$/.test(text)) return 'invalid syntax';
  if (text.includes('_')) return 'invalid syntax';
  const value = Number(text);
  return value > 255 ? 'value out of range' : value;
}

function rawJson(node: JsonNode): string {
  switch (node.kind) {
    case 'string':
      return JSON.stringify(node.value);
    case 'number':
      return node.raw;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    default:
      return node.kind === 'object' ? '{…}' : '[…]';
  }
}
