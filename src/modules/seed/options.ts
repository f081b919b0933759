/**
 * What `streamhub seed` generates. The catalogue is a pure function of these options: the same options
 * give the same rows (ids, text, timestamps relative to the run's anchor time), which is what makes a
 * re-run idempotent.
 */
export interface SeedOptions {
  seed: number;
  users: number;
  videos: number;
  /** Share of users that are channels (role creator); the rest are viewers. */
  channelShare: number;
  /** Means over all videos; each video's numbers follow its popularity (heavy-tailed). */
  viewsPerVideo: number;
  likesPerVideo: number;
  commentsPerVideo: number;
  historyPerVideo: number;
  /** Rows per INSERT statement (and per transaction). */
  batchSize: number;
}

export const DEFAULT_SEED_OPTIONS: SeedOptions = {
  seed: 1,
  users: 50_000,
  videos: 200_000,
  channelShare: 0.1,
  viewsPerVideo: 400,
  likesPerVideo: 4,
  commentsPerVideo: 1.5,
  historyPerVideo: 5,
  batchSize: 10_000,
};

/** Every seeded account's password (documented in the CLI help and docs/OPERATIONS.md). */
export const SEED_PASSWORD = 'seeded-catalogue-1';

export class SeedOptionsError extends Error {}

/** Fills defaults and checks ranges; throws SeedOptionsError with every problem listed. */
export function resolveSeedOptions(given: Partial<SeedOptions>): SeedOptions {
  const options = {
    ...DEFAULT_SEED_OPTIONS,
    ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)),
  };
  const problems: string[] = [];
  const integer = (name: keyof SeedOptions, min: number, max: number) => {
    const value = options[name];
    if (!Number.isInteger(value) || value < min || value > max)
      problems.push(`${name} must be an integer from ${min} to ${max}`);
  };
  const number = (name: keyof SeedOptions, min: number, max: number) => {
    const value = options[name];
    if (!Number.isFinite(value) || value < min || value > max)
      problems.push(`${name} must be a number from ${min} to ${max}`);
  };
  integer('seed', 0, 2 ** 31 - 1);
  integer('users', 2, 10_000_000);
  integer('videos', 0, 100_000_000);
  number('channelShare', 0.0001, 1);
  number('viewsPerVideo', 0, 1_000_000);
  number('likesPerVideo', 0, 100_000);
  number('commentsPerVideo', 0, 10_000);
  number('historyPerVideo', 0, 100_000);
  integer('batchSize', 100, 100_000);
  if (problems.length) throw new SeedOptionsError(problems.join('; '));
  return options;
}

/** The options that define the catalogue (batch size only changes how it is written). */
export function catalogueDefinition(options: SeedOptions): Omit<SeedOptions, 'batchSize'> {
  const { batchSize: _batchSize, ...definition } = options;
  return definition;
}
