package dev.depot.kit.problem;

import java.util.Map;

/**
 * A refusal the client can act on. It carries its catalog entry, a detail sentence safe to show and
 * extra members for the problem body (e.g. {@code expectedOffset}); no stack is captured.
 */
public class DepotException extends RuntimeException {

    /** A property (whole seconds) that also becomes the response's {@code Retry-After} header. */
    public static final String RETRY_AFTER = "retryAfter";

    private final ProblemCode problem;
    private final Map<String, Object> properties;

    public DepotException(ProblemCode problem, String detail) {
        this(problem, detail, Map.of());
    }

    public DepotException(ProblemCode problem, String detail, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.problem = problem;
        this.properties = Map.copyOf(properties);
    }

    public ProblemCode problem() {
        return problem;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
