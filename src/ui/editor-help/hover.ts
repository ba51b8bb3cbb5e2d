/**
 * What hovering a syscall name in the JSON editor tells: what the call does, its status under
 * the profile in the chosen context, why Docker's default doesn't allow it unconditionally
 * (with the risk), and the capability that gates it. Markdown strings; no Monaco here.
 */

/** Everything the hover says about one syscall name. */
export interface SyscallHelp {
  name: string;
  /** Linux has a syscall of this name. */
  known: boolean;
  /** One line: what it does. */
  description?: string | undefined;
  /** Its status under the profile in the chosen context ("Allowed", "Blocked (EPERM)"). */
  status?: string | undefined;
  /** The chosen context in words ("amd64 · Docker’s default capabilities · kernel 7.1"). */
  context?: string | undefined;
  /** Docker's default profile's status in the same context, when it differs. */
  defaultStatus?: string | undefined;
  /** Why Docker's default doesn't allow it unconditionally. */
  reason?: { text: string; risk: string } | undefined;
  /** Capabilities any of which lets Docker's default allow it. */
  capabilities: readonly string[];
  /** For an unknown name: the likely intended one. */
  suggestion?: string | undefined;
}

/** Escapes text for Markdown, so names like `_sysctl` and reasons with `*` show as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (char) => `\\${char}`);
}

function code(text: string): string {
  return `\`${text.replace(/`/g, '')}\``;
}

/**
 * The hover's paragraphs for a syscall name, most important first.
 *
 * @param help - what is known about the name
 */
export function syscallHoverMarkdown(help: SyscallHelp): string[] {
  const out: string[] = [];
  if (!help.known) {
    out.push(
      `${code(help.name)}: Linux has no syscall of this name, so runc skips it and this entry does nothing.` +
        (help.suggestion ? ` Did you mean ${code(help.suggestion)}?` : ''),
    );
    return out;
  }
  out.push(
    `**${escapeMarkdown(help.name)}**` +
      (help.description ? ` — ${escapeMarkdown(help.description)}` : ''),
  );
  if (help.status) {
    const where = help.context ? ` (${escapeMarkdown(help.context)})` : '';
    const was =
      help.defaultStatus && help.defaultStatus !== help.status
        ? ` · Docker’s default: ${escapeMarkdown(help.defaultStatus)}`
        : '';
    out.push(`Status here${where}: **${escapeMarkdown(help.status)}**${was}`);
  }
  if (help.reason) {
    out.push(
      `Docker’s default, ${escapeMarkdown(help.reason.risk)} risk: ${escapeMarkdown(help.reason.text)}`,
    );
  }
  if (help.capabilities.length > 0) {
    out.push(
      `Gated by ${help.capabilities.map(code).join(' or ')}: with it, Docker’s default allows it.`,
    );
  } else if (help.reason) {
    out.push('No capability makes Docker’s default allow it.');
  }
  return out;
}
