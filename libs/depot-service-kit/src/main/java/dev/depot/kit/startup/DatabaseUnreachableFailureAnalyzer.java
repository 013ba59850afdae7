package dev.depot.kit.startup;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/** The database named by DEPOT_DB_URL cannot be reached or refuses the credentials. */
public final class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    public DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable root, SQLException cause) {
        String state = cause.getSQLState();
        boolean connection =
                state != null && (state.startsWith("08") || state.startsWith("28") || state.equals("3D000"));
        if (!connection) {
            return null;
        }
        String url = environment.getProperty("spring.datasource.url", "(not set)");
        return new FailureAnalysis(
                "Cannot use the database at DEPOT_DB_URL=" + url + ": " + cause.getMessage(),
                "Check DEPOT_DB_URL, DEPOT_DB_USER and DEPOT_DB_PASSWORD, and that PostgreSQL is running.",
                null);
    }
}
