import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { CONTENT_SECURITY_POLICY } from './csp.ts';

/** Puts the Content-Security-Policy into the built page (the dev server needs inline scripts). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'seccomp-editor-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  server: {
    port: 5173,
    strictPort: false,
    open: false,
  },
  preview: {
    port: 4173,
    open: false,
  },
  build: {
    target: 'es2022',
    // Every browser the target admits preloads modules natively: the polyfill is dead weight.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // Everything the page imports before its first paint in one chunk: left to itself Rolldown
      // splits the modules the lazy chunks share with it into chunks of their own, which the page
      // fetches up front all the same and which compress worse apart (Docker's syscall names
      // are in several of them).
      output: { codeSplitting: { groups: [{ name: 'initial', tags: ['$initial'] }] } },
    },
  },
  worker: {
    format: 'es',
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Property tests and the Docker oracle do real work; on a busy 2-core machine 5 s is too tight.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
