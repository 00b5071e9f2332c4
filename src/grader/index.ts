// Public surface of the engine. Hosts (src/worker, src/cli) import from here only.
// Nothing here touches the DOM or Node: both hosts share every line.
export * from './types';
export * from './schema';
export * from './tolerance';
export { gradeSubmission, type GradeOptions } from './grade';
export { prepareCases, runCustomCheck } from './reference';
export { interpretLearnerMessage } from './interpret';
export { useGradingBackend } from './backend';
export { compileSubmission } from './compile';
export { compareValues, closeEnough } from './compare';
export { bannedMessage } from './messages';
export { createRng, caseSeed, randomSeed } from './rng';
export { parsePreparedCases } from './protocol';
export { formatNumber, previewTensor, summarizeArgs } from './format';
export { formatHuman, toJsonContract } from './report';
