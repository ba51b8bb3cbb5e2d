/**
 * The `syscalls` command and the catalog lines of `explain`: the syscall catalog with Docker's
 * view of each syscall, computed by the engine from the built-in default profile.
 */
import type { ResolveContext } from '../core/context.ts';
import { dockerDefaultProfile } from '../core/docker-default.ts';
import { explainSyscall } from '../core/explain.ts';
import { ABIS, syscallNumber } from '../catalog/abis.ts';
import { allSyscallNames } from '../catalog/knowledge.ts';
import { manPageUrl, syscallText } from '../catalog/syscall-text.ts';
import type { Io } from './main.ts';

/** Lines about a syscall from the catalog, for `explain`. */
export function explainCatalogLines(syscall: string): string[] {
  const text = syscallText(syscall);
  const lines: string[] = [];
  if (text) lines.push(`What it does: ${text.description}`);
  const man = manPageUrl(syscall);
  if (man) lines.push(`Manual: ${man}`);
  return lines;
}

/** Lists the catalog with each syscall's outcome under Docker's default in the context. */
export function syscallsCommand(context: ResolveContext, json: boolean, io: Io): number {
  const profile = dockerDefaultProfile();
  const rows = allSyscallNames().map((name) => {
    const text = syscallText(name);
    const numbers = Object.fromEntries(
      ABIS.flatMap((abi) => {
        const number = syscallNumber(name, abi);
        return number === undefined ? [] : [[abi, number]];
      }),
    );
    const explanation = explainSyscall(profile, name, context);
    return {
      name,
      description: text?.description ?? '',
      category: text?.category ?? '',
      numbers,
      docker: explanation.status,
      changes: explanation.alternatives,
    };
  });
  if (json) {
    io.out(JSON.stringify(rows, null, 2));
  } else {
    const width = Math.max(...rows.map((row) => row.name.length));
    for (const row of rows)
      io.out(`${row.name.padEnd(width)}  ${row.docker.padEnd(16)}  ${row.description}`);
  }
  return 0;
}
