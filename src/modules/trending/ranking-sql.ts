import { sql, type RawBuilder } from 'kysely';
import type { TrendingWeights } from '../../config.ts';
import { notHeldForReview } from '../moderation/held-for-review.ts';
import { BUCKET_SECONDS } from './activity-sql.ts';
import { ALL_CATEGORIES, RANKED_OVERALL, RANKED_PER_CATEGORY, WINDOW_SPECS, type TrendingWindow } from './windows.ts';

export interface RankedRow {
  video_id: string;
  category: string;
  score: number;
}

/**
 * The ranking of one window as rows `(video_id, category, score)`: each video once under '' (the
 * overall top RANKED_OVERALL) and once under its category (that category's top RANKED_PER_CATEGORY).
 *
 * score = Σ over the window's buckets of (views·w + likes·w + comments·w + watch minutes·w) · 2^(−age/half-life),
 * age measured from the bucket's middle. Only public, ready videos rank; deleted or private ones drop
 * out at the next refresh (and readers filter them meanwhile), as do videos moderation holds for review.
 */
export function rankedTrendingRows(window: TrendingWindow, weights: TrendingWeights): RawBuilder<RankedRow> {
  const { horizonSeconds, halfLifeSeconds } = WINDOW_SPECS[window];
  const age = sql`greatest(0, extract(epoch from now() - a.bucket) - ${BUCKET_SECONDS / 2})`;
  const weighted = sql`(a.views * ${weights.views}::float8 + a.likes * ${weights.likes}::float8
    + a.comments * ${weights.comments}::float8 + a.watch_seconds / 60.0 * ${weights.watchMinutes}::float8)`;
  // Sum per video first, over the bucket index alone; only the few thousand videos with activity are
  // then looked up in `videos` (status, visibility, category, moderation), not the whole catalogue.
  return sql<RankedRow>`
    with totals as (
      select a.video_id, sum(${weighted} * power(0.5::float8, ${age} / ${halfLifeSeconds}::float8)) as score
      from trending_activity a
      where a.bucket > now() - make_interval(secs => ${horizonSeconds})
      group by a.video_id
    ), scored as (
      select t.video_id, coalesce(v.category, 'other') as category, t.score
      from totals t join videos v on v.id = t.video_id
      where t.score > 0 and v.status = 'ready' and v.visibility = 'public' and ${notHeldForReview('v.id')}
    ), ranked as (
      select video_id, category, score,
        row_number() over (order by score desc, video_id) as overall_rank,
        row_number() over (partition by category order by score desc, video_id) as category_rank
      from scored
    )
    select video_id, ${ALL_CATEGORIES}::text as category, score from ranked where overall_rank <= ${RANKED_OVERALL}
    union all
    select video_id, category, score from ranked where category_rank <= ${RANKED_PER_CATEGORY}`;
}
