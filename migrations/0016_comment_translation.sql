-- Comment languages (detected after posting) and translations cached by source text and target language.

create table comment_languages (
  comment_id uuid primary key references comments(id) on delete cascade,
  -- ISO 639-1, or null when the text was too short or mixed to tell.
  language text check (language ~ '^[a-z]{2,3}$'),
  confidence real not null check (confidence between 0 and 1),
  detector text not null,
  detected_at timestamptz not null default now()
);

create table translation_cache (
  -- SHA-256 of "<source language>\n<text>": identical comments share one translation.
  content_hash text not null,
  target_language text not null check (target_language ~ '^[a-z]{2,3}$'),
  source_language text not null,
  translated_text text not null,
  model_name text not null,
  model_version text not null,
  created_at timestamptz not null default now(),
  primary key (content_hash, target_language)
);
