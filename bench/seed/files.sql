-- Seed data for bench/metadata.sh: one user gets
--   * "big folder": 1,000 subfolders and 99,000 files directly inside (100,000 children);
--   * "library": 901 folders of 1,000 files each (901,000 files),
-- i.e. 1,000,000 files in all, named like real documents ("invoice march 2023 0412.pdf"), each
-- with one stored version on one shared blob. Placeholders: ${owner}, ${root}.
SET search_path TO metadata
;
INSERT INTO blobs (id, owner_id, size, stored, created_at)
VALUES ('00000000-0000-0000-0000-00000000b10b', '${owner}', 4096, true, now())
;
CREATE TEMP TABLE words (kind text, n int, word text)
;
INSERT INTO words SELECT 'noun', row_number() OVER (), w FROM unnest(ARRAY['invoice', 'report',
  'photo', 'holiday', 'budget', 'draft', 'notes', 'scan', 'contract', 'meeting', 'slides',
  'receipt', 'letter', 'backup', 'thesis', 'recipe', 'ticket', 'statement', 'manual', 'plan'])
  AS w
;
INSERT INTO words SELECT 'month', row_number() OVER (), w FROM unnest(ARRAY['january',
  'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december']) AS w
;
INSERT INTO words SELECT 'ext', row_number() OVER (), w FROM unnest(ARRAY['pdf', 'docx', 'jpg',
  'png', 'xlsx', 'txt', 'mp4', 'zip']) AS w
;
-- the two top-level folders
INSERT INTO items (id, owner_id, parent_id, ancestors, kind, name, name_key, created_at, modified_at)
VALUES (md5('big')::uuid, '${owner}', '${root}', ARRAY['${root}']::uuid[], 'folder', 'big folder',
        'big folder', now(), now()),
       (md5('library')::uuid, '${owner}', '${root}', ARRAY['${root}']::uuid[], 'folder', 'library',
        'library', now(), now())
;
-- folders: 1,000 in "big folder", 901 in "library"
INSERT INTO items (id, owner_id, parent_id, ancestors, kind, name, name_key, created_at, modified_at)
SELECT md5('folder' || g)::uuid, '${owner}', p.id, ARRAY['${root}'::uuid, p.id], 'folder',
       n.word || ' ' || m.word || ' ' || g, n.word || ' ' || m.word || ' ' || g,
       now() - g * interval '1 minute', now() - g * interval '1 minute'
FROM generate_series(1, 1901) g
JOIN LATERAL (SELECT CASE WHEN g <= 1000 THEN md5('big')::uuid ELSE md5('library')::uuid END AS id) p ON true
JOIN words n ON n.kind = 'noun' AND n.n = 1 + g % 20
JOIN words m ON m.kind = 'month' AND m.n = 1 + g % 12
;
-- files: 99,000 in "big folder", then 1,000 in each "library" folder; their versions follow
-- in the same transaction (items.current_version_id is checked at commit)
INSERT INTO items (id, owner_id, parent_id, ancestors, kind, name, name_key, size, mime_type,
                   current_version_id, created_at, modified_at)
SELECT md5('file' || g)::uuid, '${owner}', p.id, p.ancestors, 'file', f.name, lower(f.name),
       1000 + g % 100000, 'application/octet-stream', md5('version' || g)::uuid,
       now() - g * interval '1 second', now() - g * interval '1 second'
FROM generate_series(1, 1000000) g
JOIN words n ON n.kind = 'noun' AND n.n = 1 + (g * 7) % 20
JOIN words m ON m.kind = 'month' AND m.n = 1 + (g / 20) % 12
JOIN words e ON e.kind = 'ext' AND e.n = 1 + (g / 3) % 8
JOIN LATERAL (SELECT n.word || ' ' || m.word || ' ' || (2015 + g % 11) || ' ' || lpad(g::text, 7, '0')
                     || '.' || e.word AS name) f ON true
JOIN LATERAL (SELECT CASE WHEN g <= 99000 THEN md5('big')::uuid
                          ELSE md5('folder' || (1000 + 1 + (g - 99001) / 1000))::uuid END AS id,
                     CASE WHEN g <= 99000 THEN ARRAY['${root}'::uuid, md5('big')::uuid]
                          ELSE ARRAY['${root}'::uuid, md5('library')::uuid,
                                     md5('folder' || (1000 + 1 + (g - 99001) / 1000))::uuid] END AS ancestors) p ON true
;
INSERT INTO versions (id, file_id, number, blob_id, size, mime_type, status, created_at, created_by)
SELECT md5('version' || g)::uuid, md5('file' || g)::uuid, 1, '00000000-0000-0000-0000-00000000b10b',
       1000 + g % 100000, 'application/octet-stream', 'ready', now(), '${owner}'
FROM generate_series(1, 1000000) g
;
UPDATE quota_ledgers SET limit_bytes = 1000000000000, live_bytes = live_bytes + (SELECT sum(size) FROM versions
  WHERE blob_id = '00000000-0000-0000-0000-00000000b10b') WHERE user_id = '${owner}'
;
-- as autovacuum leaves a table once it has caught up: index-only scans need the visibility map
VACUUM ANALYZE items
;
ANALYZE versions
;
SELECT md5('big')::uuid
