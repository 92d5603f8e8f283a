// Public surface of the planning rules; fixtures.ts and bench.ts are for tests and benchmarks.
export * from './calendar';
export * from './rhythm';
export * from './birthday';
export * from './reminders';
export * from './activity-plan';
export * from './greeting';
export * from './week-plan';
export * from './week-plan-edit';
export * from './week-plan-visits';
