/**
 * The page's Content-Security-Policy. Scripts, workers, fonts and connections come from the
 * page's own origin only; no inline script and no eval. Styles allow 'unsafe-inline' because
 * Monaco writes its theme and decorations into <style> elements at run time (CSS can't run
 * code). Applied to the production build only: Vite's dev server injects an inline script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "img-src 'self' data:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
