/**
 * Item 8: the engine in-process, by the existing Vitest bench (src/core/engine.bench.ts), its
 * JSON report folded into ours.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/**
 * Runs `npx vitest bench --run src/core/engine.bench.ts --outputJson <file>`.
 *
 * @returns {Promise<{ group: string, name: string, median: number, p75: number, p99: number, mean: number, samples: number }[]>}
 */
export async function runEngineBench(cwd, outputFile) {
  const output = await new Promise((resolve, reject) => {
    const child = spawn(
      'npx',
      ['vitest', 'bench', '--run', 'src/core/engine.bench.ts', '--outputJson', outputFile],
      {
        cwd,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.stderr.on('data', (chunk) => (text += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(text);
      else reject(new Error(`vitest bench exited with ${code}:\n${text.slice(-2000)}`));
    });
  });
  const report = JSON.parse(await readFile(outputFile, 'utf8'));
  const rows = [];
  for (const file of report.files ?? []) {
    for (const group of file.groups ?? []) {
      const label = group.fullName.replace(/^.*? > /, '');
      for (const benchmark of group.benchmarks ?? []) {
        rows.push({
          group: label,
          name: benchmark.name,
          median: benchmark.median,
          mean: benchmark.mean,
          p75: benchmark.p75,
          p99: benchmark.p99,
          samples: benchmark.sampleCount ?? benchmark.samples?.length,
        });
      }
    }
  }
  if (rows.length === 0) throw new Error(`vitest bench reported nothing:\n${output.slice(-2000)}`);
  return rows;
}
