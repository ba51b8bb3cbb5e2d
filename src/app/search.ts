/**
 * Searching the syscall catalog: names, descriptions, Docker's reasons and the gating
 * capabilities, so "keyring", "namespace", "CAP_SYS_ADMIN" and "ptrace" all find what a person
 * means. Exact and prefix name matches come first, then exact capability matches, then names
 * containing the query, then documents whose words start with every word typed, then typo
 * matches (Fuse.js, loaded after the table is up: see fuzzy-search.ts).
 */
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

/** Typo-tolerant matches of one word: names with a score (0 best … 1 worst). */
export type FuzzyMatcher = (query: string) => readonly { name: string; score: number }[];

export interface SearchIndex {
  documents: readonly SearchDocument[];
  /** Per document, its name and description as words, space-led (`" open a file"`). */
  nearWords: readonly string[];
  /** Per document, Docker's reason and the category, the same way. */
  farWords: readonly string[];
  fuzzy?: FuzzyMatcher;
}

/** Lower case, every run of other characters a single space, led by a space. */
function wordsOf(text: string): string {
  return ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ')}`;
}

/** Prepares the documents once; the catalog doesn't change while the page is open. */
export function createSearchIndex(documents: readonly SearchDocument[]): SearchIndex {
  return {
    documents,
    nearWords: documents.map((doc) => wordsOf(`${doc.name} ${doc.description}`)),
    farWords: documents.map((doc) =>
      wordsOf(`${doc.reason} ${doc.categoryLabel} ${doc.capabilities.join(' ')}`),
    ),
  };
}

/** The same index, with typo matching added. */
export function withFuzzy(index: SearchIndex, fuzzy: FuzzyMatcher): SearchIndex {
  return { ...index, fuzzy };
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

const startsEveryWord = (haystack: string, words: readonly string[]) =>
  words.every((word) => haystack.includes(` ${word}`));

/**
 * The names matching a query, best first. An empty query matches nothing here: the caller
 * shows everything in its own order then.
 *
 * Tiers: 0 exact name; 1 name prefix (shorter names first); 2 exact gating capability (the
 * riskiest unlocked syscalls first); 3 name contains the query; 4 every word typed starts a
 * word of the name or description, 4.5 of Docker's reason or the category; 5 typo matches by
 * score.
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
  // A single letter would start a word in nearly every description: names only then.
  const words = q.length < 2 ? [] : wordsOf(q).split(' ').filter(Boolean);
  const { documents, nearWords, farWords } = index;
  for (let i = 0; i < documents.length; i++) {
    const doc = documents[i]!;
    if (doc.name === q) rank(doc.name, 0);
    else if (doc.name.startsWith(q)) rank(doc.name, 1 + doc.name.length / 1000);
    else if (doc.name.includes(q)) rank(doc.name, 3 + doc.name.length / 1000);
    if (cap !== undefined && doc.capabilities.includes(cap))
      rank(doc.name, 2 + (doc.riskRank ?? 4) / 10);
    if (words.length === 0) continue;
    if (startsEveryWord(nearWords[i]!, words)) rank(doc.name, 4 + (doc.riskRank ?? 4) / 100);
    else if (startsEveryWord(`${nearWords[i]!}${farWords[i]!}`, words))
      rank(doc.name, 4.5 + (doc.riskRank ?? 4) / 100);
  }
  // Typos: a single word only (several words are matched word by word above).
  if (index.fuzzy && !q.includes(' ') && q.length >= 3) {
    for (const match of index.fuzzy(q)) rank(match.name, 5 + match.score);
  }
  return [...ranks.entries()]
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([name]) => name);
}

const RISK_RANK: Readonly<Record<string, number>> = { critical: 0, high: 1, medium: 2, low: 3 };

/**
 * The catalog's entries as search documents.
 *
 * @param entries - the catalog's entries
 * @param threatOf - the threat behind each reason (the catalog's notes, fetched after the table)
 */
export function searchDocumentsFor(
  entries: readonly {
    name: string;
    description: string;
    categoryLabel: string;
    reason?: { reason: string; risk: string };
    docker: { capabilities: readonly string[] };
  }[],
  threatOf: (name: string) => string | undefined,
): SearchDocument[] {
  return entries.map((entry) => ({
    name: entry.name,
    description: entry.description,
    categoryLabel: entry.categoryLabel,
    reason: entry.reason ? `${entry.reason.reason} ${threatOf(entry.name) ?? ''}` : '',
    capabilities: entry.docker.capabilities,
    riskRank: entry.reason ? (RISK_RANK[entry.reason.risk] ?? 4) : 4,
  }));
}
