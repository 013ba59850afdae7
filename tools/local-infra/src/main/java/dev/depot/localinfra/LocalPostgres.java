package dev.depot.localinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

/** Embedded PostgreSQL with its data directory kept between runs; database {@code depot}. */
final class LocalPostgres implements InfraComponent {

    static final String DATABASE = "depot";

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    LocalPostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public Map<String, String> start() throws Exception {
        Files.createDirectories(dataDir);
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "300")
                // stopped by close(), after the services that use it (not by a hook of its own, racing theirs)
                .setRegisterShutdownHook(false)
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + DATABASE);
                }
            }
        }
        return Map.of(
                "DEPOT_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE,
                "DEPOT_DB_USER", "postgres",
                "DEPOT_DB_PASSWORD", "");
    }

    @Override
    public void close() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }
}
