/** table -> owning module ('platform' for src/platform/); see table-owners.js. */
export declare const TABLE_OWNERS: Record<string, string>;
