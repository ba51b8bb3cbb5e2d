/**
 * Tells YAML from JSON by a glance at the start, without the YAML library (which the page
 * fetches only when a file turns out to be YAML).
 */

/** Whether a text looks like YAML rather than JSON (a JSON profile starts with `{`). */
export function looksLikeYaml(text: string): boolean {
  const start = text.trimStart();
  return start.startsWith('---') || /^(apiVersion|kind)\s*:/m.test(start.slice(0, 2000));
}
