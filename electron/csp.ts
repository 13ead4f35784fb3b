/**
 * The one Content-Security-Policy of the UI, for the Electron window (app://) and `npm run web`
 * alike: only the app's own scripts, styles and fonts; no inline code, no eval, no remote hosts.
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
