-- Unique and new viewers of a channel over any period without a distinct count over every viewer of it.
-- Each channel-day keeps its count of first-time viewers (summed over a period, exact) and a HyperLogLog
-- sketch of its viewers (4,096 one-byte registers, built in SQL by the rollup): a period's unique viewers
-- are the union of its days' sketches (standard error 1.6 %) once the period is too big to count exactly.
-- Replaces the audience's last_day, which only served the "period ending today" count.
alter table analytics_channel_daily add column new_viewers integer not null default 0;
alter table analytics_channel_daily add column viewer_sketch bytea;
drop index analytics_channel_audience_last_idx;
alter table analytics_channel_audience drop column last_day;

-- The sketch of one channel-day: register = the low 12 bits of the viewer key's 64-bit hash, value = the
-- position of the first 1 in the other 52 bits (53 when they are all 0), the highest per register.
create function analytics_viewer_sketch(channel uuid, on_day date) returns bytea language sql stable as $$
  select decode(string_agg(lpad(to_hex(coalesce(r.rank, 0)), 2, '0'), '' order by g.register), 'hex')
  from generate_series(0, 4095) as g(register)
  left join (
    select (h & 4095)::int as register, max(coalesce(nullif(position('1' in ((h >> 12)::bit(52))::text), 0), 53)) as rank
    from (select hashtextextended(viewer_key, 0) as h from analytics_channel_viewers
          where channel_id = channel and day = on_day) v
    group by 1
  ) r using (register)
$$;

-- Existing rows get their first-time viewers and sketches from what the rollup tables already hold.
update analytics_channel_daily c
set new_viewers = (select count(*) from analytics_channel_audience a where a.channel_id = c.channel_id and a.first_day = c.day),
  viewer_sketch = analytics_viewer_sketch(c.channel_id, c.day);
alter table analytics_channel_daily alter column viewer_sketch set not null;
