-- Findable videos by category (and duration within it). Searches filtered by category and ranked by
-- meaning name every video that meets their conditions when few do (docs/AI.md, "Filtered vector
-- search"); without this index that was a scan of the whole table (65–110 ms at 200,000 videos).
create index video_search_category_idx on video_search (category, duration_seconds) where searchable;
