package dev.depot.metadata.tree;

import static dev.depot.metadata.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Depth, moves and name placement, decided from the items alone. */
class TreeRulesUnitTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final Item root = item(null, List.of(), Item.Kind.FOLDER, "/");
    private final Item docs = child(root, Item.Kind.FOLDER, "Docs");
    private final Item drafts = child(docs, Item.Kind.FOLDER, "Drafts");
    private final Item old = child(drafts, Item.Kind.FOLDER, "Old");
    private final Item photos = child(root, Item.Kind.FOLDER, "Photos");

    @Test
    void pathsRunFromTheRootDownToTheParent() {
        assertThat(root.depth()).isZero();
        assertThat(old.ancestors()).containsExactly(root.id(), docs.id(), drafts.id());
        assertThat(old.depth()).isEqualTo(3);
        assertThat(old.childAncestors()).containsExactly(root.id(), docs.id(), drafts.id(), old.id());
    }

    @Test
    void nothingLiesDeeperThanTheLimit() {
        assertThatNoException().isThrownBy(() -> TreeRules.requireDepth(TreeRules.MAX_DEPTH));
        assertRefused(
                () -> TreeRules.requireDepth(TreeRules.MAX_DEPTH + 1),
                MetadataProblem.TREE_TOO_DEEP,
                "Folders can nest at most 128 levels deep.");
    }

    @Test
    void theRootFolderNeverMoves() {
        assertRefused(
                () -> TreeRules.requireMovable(root),
                MetadataProblem.ROOT_FOLDER_IMMUTABLE,
                "The root folder cannot be renamed or moved.");
        assertThatNoException().isThrownBy(() -> TreeRules.requireMovable(docs));
    }

    @Test
    void aFolderCannotMoveIntoItselfNorBelowItself() {
        for (Item target : List.of(docs, drafts, old)) {
            assertRefused(
                    () -> TreeRules.requireOutside(docs, target),
                    MetadataProblem.MOVE_INTO_ITSELF,
                    "\"Docs\" cannot move into itself or one of its subfolders.");
        }
    }

    @Test
    void anItemMovesUpwardsOrSideways() {
        assertThatNoException().isThrownBy(() -> TreeRules.requireOutside(old, root));
        assertThatNoException().isThrownBy(() -> TreeRules.requireOutside(old, docs));
        assertThatNoException().isThrownBy(() -> TreeRules.requireOutside(drafts, photos));
    }

    @Test
    void aFreeNameIsKeptWithoutLookingFurther() {
        assertThat(TreeRules.placeName("Report.pdf", Optional.empty(), null, OnConflict.FAIL, nothingAsked()))
                .isEqualTo("Report.pdf");
    }

    @Test
    void anItemKeepsItsOwnNameWhenItsCaseChanges() {
        Item file = child(docs, Item.Kind.FILE, "report.pdf");
        assertThat(TreeRules.placeName("Report.pdf", Optional.of(file), file.id(), OnConflict.FAIL, nothingAsked()))
                .isEqualTo("Report.pdf");
    }

    @Test
    void aTakenNameIsRefusedNamingItsHolder() {
        Item holder = child(docs, Item.Kind.FILE, "report.pdf");
        for (OnConflict policy : List.of(OnConflict.FAIL, OnConflict.NEW_VERSION)) {
            DepotException refused = assertRefused(
                    () -> TreeRules.placeName(
                            "Report.pdf", Optional.of(holder), UUID.randomUUID(), policy, nothingAsked()),
                    MetadataProblem.NAME_CONFLICT,
                    "\"report.pdf\" already exists in this folder.");
            assertThat(refused.properties())
                    .containsEntry("conflictingId", holder.id())
                    .containsEntry("conflictingKind", "file");
        }
    }

    @Test
    void renamingNumbersAFileBeforeItsExtensionSkippingTakenNumbers() {
        Item holder = child(docs, Item.Kind.FILE, "Report.pdf");
        List<String> asked = new ArrayList<>();
        String placed = TreeRules.placeName("Report.pdf", Optional.of(holder), null, OnConflict.RENAME, prefix -> {
            asked.add(prefix);
            return Set.of("report.pdf", "report (1).pdf", "report (2).pdf", "report (3).txt");
        });
        assertThat(placed).isEqualTo("Report (3).pdf");
        assertThat(asked).containsExactly("report");
    }

    @Test
    void renamingNumbersAFolderAfterItsWholeName() {
        Item holder = child(docs, Item.Kind.FOLDER, "photos.2024");
        assertThat(TreeRules.placeName(
                        "Photos.2024", Optional.of(holder), null, OnConflict.RENAME, prefix -> Set.of("photos.2024")))
                .isEqualTo("Photos.2024 (1)");
    }

    @Test
    void renamingGivesUpAfterTenThousandNumbers() {
        Item holder = child(docs, Item.Kind.FOLDER, "a");
        Set<String> taken = new HashSet<>(Set.of("a"));
        for (int n = 1; n <= 10_000; n++) {
            taken.add("a (" + n + ")");
        }
        assertRefused(
                () -> TreeRules.placeName("a", Optional.of(holder), null, OnConflict.RENAME, prefix -> taken),
                MetadataProblem.NAME_CONFLICT,
                "\"a\" already exists in this folder.");
        taken.remove("a (9999)");
        assertThat(TreeRules.placeName("a", Optional.of(holder), null, OnConflict.RENAME, prefix -> taken))
                .isEqualTo("a (9999)");
    }

    private static Function<String, Set<String>> nothingAsked() {
        return prefix -> {
            throw new AssertionError("the folder's names were read for " + prefix);
        };
    }

    private static Item child(Item parent, Item.Kind kind, String name) {
        return item(parent.id(), parent.childAncestors(), kind, name);
    }

    private static Item item(UUID parentId, List<UUID> ancestors, Item.Kind kind, String name) {
        return new Item(
                UUID.randomUUID(),
                UUID.randomUUID(),
                parentId,
                ancestors,
                kind,
                name,
                0,
                null,
                null,
                null,
                NOW,
                NOW,
                null,
                null);
    }
}
