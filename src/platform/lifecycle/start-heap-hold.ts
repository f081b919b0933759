import { holdYoungGeneration } from './start-heap.ts';

/**
 * Imported first by src/main.ts, so the hold starts before any other module is loaded (loading zod and
 * the configuration alone grew the young generation to 8 MiB). main releases it at once unless the command
 * is `serve` with config.holdYoungGenerationAtStart, which releases it when the server gets busy.
 */
export const releaseYoungGeneration = holdYoungGeneration();
