export interface FeedItemsTable {
  user_id: string;
  video_id: string;
  creator_id: string;
  published_at: Date;
}

export interface FeedTables {
  feed_items: FeedItemsTable;
}
