import type { Executor } from '../../platform/db/transaction.ts';
import { videoRepo, type VideoRow } from './repo.ts';

/**
 * The videos module's public reads for other modules. Only reads: the video's status machine and its
 * metadata change through VideoService, so its events and invariants hold.
 */
export const videoQueries = {
  findById(db: Executor, id: string): Promise<VideoRow | undefined> {
    return videoRepo.findById(db, id);
  },

  /** Ready public videos (not held by moderation) among these ids, in the order given. */
  findPublicByIds(db: Executor, ids: readonly string[]): Promise<VideoRow[]> {
    return videoRepo.findPublicByIds(db, ids);
  },
};
