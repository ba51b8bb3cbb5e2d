import { describe, expect, it } from 'vitest';
import { escapeMarkdown, syscallHoverMarkdown } from './hover.ts';

describe('hovering a syscall name', () => {
  it('says what it does, its status here, Docker’s reason and the gating capability', () => {
    const lines = syscallHoverMarkdown({
      name: 'ptrace',
      known: true,
      description: 'Observe and control another process',
      status: 'Blocked (EPERM)',
      context: 'amd64 · kernel 4.4',
      defaultStatus: 'Allowed',
      reason: { text: 'Before Linux 4.8 a tracer could bypass seccomp.', risk: 'high' },
      capabilities: ['CAP_SYS_PTRACE'],
    });
    expect(lines).toEqual([
      '**ptrace** — Observe and control another process',
      'Status here (amd64 · kernel 4\\.4): **Blocked \\(EPERM\\)** · Docker’s default: Allowed',
      'Docker’s default, high risk: Before Linux 4\\.8 a tracer could bypass seccomp\\.',
      'Gated by `CAP_SYS_PTRACE`: with it, Docker’s default allows it.',
    ]);
  });

  it('says when no capability helps, and nothing of capabilities for plain calls', () => {
    const keyctl = syscallHoverMarkdown({
      name: 'keyctl',
      known: true,
      reason: { text: 'Keyrings are not namespaced.', risk: 'high' },
      capabilities: [],
    });
    expect(keyctl.at(-1)).toBe('No capability makes Docker’s default allow it.');
    expect(syscallHoverMarkdown({ name: 'read', known: true, capabilities: [] })).toEqual([
      '**read**',
    ]);
  });

  it('names an unknown syscall and what was probably meant', () => {
    expect(
      syscallHoverMarkdown({
        name: 'sysctl',
        known: false,
        capabilities: [],
        suggestion: '_sysctl',
      }),
    ).toEqual([
      '`sysctl`: Linux has no syscall of this name, so runc skips it and this entry does nothing. Did you mean `_sysctl`?',
    ]);
  });

  it('escapes Markdown so names and reasons show as written', () => {
    expect(escapeMarkdown('_sysctl *x* [a](b)')).toBe('\\_sysctl \\*x\\* \\[a\\]\\(b\\)');
    expect(syscallHoverMarkdown({ name: '_llseek', known: true, capabilities: [] })[0]).toBe(
      '**\\_llseek**',
    );
  });
});
