import type { Platform } from '../../platform/platform.ts';
import type { AccessTokenSigner } from '../../platform/security/jwt.ts';
import type { CoursesModule } from '../courses/module.ts';
import type { UserService } from '../users/service.ts';
import type { VideoService } from '../videos/service.ts';
import { NoteCollab } from './collab-server.ts';
import { NoteAccess } from './note-access.ts';
import { NoteService } from './note-service.ts';
import { NoteStore } from './note-store.ts';

export interface NotesDeps {
  platform: Platform;
  videos: VideoService;
  courses: CoursesModule;
  users: UserService;
  accessTokens: AccessTokenSigner;
}

/** Shared notes on videos and lessons (docs/NOTES.md): access rules, storage, the Yjs server, the HTTP side. */
export function createNotesModule(deps: NotesDeps) {
  const { platform } = deps;
  const db = platform.database.db;
  const access = new NoteAccess(db, deps.videos, deps.courses.lessons);
  const store = new NoteStore(db);
  const collab = new NoteCollab({
    access,
    store,
    accessTokens: deps.accessTokens,
    users: deps.users,
    logger: platform.logger,
    maxDocumentBytes: platform.config.notes.maxDocumentBytes,
    compactAfterUpdates: platform.config.notes.compactAfterUpdates,
    ...(platform.redis ? { redis: platform.redis } : {}),
    redisKeyPrefix: platform.config.redisKeyPrefix,
  });
  return { access, store, collab, service: new NoteService(db, access, collab) };
}

export type NotesModule = ReturnType<typeof createNotesModule>;
