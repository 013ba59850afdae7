-- The names a search may return (live, complete, not a root folder), in name order per owner,
-- carrying every column a search filters on: the prefix tier of a search reads this index alone
-- and never visits the table, whatever the filters (type, modified range, folder subtree).
CREATE INDEX items_search_names ON items (owner_id, name_key)
  INCLUDE (id, kind, mime_type, modified_at, ancestors)
  WHERE deleted_at IS NULL AND parent_id IS NOT NULL
    AND (kind = 'folder' OR current_version_id IS NOT NULL);
DROP INDEX items_search_prefix;
