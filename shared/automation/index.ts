export * from './task';
export * from './rules';
