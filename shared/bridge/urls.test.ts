import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './urls';

describe('isAllowedExternalUrl', () => {
  it('allows https and mailto only', () => {
    expect(isAllowedExternalUrl('https://example.com/a')).toBe(true);
    expect(isAllowedExternalUrl('mailto:anna@example.com?subject=Hallo')).toBe(true);
    for (const bad of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'app://rapport/x', 'not a url', '']) {
      expect(isAllowedExternalUrl(bad)).toBe(false);
    }
  });
});
