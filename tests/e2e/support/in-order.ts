/**
 * The options of a `describe` whose tests are steps of one story on one web app (and usually one
 * browser page): each starts where the one before left off, so they never run concurrently or
 * shuffled, whatever `sequence` the run is given. (The e2e files themselves run one at a time,
 * each with its own web app and data folder: no file depends on another.)
 */
export const IN_ORDER = { concurrent: false, shuffle: false } as const;
