/**
 * Searching the syscall catalog: names, descriptions, Docker's reasons and the gating
 * capabilities, so "keyring", "namespace", "CAP_SYS_ADMIN" and "ptrace" all find what a person
 * means. Exact and prefix name matches come first, then exact capability matches, then fuzzy
 * matches by score.
 */
import Fuse, { type Expression, type IFuseOptions } from 'fuse.js';
import { normalizeCapability } from '../core/context.ts';

export interface SearchDocument {
  name: string;
  description: string;
  categoryLabel: string;
  /** Docker's reason and threat, when it has one. */
  reason: string;
  capabilities: readonly string[];
  /** Docker's risk rating, most dangerous first (0 critical … 3 low, 4 none): ties within a tier. */
  riskRank?: number;
}

export interface SearchIndex {
  fuse: Fuse<SearchDocument>;
  documents: readonly SearchDocument[];
}

const KEYS = [
  { name: 'name', weight: 4 },
  { name: 'capabilities', weight: 2 },
  { name: 'description', weight: 1.5 },
  { name: 'reason', weight: 1 },
  { name: 'categoryLabel', weight: 0.5 },
] as const;

const OPTIONS: IFuseOptions<SearchDocument> = {
  keys: KEYS.map((key) => ({ ...key })),
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  threshold: 0.2,
  minMatchCharLength: 2,
};

/** Builds the index once; the catalog doesn't change while the page is open. */
export function createSearchIndex(documents: readonly SearchDocument[]): SearchIndex {
  return { fuse: new Fuse(documents, OPTIONS), documents };
}

/** Normalises what was typed: trimmed, lower case, inner spaces collapsed. */
export function normalizeQuery(query: string): string {
  return query.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The capability a query names (`CAP_SYS_ADMIN`, `cap_sys_admin`, `sys_admin`), if any. */
function capabilityOf(query: string): string | undefined {
  const cap = normalizeCapability(query.replace(/ /g, '_'));
  return cap === 'ALL' ? undefined : cap;
}

/**
 * The names matching a query, best first. An empty query matches nothing here: the caller
 * shows everything in its own order then.
 *
 * Tiers: 0 exact name; 1 name prefix (shorter names first); 2 exact gating capability (the
 * riskiest unlocked syscalls first); 3 name contains the query; 4 fuzzy matches by Fuse's score.
 */
export function searchSyscalls(index: SearchIndex, query: string): string[] {
  const q = normalizeQuery(query);
  if (q === '') return [];
  const ranks = new Map<string, number>();
  const rank = (name: string, value: number): void => {
    const current = ranks.get(name);
    if (current === undefined || value < current) ranks.set(name, value);
  };
  const cap = capabilityOf(q);
  for (const doc of index.documents) {
    if (doc.name === q) rank(doc.name, 0);
    else if (doc.name.startsWith(q)) rank(doc.name, 1 + doc.name.length / 1000);
    else if (doc.name.includes(q)) rank(doc.name, 3 + doc.name.length / 1000);
    if (cap !== undefined && doc.capabilities.includes(cap))
      rank(doc.name, 2 + (doc.riskRank ?? 4) / 10);
  }
  const words = q.split(' ');
  const expression: string | Expression =
    words.length === 1
      ? q
      : {
          $and: words.map((word) => ({
            $or: KEYS.map((key) => ({ [key.name]: word })),
          })),
        };
  for (const result of index.fuse.search(expression)) {
    rank(result.item.name, 4 + (result.score ?? 1));
  }
  return [...ranks.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .map(([name]) => name);
}

const RISK_RANK: Readonly<Record<string, number>> = { critical: 0, high: 1, medium: 2, low: 3 };

/** The catalog's entries as search documents. */
export function searchDocumentsFor(
  entries: readonly {
    name: string;
    description: string;
    categoryLabel: string;
    reason?: { reason: string; threat: string; risk: string };
    docker: { capabilities: readonly string[] };
  }[],
): SearchDocument[] {
  return entries.map((entry) => ({
    name: entry.name,
    description: entry.description,
    categoryLabel: entry.categoryLabel,
    reason: entry.reason ? `${entry.reason.reason} ${entry.reason.threat}` : '',
    capabilities: entry.docker.capabilities,
    riskRank: entry.reason ? (RISK_RANK[entry.reason.risk] ?? 4) : 4,
  }));
}
