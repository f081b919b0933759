-- The seeded catalogue (`streamhub seed`, src/modules/seed) and search on a large catalogue.

-- One row per seeded catalogue (a database holds at most one): which options made it, so a re-run knows
-- whether it is resuming the same catalogue. `anchor_at` is the run's "now": every generated timestamp
-- is relative to it, so a resumed run generates exactly the rows of the first.
create table seed_runs (
  seed integer primary key,
  options jsonb not null,
  anchor_at timestamptz not null,
  started_at timestamptz not null default now(),
  completed_at timestamptz
);

-- Search reads only video_search for its candidates: whether a video may be found and the columns the
-- filters and the "newest" order need are kept beside the document, so a query no longer joins videos
-- row by row for every match (EXPLAIN ANALYZE on 200,000 videos: that join and the heap visits of all
-- matches were most of the time; see docs/BENCHMARKS.md). These columns change rarely (publishing,
-- visibility, metadata edits), never with the hot counters.
alter table video_search
  add column searchable boolean not null default false,
  add column published_at timestamptz,
  add column category text,
  add column duration_seconds double precision;

update video_search s
set searchable = (v.status = 'ready' and v.visibility = 'public'),
    published_at = coalesce(v.uploaded_at, v.created_at),
    category = v.category,
    duration_seconds = v.duration_seconds
from videos v
where v.id = s.video_id;

-- Only findable videos are indexed for matching; private, unlisted, unfinished and deleted ones never
-- appear in a search, so they need not be in its index.
drop index video_search_document_idx;
create index video_search_document_idx on video_search using gin (document) where searchable;
-- The newest matches first, stopping early: the candidates of "relevance" and "-uploaded_at".
create index video_search_published_idx on video_search (published_at desc, video_id) where searchable;
-- The most viewed findable videos first: "-views" candidates and autocomplete's title order.
create index videos_public_popular_idx on videos (view_count desc, id) where status = 'ready' and visibility = 'public';

-- Channel names for autocomplete: only creators and admins who are not banned, a small share of users.
create index users_channel_prefix_idx on users (lower(username) text_pattern_ops) where role in ('creator', 'admin') and banned_at is null;

-- Typo tolerance: every word (3+ letters) ever used in a title, with a trigram index. A misspelt query
-- word is replaced by the most similar known word and the query runs again through the full-text index,
-- instead of comparing the query with every title (a common misspelling resembled thousands of titles).
create table search_words (
  word text primary key
);
create index search_words_trgm_idx on search_words using gin (word gin_trgm_ops);

-- The words of a title, as search_words holds them.
create or replace function title_words(title text) returns setof text language sql immutable parallel safe as $$
  select distinct word from regexp_split_to_table(lower(coalesce(title, '')), '[^[:alnum:]]+') as word where length(word) >= 3
$$;

insert into search_words (word) select distinct title_words(title) from videos on conflict (word) do nothing;

-- Same document as 0010_search.sql, plus the columns above; the text is re-indexed only when it changed.
-- A transaction that sets streamhub.search_sync to 'off' (set_config(..., true): that transaction only)
-- skips it: only the seed's bulk load does, and it then indexes what it loaded in one statement
-- (indexUnindexedVideos).
create or replace function videos_search_sync() returns trigger language plpgsql as $$
begin
  if current_setting('streamhub.search_sync', true) = 'off' then
    return null;
  end if;
  if tg_op = 'UPDATE' and (old.title, old.description, old.tags) is not distinct from (new.title, new.description, new.tags) then
    update video_search
    set searchable = (new.status = 'ready' and new.visibility = 'public'),
        published_at = coalesce(new.uploaded_at, new.created_at),
        category = new.category,
        duration_seconds = new.duration_seconds
    where video_id = new.id;
    if found then
      return null;
    end if;
  end if;
  insert into video_search (video_id, document, searchable, published_at, category, duration_seconds)
  values (new.id, video_search_document(new.title, new.tags, new.description), new.status = 'ready' and new.visibility = 'public',
          coalesce(new.uploaded_at, new.created_at), new.category, new.duration_seconds)
  on conflict (video_id) do update
  set document = excluded.document, searchable = excluded.searchable, published_at = excluded.published_at,
      category = excluded.category, duration_seconds = excluded.duration_seconds;
  insert into search_tags (tag)
  select distinct lower(tag) from unnest(new.tags) as tag
  on conflict (tag) do nothing;
  insert into search_words (word) select title_words(new.title) on conflict (word) do nothing;
  return null;
end
$$;

drop trigger videos_search_sync on videos;
create trigger videos_search_sync
after insert or update of title, description, tags, status, visibility, category, duration_seconds, uploaded_at, created_at on videos
for each row execute function videos_search_sync();
