package dev.depot.metadata.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.localinfra.ServiceClient;
import dev.depot.localinfra.TestInfra;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** An upload the upload side never reported on is released an hour after its expiry. */
@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaleUploadJobTest {

    @LocalServerPort
    int port;

    @Autowired
    StaleUploadJob job;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void reservationsOfLongExpiredUploadsAreReleased() throws Exception {
        UUID user = UUID.randomUUID();
        ServiceClient client = new ServiceClient(port);
        String token = TestInfra.tokens().issue(user.toString());
        var started = client.send(client.request("/api/files", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"lost.bin\",\"size\":777}")));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(reserved(user)).isEqualTo(777);
        jdbc.update(
                "UPDATE versions SET upload_expires_at = now() - interval '2 hours'" + " WHERE created_by = ?", user);

        job.expire();

        assertThat(reserved(user)).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM items WHERE owner_id = ?" + " AND kind = 'file'", Integer.class, user))
                .isZero();
    }

    private long reserved(UUID user) {
        return jdbc.queryForObject("SELECT reserved_bytes FROM quota_ledgers WHERE user_id = ?", Long.class, user);
    }
}
