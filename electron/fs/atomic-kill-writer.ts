/**
 * Child process for the FILE-ATOMIC test: writes the target over and over with writeFileAtomic,
 * alternating between two contents, until the parent kills it with SIGKILL.
 */
import { writeFileAtomic } from './atomic-write';

const [target, a, b] = process.argv.slice(2) as [string, string, string];
process.send?.('ready');
for (let i = 0; ; i++) await writeFileAtomic(target, i % 2 === 0 ? a : b);
