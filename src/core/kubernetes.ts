/**
 * Kubernetes: the Security Profiles Operator's `SeccompProfile` resource (YAML) in and out,
 * and the snippets that put a profile to use (Pod `securityContext`, Docker, Compose, Podman).
 *
 * A `SeccompProfile`'s `spec` is an OCI-style profile: no `archMap`, `includes` or
 * `excludes`. Going in, the spec becomes a Docker profile as written; going out, the profile
 * is first resolved for a context, as Docker would, so that what the operator installs is
 * what Docker would have run.
 */
export { looksLikeYaml } from './yaml-sniff.ts';
import { LineCounter, parseAllDocuments, stringify, isMap } from 'yaml';
import { formatProfile } from './format.ts';
import { parseProfile } from './parse.ts';
import type { OciSeccomp } from './resolve.ts';

export const SPO_API_VERSION = 'security-profiles-operator.x-k8s.io/v1';

/** One `SeccompProfile` found in a YAML file. */
export interface SeccompProfileDocument {
  name: string;
  namespace?: string;
  description?: string;
  /** The spec as a Docker profile, in Docker's canonical style. */
  profileText: string;
}

export type YamlImportResult =
  | { ok: true; profiles: SeccompProfileDocument[] }
  | { ok: false; error: string; line?: number; column?: number };

/** Writes a JSON-compatible value as JSON, keeping integers of any size exact. */
function toJsonText(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'bigint' ? `\u0000big:${item}` : item,
  ).replace(/"\\u0000big:(\d+)"/g, '$1');
}

/**
 * Reads the `SeccompProfile` resources of a (multi-document) YAML file.
 *
 * @param text - the YAML
 * @returns each profile (its spec as Docker profile text), or what is wrong and where
 */
export function importSeccompProfileYaml(text: string): YamlImportResult {
  const lineCounter = new LineCounter();
  let documents;
  try {
    documents = parseAllDocuments(text, { lineCounter, intAsBigInt: true, uniqueKeys: false });
  } catch (error) {
    return { ok: false, error: `Not readable as YAML: ${(error as Error).message}` };
  }
  if (!Array.isArray(documents)) {
    return { ok: false, error: 'Not readable as YAML' };
  }
  const profiles: SeccompProfileDocument[] = [];
  for (const [index, document] of documents.entries()) {
    const problem = document.errors[0];
    if (problem) {
      const at = lineCounter.linePos(problem.pos[0]);
      return {
        ok: false,
        error: `YAML error in document ${index + 1}: ${problem.message.split('\n')[0]}`,
        line: at.line,
        column: at.col,
      };
    }
    if (!isMap(document.contents)) continue;
    const value = document.toJS({ maxAliasCount: 100 }) as Record<string, unknown> | null;
    if (!value || value.kind !== 'SeccompProfile') continue;
    const spec = value.spec;
    const at = lineCounter.linePos(document.range[0]);
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
      return {
        ok: false,
        error: `Document ${index + 1} (line ${at.line}) is a SeccompProfile without a spec object`,
        line: at.line,
        column: at.col,
      };
    }
    const metadata = (value.metadata ?? {}) as Record<string, unknown>;
    const annotations = (metadata.annotations ?? {}) as Record<string, unknown>;
    const parsed = parseProfile(toJsonText(spec));
    const profileText =
      parsed.profile && parsed.dockerError === undefined
        ? formatProfile(parsed.profile)
        : JSON.stringify(spec, null, '\t');
    profiles.push({
      name: typeof metadata.name === 'string' ? metadata.name : `document-${index + 1}`,
      ...(typeof metadata.namespace === 'string' ? { namespace: metadata.namespace } : {}),
      ...(typeof annotations.description === 'string'
        ? { description: annotations.description }
        : {}),
      profileText,
    });
  }
  if (profiles.length === 0) {
    return { ok: false, error: 'No SeccompProfile resource (kind: SeccompProfile) in this YAML' };
  }
  return { ok: true, profiles };
}

function ociToSpec(seccomp: OciSeccomp): Record<string, unknown> {
  return {
    defaultAction: seccomp.defaultAction,
    ...(seccomp.defaultErrnoRet !== undefined ? { defaultErrnoRet: seccomp.defaultErrnoRet } : {}),
    ...(seccomp.architectures.length ? { architectures: seccomp.architectures } : {}),
    ...(seccomp.flags.length ? { flags: seccomp.flags } : {}),
    ...(seccomp.listenerPath ? { listenerPath: seccomp.listenerPath } : {}),
    ...(seccomp.listenerMetadata ? { listenerMetadata: seccomp.listenerMetadata } : {}),
    ...(seccomp.syscalls.length
      ? {
          syscalls: seccomp.syscalls.map((call) => ({
            names: call.names ?? [],
            action: call.action,
            ...(call.errnoRet !== undefined ? { errnoRet: call.errnoRet } : {}),
            ...(call.args?.length
              ? {
                  args: call.args.map((arg) => ({
                    index: arg.index,
                    value: arg.value,
                    ...(arg.valueTwo !== 0n ? { valueTwo: arg.valueTwo } : {}),
                    op: arg.op,
                  })),
                }
              : {}),
          })),
        }
      : {}),
  };
}

/**
 * A `SeccompProfile` resource for the Security Profiles Operator.
 *
 * @param seccomp - the profile resolved for the context it will run in
 * @param name - the resource name
 * @param namespace - its namespace, if any
 */
export function exportSeccompProfileYaml(
  seccomp: OciSeccomp,
  name: string,
  namespace?: string,
): string {
  return stringify(
    {
      apiVersion: SPO_API_VERSION,
      kind: 'SeccompProfile',
      metadata: { name, ...(namespace ? { namespace } : {}) },
      spec: ociToSpec(seccomp),
    },
    { lineWidth: 0 },
  );
}

/** Where a Localhost profile is found: the kubelet's seccomp directory, or the operator's. */
export function podSecurityContextYaml(localhostProfile: string): string {
  return stringify({
    securityContext: { seccompProfile: { type: 'Localhost', localhostProfile } },
  });
}

/** Command-line and Compose snippets that run a container with a profile file. */
export function runSnippets(file: string): { docker: string; compose: string; podman: string } {
  const quoted = /^[\w./-]+$/.test(file) ? file : `'${file.replaceAll("'", "'\\''")}'`;
  return {
    docker: `docker run --security-opt seccomp=${quoted} IMAGE`,
    compose: stringify({
      services: { app: { image: 'IMAGE', security_opt: [`seccomp=${file}`] } },
    }),
    podman: `podman run --security-opt seccomp=${quoted} IMAGE`,
  };
}
