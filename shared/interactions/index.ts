export * from './input';
export * from './record';
export * from './appointments';
export * from './complaint';
export * from './nps-entry';
