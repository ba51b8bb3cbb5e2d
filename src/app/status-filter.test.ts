import { describe, expect, it } from 'vitest';
import type { StatusKind } from '../ui/view-model.ts';
import { countStatuses, filterRows, matchesFacets, matchesStatus } from './status-filter.ts';

function row(
  name: string,
  kind: StatusKind,
  changed = false,
  category = 'files',
  caps: string[] = [],
) {
  return { name, kind, changed, entry: { category, docker: { capabilities: caps } } };
}

const rows = [
  row('read', 'allowed'),
  row('mount', 'blocked', false, 'namespaces-mounts', ['CAP_SYS_ADMIN']),
  row('socket', 'conditional', false, 'network'),
  row('reboot', 'killed', true, 'system-admin', ['CAP_SYS_BOOT']),
  row('chmod', 'logged', true),
  row('bpf', 'notify', false, 'system-admin', ['CAP_SYS_ADMIN', 'CAP_BPF']),
  row('weird', 'invalid'),
];

describe('status filters', () => {
  it('match each kind, and "changed" whatever the kind', () => {
    expect(rows.filter((r) => matchesStatus(r, 'blocked')).map((r) => r.name)).toEqual(['mount']);
    expect(rows.filter((r) => matchesStatus(r, 'changed')).map((r) => r.name)).toEqual([
      'reboot',
      'chmod',
    ]);
    expect(rows.filter((r) => matchesStatus(r, undefined))).toHaveLength(rows.length);
  });

  it('combine with category and capability', () => {
    expect(
      filterRows(rows, {
        status: undefined,
        category: 'system-admin',
        capability: 'CAP_SYS_ADMIN',
      }),
    ).toEqual([rows[5]]);
    expect(
      filterRows(rows, { status: 'killed', category: 'system-admin', capability: undefined }),
    ).toEqual([rows[3]]);
    expect(matchesFacets(rows[1]!, { category: undefined, capability: 'CAP_BPF' })).toBe(false);
  });

  it('count every choice', () => {
    expect(countStatuses(rows)).toEqual({
      allowed: 1,
      blocked: 1,
      conditional: 1,
      killed: 1,
      logged: 1,
      notify: 1,
      changed: 2,
    });
  });
});
