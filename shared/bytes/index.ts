/** Byte and text helpers over web-standard APIs (TextEncoder, WebCrypto); used by sync, backups and exports. */
export { canonicalJson, concatBytes, fromHex, fromUtf8, randomBytes, sha256Hex, toHex, utf8 } from './bytes';
