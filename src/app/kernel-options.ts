/**
 * The kernel versions offered in the context bar: the newest, the long-term releases people
 * run, every `minKernel` threshold the profile names and the version just before each (where
 * the outcome flips), and whatever the URL asked for.
 */
import {
  NEWEST_KERNEL,
  formatKernel,
  kernelJustBefore,
  type ResolveContext,
} from '../core/context.ts';
import type { KernelVersion, Profile } from '../core/model.ts';

const LONG_TERM = [
  '6.12',
  '6.6',
  '6.1',
  '5.15',
  '5.10',
  '5.4',
  '4.19',
  '4.14',
  '4.9',
  '4.4',
  '3.10',
];

function parse(value: string): KernelVersion {
  const [major, minor] = value.split('.').map(Number);
  return { major: major ?? 0, minor: minor ?? 0 };
}

/**
 * Each distinct `minKernel` the rules name, in order of first appearance. Told apart by number
 * before any label is made: a profile of thousands of rules names a handful of versions, and
 * this runs after every keystroke.
 */
function thresholds(profile: Profile | null): KernelVersion[] {
  const minorsByMajor = new Map<number, Set<number>>();
  const found: KernelVersion[] = [];
  const note = (minimum: KernelVersion | null | undefined) => {
    if (!minimum || (minimum.major === 0 && minimum.minor === 0)) return;
    let minors = minorsByMajor.get(minimum.major);
    if (!minors) minorsByMajor.set(minimum.major, (minors = new Set()));
    if (minors.has(minimum.minor)) return;
    minors.add(minimum.minor);
    found.push(minimum);
  };
  for (const rule of profile?.syscalls ?? []) {
    note(rule?.includes?.minKernel);
    note(rule?.excludes?.minKernel);
  }
  return found;
}

/** Kernel choices, newest first, labelled where they matter. */
export function kernelOptions(
  profile: Profile | null,
  current: ResolveContext['kernel'],
): { value: string; label: string }[] {
  const labels = new Map<string, string>();
  labels.set(formatKernel(NEWEST_KERNEL), `${formatKernel(NEWEST_KERNEL)} (newest)`);
  for (const version of LONG_TERM) labels.set(version, `${version} LTS`);
  for (const minimum of thresholds(profile)) {
    const at = formatKernel(minimum);
    const before = formatKernel(kernelJustBefore(minimum));
    if (!labels.has(at)) labels.set(at, `${at} (threshold)`);
    if (!labels.has(before)) labels.set(before, `${before} (before ${at})`);
  }
  const selected = formatKernel(current);
  if (!labels.has(selected)) labels.set(selected, selected);
  return [...labels.entries()]
    .map(([value, label]) => ({ value, label, version: parse(value) }))
    .sort((a, b) => b.version.major - a.version.major || b.version.minor - a.version.minor)
    .map(({ value, label }) => ({ value, label }));
}
