export { DEFAULT_DEMO_ACCOUNTS, DEFAULT_SELF_NAME, generateDemoData, generateDemoDataChunks } from './generate';
export type { DemoData, DemoOptions } from './generate';
