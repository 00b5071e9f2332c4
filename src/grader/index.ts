// Public surface of the engine. Hosts (src/worker, src/cli) import from here only.
export * from './types';
export * from './schema';
export * from './tolerance';
