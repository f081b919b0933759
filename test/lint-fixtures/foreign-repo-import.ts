// Linted as src/modules/likes/foreign-repo-import.ts: another module's repository is internal.
import { videoRepo } from '../videos/repo.ts'; // error: a value import of the videos repository
import { userRepo } from '../users/repo.ts'; // error
import type { VideoRow } from '../videos/repo.ts'; // fine: a row type
import { videoQueries } from '../videos/video-queries.ts'; // fine: the public reads

export const used: unknown[] = [videoRepo, userRepo, videoQueries, null as unknown as VideoRow];
