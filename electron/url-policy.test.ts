import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, isTrustedUrl, originOf, parseDevUrl, trustedOrigins } from './url-policy';

describe('originOf', () => {
  it('handles the custom scheme and http', () => {
    expect(originOf('app://rapport/index.html#/kunden')).toBe('app://rapport');
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('nonsense')).toBeNull();
  });
});

describe('isTrustedUrl', () => {
  const origins = trustedOrigins('http://localhost:5173');
  it('accepts the app and the dev server only', () => {
    expect(isTrustedUrl('app://rapport/index.html', origins)).toBe(true);
    expect(isTrustedUrl('http://localhost:5173/', origins)).toBe(true);
    for (const bad of ['app://rapport.evil/', 'app://other/', 'http://localhost:5174/', 'https://example.com/', 'file:///index.html', 'about:blank']) {
      expect(isTrustedUrl(bad, origins), bad).toBe(false);
    }
  });
  it('has no dev origin without a dev URL', () => {
    expect(trustedOrigins()).toEqual(['app://rapport']);
  });
});

describe('parseDevUrl', () => {
  it('accepts local dev servers only', () => {
    expect(parseDevUrl('http://localhost:5173')).toBe('http://localhost:5173/');
    expect(parseDevUrl('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173/');
    expect(parseDevUrl('https://evil.example:5173')).toBeUndefined();
    expect(parseDevUrl('file:///tmp/index.html')).toBeUndefined();
    expect(parseDevUrl('')).toBeUndefined();
    expect(parseDevUrl(undefined)).toBeUndefined();
  });
});

describe('isSafeExternalUrl', () => {
  it('allows https pages and mailto drafts', () => {
    expect(isSafeExternalUrl('https://www.example.de/impressum')).toBe(true);
    expect(isSafeExternalUrl('mailto:anna.mueller@example.de?subject=Termin%20am%2024.11.')).toBe(true);
  });
  it('refuses everything that could run something or mislead', () => {
    const bad = [
      'http://example.com',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'smb://server/share',
      'app://rapport/index.html',
      'https://user:pass@example.com/',
      'https://exa mple.com/',
      `https://example.com/${'a'.repeat(2100)}`,
      '',
    ];
    for (const url of bad) expect(isSafeExternalUrl(url), url).toBe(false);
  });
});
