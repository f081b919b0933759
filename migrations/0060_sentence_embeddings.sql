-- Embeddings by meaning (issue 13, docs/AI.md "Search and chapters"): the local embedder is now the
-- Universal Sentence Encoder, whose vectors are not comparable with the hashed n-gram ones stored
-- before. Every vector names its model and version; `streamhub ai reprocess --embeddings` re-embeds
-- the rows of any other model, and searches only compare vectors of the query's own model.

alter table video_embeddings add column model_version text not null default '1';
alter table segment_embeddings add column model_version text not null default '1';
-- The in-process vector index (PostgreSQL without pgvector) catches up from this watermark.
alter table segment_embeddings add column updated_at timestamptz not null default now();
create index video_embeddings_updated_idx on video_embeddings (updated_at);
create index segment_embeddings_updated_idx on segment_embeddings (updated_at);
-- Resuming a re-embedding pass finds the videos still on another model.
create index segment_embeddings_model_idx on segment_embeddings (model, model_version);

-- With pgvector, HNSW indexes for the encoder's 512 dimensions. An index of fixed-dimension vectors only
-- holds rows of that dimension, hence partial; a model of another dimension gets its index from a new
-- migration (the same two statements with its size), never by hand.
do $$
begin
  if exists (select 1 from pg_extension where extname = 'vector') then
    execute 'create index video_embeddings_hnsw_512 on video_embeddings
      using hnsw ((embedding::vector(512)) vector_cosine_ops) where array_length(embedding, 1) = 512';
    execute 'create index segment_embeddings_hnsw_512 on segment_embeddings
      using hnsw ((embedding::vector(512)) vector_cosine_ops) where array_length(embedding, 1) = 512';
  end if;
end
$$;
