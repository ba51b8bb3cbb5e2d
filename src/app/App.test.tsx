import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { App } from './App.tsx';
import { summarizeDockerDefault, summarizeProfileText } from './default-profile-summary.ts';

describe("Docker's default profile summary", () => {
  it('is computed from the profile text by the core', () => {
    const result = summarizeDockerDefault();
    if (!result.ok) throw new Error(result.error);
    const { summary } = result;
    expect(summary.defaultAction).toBe('SCMP_ACT_ERRNO');
    expect(summary.architectures).toEqual(['SCMP_ARCH_X86_64', 'SCMP_ARCH_X86', 'SCMP_ARCH_X32']);
    expect(summary.unconditionalAllowCount).toBeGreaterThan(300);
    const ptrace = summary.conditionalRules.find((rule) =>
      rule.conditions.includes('kernel ≥ 4.8'),
    );
    expect(ptrace?.names).toContain('ptrace');
    expect(ptrace?.kept).toBe(true);
  });

  it('reports what Docker would say about a profile it refuses', () => {
    expect(summarizeProfileText('{"defaultAction": 1}')).toMatchObject({ ok: false });
    expect(summarizeProfileText('not json')).toMatchObject({ ok: false });
    expect(summarizeProfileText('{}')).toEqual({
      ok: false,
      error: 'The profile applies no seccomp filter at all.',
    });
  });
});

describe('App', () => {
  it('renders the header, the summary table and the conditional rules', () => {
    const html = renderToStaticMarkup(<App />);
    expect(html).toContain('<h1 class="page-header__title">seccomp-editor</h1>');
    expect(html).toContain('<th scope="row">Default action</th>');
    expect(html).toContain('SCMP_ACT_ERRNO');
    expect(html).toContain('kernel ≥ 4.8');
    expect(html).not.toContain('role="alert"');
  });
});
