package dev.depot.metadata;

import static dev.depot.metadata.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.localinfra.TestInfra;
import dev.depot.metadata.access.Caller;
import dev.depot.metadata.tree.Item;
import dev.depot.metadata.tree.OnConflict;
import dev.depot.metadata.tree.TreeService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The activity log on real Postgres is written in the transaction of the change it records: an
 * entry is there as soon as the request returns, unseen by others until the change commits, and
 * gone with a change that rolls back.
 */
@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActivityTest {

    @LocalServerPort
    int port;

    @Autowired
    TreeService tree;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void anEntryIsListedAsSoonAsTheRequestThatMadeItReturns() throws Exception {
        Api alice = new Api(port);
        UUID folder = alice.folder(alice.root(), "Reports");
        ok(alice.patch("/api/folders/" + folder, Map.of("name", "Reports 2026")), 200);

        JsonNode items =
                ok(alice.get("/api/activity?resourceId=" + folder), 200).get("items");
        List<String> actions = new ArrayList<>();
        items.forEach(a -> actions.add(a.get("action").asString()));
        assertThat(actions).containsExactly("folder.renamed", "folder.created");
        JsonNode renamed = items.get(0);
        assertThat(renamed.get("actorId").asString()).isEqualTo(alice.userId.toString());
        assertThat(renamed.get("resourceName").asString()).isEqualTo("Reports 2026");
        assertThat(renamed.at("/details/oldName").asString()).isEqualTo("Reports");
    }

    @Test
    void aChangeThatRollsBackLeavesNoEntry() throws Exception {
        Api alice = new Api(port);
        UUID root = alice.root();
        Caller caller = new Caller(alice.userId, null, true);

        Item folder = tx.execute(status -> {
            Item created = tree.createFolder(caller, root, "Never kept", OnConflict.FAIL);
            assertThat(entries(created.id()))
                    .as("inside the change's transaction")
                    .isOne();
            assertThat(entriesSeenElsewhere(created.id()))
                    .as("before the commit")
                    .isZero();
            status.setRollbackOnly();
            return created;
        });

        assertThat(tree.find(folder.id())).isEmpty();
        assertThat(entries(folder.id())).isZero();
        assertThat(ok(alice.get("/api/activity?resourceId=" + folder.id()), 200).get("items"))
                .isEmpty();
    }

    private int entries(UUID resourceId) {
        return jdbc.queryForObject("SELECT count(*) FROM activity WHERE resource_id = ?", Integer.class, resourceId);
    }

    /** Counted on a connection of its own, outside any transaction of this thread. */
    private int entriesSeenElsewhere(UUID resourceId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count =
                        connection.prepareStatement("SELECT count(*) FROM activity WHERE resource_id = ?")) {
            count.setObject(1, resourceId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
