/** Local backups: manifest, rotation and the loss rule. Pure; the shell and the renderer store the files. */
export * from './manifest';
export * from './rotation';
export * from './loss';
