import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Role } from '../../platform/db/schema.ts';
import type { Delivery, NotificationKindRegistry } from './kinds.ts';

export interface KindPreference {
  kind: string;
  label: string;
  description: string;
  delivery: Delivery;
  defaultDelivery: Delivery;
}

/**
 * Per user and kind: in-app only, in-app plus mail at once, in-app plus the daily digest, or off.
 * Only choices that differ from a kind's default are stored, so a changed default reaches everyone
 * who never chose. (The per-channel switch is the subscription's own `notificationsEnabled`.)
 */
export class NotificationPreferences {
  constructor(private readonly deps: { db: Kysely<DB>; kinds: NotificationKindRegistry }) {}

  async list(userId: string, role: Role): Promise<KindPreference[]> {
    const stored = await this.deps.db
      .selectFrom('notification_preferences')
      .select(['kind', 'delivery'])
      .where('user_id', '=', userId)
      .execute();
    const chosen = new Map(stored.map((row) => [row.kind, row.delivery]));
    return this.deps.kinds
      .list()
      .filter((kind) => kind.audience === 'everyone' || role === 'admin')
      .map((kind) => ({
        kind: kind.id,
        label: kind.label,
        description: kind.description,
        delivery: chosen.get(kind.id) ?? kind.defaultDelivery,
        defaultDelivery: kind.defaultDelivery,
      }));
  }

  /** Sets several kinds at once; unknown kinds were refused by the route's schema. */
  async set(userId: string, changes: { kind: string; delivery: Delivery }[]): Promise<void> {
    if (changes.length === 0) return;
    await this.deps.db
      .insertInto('notification_preferences')
      .values(changes.map((change) => ({ user_id: userId, kind: change.kind, delivery: change.delivery })))
      .onConflict((conflict) =>
        conflict
          .columns(['user_id', 'kind'])
          .doUpdateSet((eb) => ({ delivery: eb.ref('excluded.delivery'), updated_at: new Date() })),
      )
      .execute();
  }

  /** Unsubscribing from mail: the kind (or every kind, `all`) stays in the app but sends no more mail. */
  async stopMail(userId: string, kind: string | 'all'): Promise<string[]> {
    const current = await this.list(userId, 'admin');
    const affected = current.filter(
      (preference) => (kind === 'all' || preference.kind === kind) && preference.delivery.startsWith('mail_'),
    );
    await this.set(
      userId,
      affected.map((preference) => ({ kind: preference.kind, delivery: 'in_app' as const })),
    );
    return affected.map((preference) => preference.kind);
  }
}
