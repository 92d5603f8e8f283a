export * from './rules';
export * from './score';
export * from './bands';
export * from './team';
