-- The seeded catalogue (`streamhub seed`, src/modules/seed): which options made it, so a re-run knows
-- whether it is resuming the same catalogue; and a switch that lets its bulk load index search in one
-- statement instead of row by row.

-- One row per seeded catalogue (a database holds at most one). `anchor_at` is the run's "now": every
-- generated timestamp is relative to it, so a resumed run generates exactly the rows of the first.
create table seed_runs (
  seed integer primary key,
  options jsonb not null,
  anchor_at timestamptz not null,
  started_at timestamptz not null default now(),
  completed_at timestamptz
);

-- Same function as 0010_search.sql, except that a transaction which sets streamhub.search_sync to 'off'
-- (set_config(..., true): that transaction only) skips it. Only the seed's bulk load does, and it then
-- indexes the rows it loaded with video_search_document in one statement.
create or replace function videos_search_sync() returns trigger language plpgsql as $$
begin
  if current_setting('streamhub.search_sync', true) = 'off' then
    return null;
  end if;
  insert into video_search (video_id, document)
  values (new.id, video_search_document(new.title, new.tags, new.description))
  on conflict (video_id) do update set document = excluded.document;
  insert into search_tags (tag)
  select distinct lower(tag) from unnest(new.tags) as tag
  on conflict (tag) do nothing;
  return null;
end
$$;
