/**
 * What only the details panel, the search's full index, the presets and the command line read
 * about a syscall beyond its catalog entry: its manual page, the threat behind Docker's reason
 * and what Docker's documentation says about it, and Docker's whole view of it. The page fetches
 * this module (and the text behind it) after its first paint; nothing the table shows is here.
 */
import { dockerThreat, type DockerThreat } from './docker-threats.ts';
import type { DockerView } from './docker-view.ts';
import { DOCKER_VIEWS } from './generated/docker-view.ts';
import { manPageUrl } from './man-pages.ts';

export interface SyscallNotes {
  /** man7.org page, when one documents it. */
  manPage?: string;
  /** Docker's default's view of it in the default context. */
  docker: DockerView;
  /** For a syscall Docker's default has a reason for (docker-reasons.ts): the threat behind it. */
  threat?: DockerThreat;
}

/**
 * The notes on one syscall, or undefined for a name Linux doesn't have.
 *
 * @param name - the syscall
 */
export function syscallNotes(name: string): SyscallNotes | undefined {
  if (!Object.prototype.hasOwnProperty.call(DOCKER_VIEWS, name)) return undefined;
  const manPage = manPageUrl(name);
  const threat = dockerThreat(name);
  return {
    ...(manPage ? { manPage } : {}),
    docker: DOCKER_VIEWS[name]!,
    ...(threat ? { threat } : {}),
  };
}
