import { describe, expect, it } from 'vitest';
import { canonicalJson, concatBytes, fromHex, fromUtf8, sha256Hex, toHex, utf8 } from './bytes';

describe('byte helpers', () => {
  it('hex and UTF-8 round-trip; bad input throws instead of turning into garbage', () => {
    expect(toHex(fromHex('00ff10'))).toBe('00ff10');
    expect(() => fromHex('abc')).toThrow();
    expect(() => fromHex('zz')).toThrow();
    expect(fromUtf8(utf8('Weiß'))).toBe('Weiß');
    expect(() => fromUtf8(new Uint8Array([0xff]))).toThrow();
  });

  it('concatenates parts and hashes with SHA-256', async () => {
    expect([...concatBytes([utf8('ab'), new Uint8Array(), utf8('c')])]).toEqual([...utf8('abc')]);
    expect(await sha256Hex(utf8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('canonical JSON sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2}]},"b":1}');
  });
});
