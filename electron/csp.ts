/**
 * The Content-Security-Policy sent with every `app://` response. renderer/index.html carries the
 * same directives in a meta tag (minus frame-ancestors, which browsers ignore there).
 * 'unsafe-inline' is allowed for styles only: React style props and chart.js set inline styles.
 * No inline or remote script, and nothing is fetched from the network.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  // The reports worker is a module chunk of the app itself; no blob: or data: workers.
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
] as const;

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/** Splits a policy into directive name → sorted source list, for comparing two policies. */
export function parseCsp(policy: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources.sort().join(' '));
  }
  return map;
}
