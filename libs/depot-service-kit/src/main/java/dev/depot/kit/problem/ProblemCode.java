package dev.depot.kit.problem;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatusCode;

/**
 * One entry of a service's problem catalog: a stable machine-readable {@code code} (what clients
 * branch on), its HTTP status and a short human title. The {@code type} URI derives from the code.
 */
public interface ProblemCode {

    String TYPE_BASE = "https://depot.dev/problems/";

    String code();

    HttpStatusCode status();

    String title();

    default URI type() {
        return URI.create(TYPE_BASE + code().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** A catalog entry, for a service's own catalog of constants. */
    static ProblemCode of(String code, HttpStatusCode status, String title) {
        return new Entry(code, status, title);
    }

    record Entry(String code, HttpStatusCode status, String title) implements ProblemCode {}
}
