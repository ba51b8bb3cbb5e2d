/**
 * The compact form of libseccomp's syscall table in src/catalog/generated/syscall-numbers.ts.
 * Written as one object per name, the table was 78 KB of JavaScript (23 KB gzip) in the page's
 * first chunk; as sorted names plus, per ABI, the names in number order it is 5 KB gzip.
 *
 * A column lists, in increasing syscall number, the index (base 36) of each name that exists
 * on the ABI; when numbers skip, the token is `gap:index` with the count skipped (base 36).
 * The number before the first token is taken as -1, so a first token `0` is number 0.
 */

const SEPARATOR = ',';

/**
 * Encodes one ABI's numbers.
 *
 * @param numbers - name index → syscall number, for the names that exist on the ABI
 * @throws when two names share a number (the table never does; the format couldn't say it)
 */
export function encodeAbiColumn(numbers: ReadonlyMap<number, number>): string {
  const byNumber = [...numbers].sort((a, b) => a[1] - b[1]);
  const tokens: string[] = [];
  let previous = -1;
  for (const [index, number] of byNumber) {
    const gap = number - previous - 1;
    if (gap < 0) throw new Error(`two syscalls share number ${number}`);
    const name = index.toString(36);
    tokens.push(gap === 0 ? name : `${gap.toString(36)}:${name}`);
    previous = number;
  }
  return tokens.join(SEPARATOR);
}

/**
 * Decodes the table: syscall name → number on each ABI where it exists, with a null prototype
 * so that only real names resolve (`toString` is not a syscall).
 *
 * @param names - every name, sorted, separated by single spaces
 * @param abis - the ABIs, in the order of `columns`
 * @param columns - one encoded column per ABI
 */
export function decodeSyscallTable<Abi extends string>(
  names: string,
  abis: readonly Abi[],
  columns: readonly string[],
): Readonly<Record<string, Readonly<Partial<Record<Abi, number>>>>> {
  const nameList = names.split(' ');
  const rows = nameList.map(() => ({}) as Partial<Record<Abi, number>>);
  abis.forEach((abi, column) => {
    const encoded = columns[column];
    if (encoded === undefined || encoded === '') return;
    let number = -1;
    for (const token of encoded.split(SEPARATOR)) {
      const colon = token.indexOf(':');
      const gap = colon === -1 ? 0 : Number.parseInt(token.slice(0, colon), 36);
      number += gap + 1;
      const row = rows[Number.parseInt(token.slice(colon + 1), 36)];
      if (row === undefined) throw new Error(`syscall table: no name for token "${token}"`);
      row[abi] = number;
    }
  });
  const table = Object.create(null) as Record<string, Partial<Record<Abi, number>>>;
  nameList.forEach((name, index) => {
    table[name] = rows[index]!;
  });
  return table;
}
