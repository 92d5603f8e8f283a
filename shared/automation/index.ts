export * from './task';
export * from './rules';
export * from './templates';
export * from './log';
