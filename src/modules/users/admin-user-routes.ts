import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { envelope, isoDate, ok, toIsoOrNull } from '../../platform/http/envelope.ts';
import type { Platform } from '../../platform/platform.ts';
import { cursorCodec, toPage } from '../../platform/pagination/cursor.ts';
import { pageQuery } from '../../platform/pagination/page-query.ts';
import { privateUserSchema, toPrivateUser } from './schemas.ts';

const adminUserSchema = privateUserSchema.extend({ bannedAt: isoDate.nullable() });
const listQuery = pageQuery.extend({
  q: z.string().trim().max(254, 'must be at most 254 characters').optional().describe('start of the username or email'),
});
const byUsernameCursor = cursorCodec('users:by-username', z.tuple([z.string(), z.uuid()]));

/** `%` and `_` typed by the admin are matched literally. */
function prefixPattern(text: string): string {
  return `${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Accounts for the admin's users page, by username, optionally narrowed by a username or email prefix. */
export async function adminUserRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { db } = platform.database;

  routes.get(
    '/users',
    {
      config: { auth: { role: 'admin' } },
      schema: {
        tags: ['admin'],
        summary: 'Accounts by username (admin), with their role and ban state',
        querystring: listQuery,
        response: { 200: envelope(z.array(adminUserSchema)) },
      },
    },
    async (request) => {
      const { q, cursor, limit } = request.query;
      let query = db
        .selectFrom('users')
        .selectAll()
        .orderBy((eb) => eb.fn('lower', ['username']))
        .orderBy('id')
        .limit(limit + 1);
      if (q) {
        const pattern = prefixPattern(q);
        query = query.where((eb) =>
          eb.or([eb(eb.fn('lower', ['username']), 'like', pattern), eb(eb.fn('lower', ['email']), 'like', pattern)]),
        );
      }
      if (cursor) {
        const [username, id] = byUsernameCursor.decode(cursor);
        query = query.where((eb) =>
          eb.or([
            eb(eb.fn('lower', ['username']), '>', username),
            eb.and([eb(eb.fn('lower', ['username']), '=', username), eb('id', '>', id)]),
          ]),
        );
      }
      const page = toPage(await query.execute(), limit, byUsernameCursor, (row) => [
        row.username.toLowerCase(),
        row.id,
      ]);
      return ok(
        page.items.map((row) => ({ ...toPrivateUser(row), bannedAt: toIsoOrNull(row.banned_at) })),
        { nextCursor: page.nextCursor },
      );
    },
  );
}
