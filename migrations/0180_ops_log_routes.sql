-- The ops log search filters by route: each request's lines carry the route pattern (Fastify's, such as
-- /api/v1/videos/:id, never the raw URL) and the method (request-log-bindings.ts), which the log sink
-- copies into these columns. Added on the partitioned parent, so every existing day partition gets them,
-- and so does the index (partitions created later are created with both).
alter table ops_logs add column route text, add column method text;
create index ops_logs_route_idx on ops_logs (route, at desc) where route is not null;
