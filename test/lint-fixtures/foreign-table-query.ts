// Linted as src/modules/likes/foreign-table-query.ts: the likes module owns `likes`, not `videos` or `users`.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export async function breaksTheBoundary(db: Kysely<DB>, videoId: string, userId: string) {
  // Errors: statements on another module's tables.
  await db.selectFrom('videos').selectAll().where('id', '=', videoId).execute();
  await db.updateTable('users as u').set({ bio: 'x' }).where('u.id', '=', userId).execute();
  await db.deleteFrom('comments').where('video_id', '=', videoId).execute();
  // Error: a raw SQL write on another module's table.
  await sql`update videos set like_count = 0 where id = ${videoId}`.execute(db);

  // Fine: the module's own table, a join reading another module's columns, an expression-builder subquery.
  await db.selectFrom('likes').innerJoin('videos', 'videos.id', 'likes.video_id').select('videos.title').execute();
  await db
    .selectFrom('likes')
    .select((eb) => eb.selectFrom('users').select('username').whereRef('users.id', '=', 'likes.user_id').as('name'))
    .execute();
  await db.insertInto('likes').values({ user_id: userId, video_id: videoId }).execute();
}
