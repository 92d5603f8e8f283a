/** Passphrase-wrapped AES-256-GCM data keys (WebCrypto only); the sync folder and encrypted backups share the scheme. */
export { CryptoError, createDataKey, decryptBytes, DEFAULT_PBKDF2_ITERATIONS, encryptBytes, newIv, unlockDataKey } from './data-key';
export type { CryptoErrorCode, WrappedKey } from './data-key';
