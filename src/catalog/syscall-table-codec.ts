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

/** libseccomp's table, read column by column as ABIs are asked about. */
export interface SyscallNumberTable<Abi extends string> {
  /** Every name, sorted. */
  readonly names: readonly string[];
  /** True when `name` is in the table (on any ABI); `toString` and the like are not. */
  has(name: string): boolean;
  /** The number of `name` on `abi`, or undefined when it doesn't exist there. */
  number(name: string, abi: Abi): number | undefined;
}

/**
 * Reads the compact table. A column is decoded the first time its ABI is asked about: the page
 * needs one ABI's numbers to show the table, and decoding all eighteen cost it ~6 ms at load.
 *
 * @param names - every name, sorted, separated by single spaces
 * @param abis - the ABIs, in the order of `columns`
 * @param columns - one encoded column per ABI
 */
export function decodeSyscallTable<Abi extends string>(
  names: string,
  abis: readonly Abi[],
  columns: readonly string[],
): SyscallNumberTable<Abi> {
  const nameList = names.split(' ');
  const indexOf = new Map(nameList.map((name, index) => [name, index]));
  const decoded = new Map<Abi, Int32Array>();
  const column = (abi: Abi): Int32Array => {
    let numbers = decoded.get(abi);
    if (numbers === undefined) {
      numbers = decodeColumn(columns[abis.indexOf(abi)] ?? '', nameList.length);
      decoded.set(abi, numbers);
    }
    return numbers;
  };
  return {
    names: nameList,
    has: (name) => indexOf.has(name),
    number(name, abi) {
      const index = indexOf.get(name);
      if (index === undefined) return undefined;
      const number = column(abi)[index]!;
      return number === ABSENT ? undefined : number;
    },
  };
}

/** Marks a name the ABI doesn't have (numbers are never negative). */
const ABSENT = -1;

/** One column: name index → number, {@link ABSENT} where the ABI lacks the name. */
function decodeColumn(encoded: string, nameCount: number): Int32Array {
  const numbers = new Int32Array(nameCount).fill(ABSENT);
  if (encoded === '') return numbers;
  let number = -1;
  for (const token of encoded.split(SEPARATOR)) {
    const colon = token.indexOf(':');
    const gap = colon === -1 ? 0 : Number.parseInt(token.slice(0, colon), 36);
    number += gap + 1;
    const index = Number.parseInt(token.slice(colon + 1), 36);
    if (!(index >= 0 && index < nameCount)) {
      throw new Error(`syscall table: no name for token "${token}"`);
    }
    numbers[index] = number;
  }
  return numbers;
}
