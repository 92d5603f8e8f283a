import { serveBackup } from './serve';

// The backup worker: reads, serialises and (with a passphrase) encrypts a full backup off the page's
// thread, so the daily backup at start does not stall scrolling (protocol and chunk flow: serve.ts).
serveBackup();
