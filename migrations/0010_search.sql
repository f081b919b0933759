-- Search: a weighted full-text document per video, kept by a trigger on videos; a trigram index on
-- titles for typo tolerance; the set of tags ever used (for autocomplete); and a log of queries.

-- One place that defines the document, used by the trigger and by rebuildSearchIndex.
create or replace function video_search_document(title text, tags text[], description text)
returns tsvector language sql immutable parallel safe as $$
  select setweight(to_tsvector('english', coalesce(title, '')), 'A')
      || setweight(to_tsvector('english', array_to_string(coalesce(tags, '{}'), ' ')), 'B')
      || setweight(to_tsvector('english', coalesce(description, '')), 'C')
$$;

-- A table of its own rather than a column on videos, so every `select *` of videos stays lean.
create table video_search (
  video_id uuid primary key references videos(id) on delete cascade,
  document tsvector not null
);
create index video_search_document_idx on video_search using gin (document);

-- Every tag ever used, lower-cased; autocomplete checks that a visible video still carries it.
create table search_tags (
  tag text primary key
);
create index search_tags_prefix_idx on search_tags (tag text_pattern_ops);

create index videos_title_trgm_idx on videos using gin (lower(title) gin_trgm_ops);
create index videos_title_prefix_idx on videos (lower(title) text_pattern_ops) where status = 'ready' and visibility = 'public';
create index users_username_prefix_idx on users (lower(username) text_pattern_ops);

create or replace function videos_search_sync() returns trigger language plpgsql as $$
begin
  insert into video_search (video_id, document)
  values (new.id, video_search_document(new.title, new.tags, new.description))
  on conflict (video_id) do update set document = excluded.document;
  insert into search_tags (tag)
  select distinct lower(tag) from unnest(new.tags) as tag
  on conflict (tag) do nothing;
  return null;
end
$$;

create trigger videos_search_sync
after insert or update of title, description, tags on videos
for each row execute function videos_search_sync();

create table search_queries (
  id bigserial primary key,
  query_normalised text not null,
  result_count integer not null,
  -- Milliseconds, so the ISO timestamps in zero-results cursors compare exactly.
  created_at timestamptz not null default date_trunc('milliseconds', now())
);
create index search_queries_recent_idx on search_queries (created_at);
create index search_queries_zero_idx on search_queries (created_at) where result_count = 0;
