/**
 * The profile in the forms runtimes and tools take, for the export dialog. Kept out of the
 * page's first chunk: the Kubernetes forms need the YAML library.
 */
import type { ResolveContext } from '../core/context.ts';
import { formatOciSeccomp } from '../core/format.ts';
import {
  exportSeccompProfileYaml,
  podSecurityContextYaml,
  runSnippets,
} from '../core/kubernetes.ts';
import type { Profile } from '../core/model.ts';
import { resolveProfile } from '../core/resolve.ts';
import type { ExportFormat } from '../ui/ExportDialog.tsx';

/**
 * Every export of a profile text in a context.
 *
 * @param contextWords - the context in words, for the notes ("amd64 · capabilities: …")
 */
export function exportFormats(
  text: string,
  profile: Profile | null,
  context: ResolveContext,
  contextWords: string,
): ExportFormat[] {
  const resolved = resolveProfile(profile, context);
  const seccomp = resolved.ok ? resolved.seccomp : undefined;
  const refused = { error: `Docker cannot use this profile: ${resolved.ok ? '' : resolved.error}` };
  const snippets = runSnippets('profile.json');
  return [
    {
      label: 'Docker profile.json',
      note: 'The profile as it is, for docker run --security-opt seccomp=profile.json.',
      fileName: 'profile.json',
      mimeType: 'application/json',
      text,
    },
    {
      label: 'OCI linux.seccomp (resolved)',
      note: `What Docker hands the runtime for ${contextWords}: for containerd, CRI-O and the kubelet's Localhost profiles (which take this form, not Docker's).`,
      fileName: 'seccomp-oci.json',
      mimeType: 'application/json',
      text: seccomp !== undefined ? formatOciSeccomp(seccomp) : refused,
    },
    {
      label: 'Security Profiles Operator SeccompProfile YAML',
      note: `A SeccompProfile resource named "profile", resolved for ${contextWords}; edit metadata.name to suit.`,
      fileName: 'seccompprofile.yaml',
      mimeType: 'application/yaml',
      text:
        seccomp === null
          ? { error: 'This profile applies no filter, so there is no SeccompProfile to write.' }
          : seccomp !== undefined
            ? exportSeccompProfileYaml(seccomp, 'profile')
            : refused,
    },
    {
      label: 'Pod securityContext',
      note: 'For a profile file in the kubelet’s seccomp directory (e.g. /var/lib/kubelet/seccomp/profiles/profile.json).',
      fileName: 'security-context.yaml',
      mimeType: 'application/yaml',
      text: podSecurityContextYaml('profiles/profile.json'),
    },
    {
      label: 'docker run',
      note: 'With the profile saved as profile.json.',
      fileName: 'docker-run.sh',
      mimeType: 'text/plain',
      text: snippets.docker,
    },
    {
      label: 'Docker Compose security_opt',
      note: 'With the profile saved as profile.json beside compose.yaml.',
      fileName: 'compose.yaml',
      mimeType: 'application/yaml',
      text: snippets.compose,
    },
    {
      label: 'podman run',
      note: 'With the profile saved as profile.json.',
      fileName: 'podman-run.sh',
      mimeType: 'text/plain',
      text: snippets.podman,
    },
  ];
}
