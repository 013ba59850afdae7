package dev.depot.metadata.archive;

import dev.depot.contracts.archives.v1.ArchiveManifest;
import dev.depot.metadata.tree.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Lays a selection out as archive entries: each selected item at the top of the archive, in the
 * order it was selected, and the contents of selected folders below them with their folder
 * structure (empty folders included). Selected items from different folders may share a name; the
 * later ones become "name (1).ext", "name (2).ext" as in a folder.
 */
final class Selection {

    private record Placed(int top, String path) {}

    private final Map<UUID, SelectionRepository.Row> rows = new HashMap<>();
    private final Map<UUID, Placed> placed = new HashMap<>();

    private Selection(List<SelectionRepository.Row> rows) {
        rows.forEach(r -> this.rows.put(r.id(), r));
    }

    /**
     * The entries of {@code top} (selected items none of which lies inside another, all present in
     * {@code rows}) and of the live rows below them.
     */
    static List<ArchiveManifest.Entry> entries(List<UUID> top, List<SelectionRepository.Row> rows) {
        Selection selection = new Selection(rows);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < top.size(); i++) {
            SelectionRepository.Row row = selection.rows.get(top.get(i));
            String name = row.name();
            for (int n = 1; !keys.add(Names.key(name)); n++) {
                name = Names.numbered(row.name(), n, !row.folder());
            }
            selection.placed.put(row.id(), new Placed(i, row.folder() ? name + "/" : name));
        }
        List<Map.Entry<Placed, SelectionRepository.Row>> laid = new ArrayList<>();
        for (SelectionRepository.Row row : rows) {
            Placed where = selection.place(row.id(), 0);
            if (where != null) {
                laid.add(Map.entry(where, row));
            }
        }
        laid.sort(Comparator.comparing((Map.Entry<Placed, SelectionRepository.Row> e) ->
                        e.getKey().top())
                .thenComparing(e -> e.getKey().path()));
        List<ArchiveManifest.Entry> entries = new ArrayList<>(laid.size());
        for (var e : laid) {
            SelectionRepository.Row row = e.getValue();
            String path = e.getKey().path();
            entries.add(
                    row.folder()
                            ? ArchiveManifest.Entry.folder(path, row.modifiedAt())
                            : ArchiveManifest.Entry.file(
                                    path, row.blobId(), row.size(), row.mimeType(), row.modifiedAt()));
        }
        return entries;
    }

    /** Where a row goes, or null when it hangs below nothing selected and live. */
    private Placed place(UUID id, int depth) {
        Placed known = placed.get(id);
        if (known != null || depth > 1_000) {
            return known;
        }
        SelectionRepository.Row row = rows.get(id);
        if (row == null || row.parentId() == null) {
            return null;
        }
        Placed parent = place(row.parentId(), depth + 1);
        if (parent == null) {
            return null;
        }
        Placed here = new Placed(parent.top(), parent.path() + row.name() + (row.folder() ? "/" : ""));
        placed.put(id, here);
        return here;
    }
}
