import { describe, expect, it } from 'vitest';
import { trustedOrigins } from '../url-policy';
import { isTrustedSender } from './sender';

const origins = trustedOrigins('http://localhost:5173');
const mainFrame = (url: string) => ({ senderFrame: { url, parent: null } });

describe('isTrustedSender', () => {
  it('accepts the main frame on the app origin or the dev server', () => {
    expect(isTrustedSender(mainFrame('app://rapport/index.html'), origins)).toBe(true);
    expect(isTrustedSender(mainFrame('http://localhost:5173/'), origins)).toBe(true);
  });

  it('refuses sub-frames, foreign pages and vanished frames', () => {
    const top = { url: 'app://rapport/index.html', parent: null };
    expect(isTrustedSender({ senderFrame: { url: 'app://rapport/index.html', parent: top } }, origins)).toBe(false);
    expect(isTrustedSender(mainFrame('https://evil.example/'), origins)).toBe(false);
    expect(isTrustedSender(mainFrame('app://rapport.evil/'), origins)).toBe(false);
    expect(isTrustedSender(mainFrame('file:///tmp/index.html'), origins)).toBe(false);
    expect(isTrustedSender(mainFrame('about:blank'), origins)).toBe(false);
    expect(isTrustedSender({ senderFrame: null }, origins)).toBe(false);
  });

  it('refuses the dev server when none is configured', () => {
    expect(isTrustedSender(mainFrame('http://localhost:5173/'), trustedOrigins())).toBe(false);
  });
});
