-- Search and autocomplete on a large catalogue without reading the wide `videos` table per candidate
-- (EXPLAIN (ANALYZE, BUFFERS) on 200,000 videos: docs/BENCHMARKS.md, issue 15).

-- A tags filter checked its exact tags on `videos`, one primary-key probe per candidate (6,278 probes,
-- 25,000 buffers for "cook" with the tag "easy recipe"). The video's tags now sit beside its document,
-- written by the same trigger, so the whole candidate step reads video_search alone.
alter table video_search add column tags text[] not null default '{}';

update video_search s set tags = v.tags from videos v where v.id = s.video_id and v.tags <> '{}';

-- Autocomplete's titles: one narrow row per findable (ready, public) video with its lower-cased title
-- and its view count, so a prefix is answered from a small table (a prefix range, or the most viewed
-- rows walked until the list is full) instead of the wide rows of videos.
-- The view count is a copy that follows the views flush (videos_suggestions_sync below).
-- `words` are the title's words as search_words holds them (title_words): the typo pass finds the known
-- words most like what was typed in that small table, then the titles with one of them, most viewed
-- first (an array overlap the planner can estimate, served by the GIN index for a rare word or by
-- walking the view-count index for a common one). Comparing the typed text with every title by trigram
-- instead took a seq scan of thousands of word_similarity calls for a common fragment ("explai").
create table title_suggestions (
  video_id uuid primary key references videos(id) on delete cascade,
  title text not null,
  title_key text not null,
  words text[] not null,
  view_count bigint not null
);
create index title_suggestions_prefix_idx on title_suggestions (title_key text_pattern_ops);
create index title_suggestions_popular_idx on title_suggestions (view_count desc, video_id);
create index title_suggestions_words_idx on title_suggestions using gin (words);

insert into title_suggestions (video_id, title, title_key, words, view_count)
select id, title, lower(title), array(select title_words(title)), view_count
from videos where status = 'ready' and visibility = 'public';

-- Autocomplete no longer reads titles from videos: their trigram and prefix indexes (0010) only cost
-- every video insert and title edit.
drop index videos_title_trgm_idx;
drop index videos_title_prefix_idx;

-- Same as 0012, plus the tags.
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
  insert into video_search (video_id, document, searchable, published_at, category, duration_seconds, tags)
  values (new.id, video_search_document(new.title, new.tags, new.description), new.status = 'ready' and new.visibility = 'public',
          coalesce(new.uploaded_at, new.created_at), new.category, new.duration_seconds, new.tags)
  on conflict (video_id) do update
  set document = excluded.document, searchable = excluded.searchable, published_at = excluded.published_at,
      category = excluded.category, duration_seconds = excluded.duration_seconds, tags = excluded.tags;
  insert into search_tags (tag)
  select distinct lower(tag) from unnest(new.tags) as tag
  on conflict (tag) do nothing;
  insert into search_words (word) select title_words(new.title) on conflict (word) do nothing;
  return null;
end
$$;

-- Autocomplete's tags: which findable video carries which tag (lower-cased), so "a public ready video
-- still carries this tag" is one probe of a btree. Checked through the GIN index on videos.tags, each
-- suggested tag built the bitmap of every video with it first (10,030 entries for "gaming", several
-- milliseconds per tag, ten tags per keystroke) and scanned the index's pending list as well.
create table search_tag_videos (
  tag text not null,
  video_id uuid not null references videos(id) on delete cascade,
  primary key (tag, video_id)
);
create index search_tag_videos_video_idx on search_tag_videos (video_id);

insert into search_tag_videos (tag, video_id)
select distinct lower(tag), v.id from videos v, unnest(v.tags) as tag where v.status = 'ready' and v.visibility = 'public';

-- Autocomplete's two projections, kept apart from the document trigger because they also follow
-- view_count (the views flush), which the document trigger must not: it rewrites the wide video_search
-- row. Tags are rewritten only when the tags or the video's findability changed. Skipped like it by the
-- seed's bulk load (indexUnindexedVideos writes both afterwards).
create or replace function videos_suggestions_sync() returns trigger language plpgsql as $$
declare
  findable boolean := new.status = 'ready' and new.visibility = 'public';
begin
  if current_setting('streamhub.search_sync', true) = 'off' then
    return null;
  end if;
  if findable then
    insert into title_suggestions (video_id, title, title_key, words, view_count)
    values (new.id, new.title, lower(new.title), array(select title_words(new.title)), new.view_count)
    on conflict (video_id) do update
    set title = excluded.title, title_key = excluded.title_key, words = excluded.words, view_count = excluded.view_count
    where (title_suggestions.title, title_suggestions.view_count) is distinct from (excluded.title, excluded.view_count);
  else
    delete from title_suggestions where video_id = new.id;
  end if;
  if tg_op = 'UPDATE' then
    if old.tags is not distinct from new.tags and (old.status = 'ready' and old.visibility = 'public') = findable then
      return null;
    end if;
    delete from search_tag_videos where video_id = new.id;
  end if;
  if findable then
    insert into search_tag_videos (tag, video_id)
    select distinct lower(tag), new.id from unnest(new.tags) as tag
    on conflict do nothing;
  end if;
  return null;
end
$$;

create trigger videos_suggestions_sync
after insert or update of title, tags, status, visibility, view_count on videos
for each row execute function videos_suggestions_sync();
