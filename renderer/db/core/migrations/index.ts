import type { Dexie } from 'dexie';
import { migrateV1 } from './v1';
import { migrateV2 } from './v2';
import { migrateV3 } from './v3';
import { migrateV4 } from './v4';
import { migrateV5 } from './v5';
import { migrateV6 } from './v6';
import { migrateV7 } from './v7';
import { migrateV8 } from './v8';
import { migrateV9 } from './v9';
import { migrateV10 } from './v10';
import { migrateV11 } from './v11';
import { migrateV12 } from './v12';
import { migrateV13 } from './v13';

/** Every schema version in order; a new version is a new file added here, never an edit of an old one. */
export const MIGRATIONS: ReadonlyArray<(db: Dexie) => void> = [migrateV1, migrateV2, migrateV3, migrateV4, migrateV5, migrateV6, migrateV7, migrateV8, migrateV9, migrateV10, migrateV11, migrateV12, migrateV13];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function applyMigrations(db: Dexie): void {
  for (const migrate of MIGRATIONS) migrate(db);
}
