package dev.depot.metadata;

import static dev.depot.localinfra.ProblemAssertions.assertProblem;
import static dev.depot.metadata.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.localinfra.TestInfra;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Folders on real Postgres: names, conflicts, deep moves, listings and the trash. */
@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TreeTest {

    @LocalServerPort
    int port;

    private Api alice;

    @BeforeEach
    void user() throws Exception {
        alice = new Api(port);
    }

    @Test
    void namesAreNormalizedAndCollideRegardlessOfFormAndCase() throws Exception {
        UUID root = alice.root();
        JsonNode nfc = ok(alice.post("/api/folders", Map.of("name", "  Caf\u00e9  ")), 201);
        assertThat(nfc.get("name").asString()).isEqualTo("Caf\u00e9");
        assertThat(nfc.get("parentId").asString()).isEqualTo(root.toString());
        JsonNode conflict =
                assertProblem(alice.post("/api/folders", Map.of("name", "CAFE\u0301")), 409, "NAME_CONFLICT");
        assertThat(conflict.get("conflictingId").asString())
                .isEqualTo(nfc.get("id").asString());
        JsonNode renamed = ok(alice.post("/api/folders", Map.of("name", "cafe\u0301", "onConflict", "rename")), 201);
        assertThat(renamed.get("name").asString()).isEqualTo("caf\u00e9 (1)");
        assertThat(ok(alice.post("/api/folders", Map.of("name", "Caf\u00e9", "onConflict", "rename")), 201)
                        .get("name")
                        .asString())
                .isEqualTo("Caf\u00e9 (2)");
    }

    @Test
    void badNamesAreRefusedWithAReason() throws Exception {
        for (String bad : List.of(
                "",
                "   ",
                ".",
                "..",
                "a/b",
                "a\\b",
                "nul\u0000",
                "tab\tname",
                "evil\u202Egnp.exe",
                "x".repeat(256),
                "\u00e9".repeat(128))) {
            JsonNode problem = assertProblem(alice.post("/api/folders", Map.of("name", bad)), 400, "INVALID_NAME");
            assertThat(problem.get("detail").asString()).isNotBlank();
        }
        assertProblem(alice.post("/api/folders", "{\"name\":"), 400, "MALFORMED_REQUEST");
        assertProblem(alice.post("/api/folders", Map.of("name", "x", "onConflict", "maybe")), 400, "MALFORMED_REQUEST");
        assertThat(ok(alice.post("/api/folders", Map.of("name", "x".repeat(255))), 201)
                        .get("name")
                        .asString())
                .hasSize(255);
        assertThat(ok(alice.post("/api/folders", Map.of("name", "\uD83D\uDCC1 \u05E9\u05DC\u05D5\u05DD")), 201)
                        .get("name")
                        .asString())
                .isEqualTo("\uD83D\uDCC1 \u05E9\u05DC\u05D5\u05DD");
    }

    @Test
    void deepMovesKeepEveryDescendantsPathRight() throws Exception {
        UUID root = alice.root();
        List<UUID> chain = new ArrayList<>();
        UUID parent = root;
        for (int i = 0; i < 40; i++) {
            parent = alice.folder(parent, "level " + i);
            chain.add(parent);
        }
        UUID target = alice.folder(root, "archive");
        UUID deepest = chain.getLast();
        assertProblem(
                alice.patch("/api/folders/" + chain.getFirst(), Map.of("parentId", chain.get(20))),
                409,
                "MOVE_INTO_ITSELF");
        assertProblem(
                alice.patch("/api/folders/" + chain.getFirst(), Map.of("parentId", chain.getFirst())),
                409,
                "MOVE_INTO_ITSELF");
        ok(alice.patch("/api/folders/" + chain.get(10), Map.of("parentId", target, "name", "moved")), 200);
        JsonNode path = ok(alice.get("/api/folders/" + deepest), 200).get("path");
        List<String> names = new ArrayList<>();
        path.forEach(p -> names.add(p.get("name").asString()));
        List<String> expected = new ArrayList<>(List.of("/", "archive", "moved"));
        for (int i = 11; i < 39; i++) {
            expected.add("level " + i);
        }
        assertThat(names).containsExactlyElementsOf(expected);
        ok(alice.patch("/api/folders/" + target, Map.of("name", "Archive 2026")), 200);
        assertThat(ok(alice.get("/api/folders/" + deepest), 200)
                        .at("/path/1/name")
                        .asString())
                .isEqualTo("Archive 2026");
        assertProblem(alice.patch("/api/folders/" + root, Map.of("name", "x")), 409, "ROOT_FOLDER_IMMUTABLE");
    }

    @Test
    void childrenPageFoldersFirstInEveryOrder() throws Exception {
        UUID folder = alice.folder(alice.root(), "paged");
        for (int i = 0; i < 25; i++) {
            alice.folder(folder, String.format("dir %02d", i));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok(
                    alice.get("/api/folders/"
                            + folder
                            + "/children?limit=7&order=desc"
                            + (cursor == null ? "" : "&cursor=" + cursor)),
                    200);
            page.get("items").forEach(i -> seen.add(i.get("name").asString()));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(seen).hasSize(25).first().isEqualTo("dir 24");
        assertThat(seen).isSortedAccordingTo(Comparator.reverseOrder());
        assertProblem(alice.get("/api/folders/" + folder + "/children?cursor=bm9wZQ"), 400, "INVALID_CURSOR");
        assertProblem(alice.get("/api/folders/" + folder + "/children?sort=colour"), 400, "VALIDATION_FAILED");
        assertProblem(alice.get("/api/folders/" + folder + "/children?limit=0"), 400, "VALIDATION_FAILED");
    }

    @Test
    void otherUsersSeeNothingOfMyFolders() throws Exception {
        UUID mine = alice.folder(alice.root(), "private");
        Api mallory = new Api(port);
        assertProblem(mallory.get("/api/folders/" + mine), 404, "FOLDER_NOT_FOUND");
        assertProblem(mallory.get("/api/folders/" + mine + "/children"), 404, "FOLDER_NOT_FOUND");
        assertProblem(mallory.post("/api/folders", Map.of("parentId", mine, "name", "x")), 404, "FOLDER_NOT_FOUND");
        assertProblem(mallory.delete("/api/folders/" + mine), 404, "FOLDER_NOT_FOUND");
        assertProblem(mallory.get("/api/folders/not-a-uuid"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void trashTakesWholeSubtreesAndBringsThemBack() throws Exception {
        UUID root = alice.root();
        UUID projects = alice.folder(root, "projects");
        UUID inner = alice.folder(projects, "inner");
        alice.folder(inner, "deepest");
        ok(alice.delete("/api/folders/" + projects), 204);
        assertProblem(alice.get("/api/folders/" + inner), 404, "FOLDER_NOT_FOUND");
        JsonNode trash = ok(alice.get("/api/trash"), 200).get("items");
        assertThat(trash).hasSize(1);
        assertThat(trash.get(0).get("id").asString()).isEqualTo(projects.toString());
        // the name is free again while the folder waits in the trash
        UUID replacement = alice.folder(root, "projects");
        JsonNode restored = ok(alice.post("/api/trash/" + projects + "/restore", null), 200);
        assertThat(restored.get("name").asString()).isEqualTo("projects (1)");
        assertThat(ok(alice.get("/api/folders/" + inner + "/children"), 200).get("items"))
                .hasSize(1);
        assertThat(ok(alice.get("/api/trash"), 200).get("items")).isEmpty();
        // restoring into a parent that is itself in the trash lands in the root folder
        ok(alice.delete("/api/folders/" + inner), 204);
        ok(alice.delete("/api/folders/" + projects), 204);
        JsonNode back = ok(alice.post("/api/trash/" + inner + "/restore", null), 200);
        assertThat(back.get("parentId").asString()).isEqualTo(root.toString());
        assertThat(ok(alice.get("/api/folders/" + inner), 200).get("path")).hasSize(1);
        ok(alice.delete("/api/trash/" + projects), 204);
        assertProblem(alice.post("/api/trash/" + projects + "/restore", null), 404, "TRASH_ITEM_NOT_FOUND");
        assertProblem(alice.delete("/api/trash/" + replacement), 404, "TRASH_ITEM_NOT_FOUND");
        assertProblem(alice.delete("/api/folders/" + root), 409, "ROOT_FOLDER_IMMUTABLE");
    }
}
