package dev.depot.kit.problem;

import org.springframework.http.HttpStatus;

/** Problems every service can answer, whatever its domain. */
public enum CommonProblem implements ProblemCode {
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "Malformed request"),
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "Validation failed"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication required"),
    TOKEN_REVOKED(HttpStatus.UNAUTHORIZED, "Session ended"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Request too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    BACKEND_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
    BACKEND_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "Service timed out"),
    /** After {@link #BACKEND_UNAVAILABLE}, which {@link #forStatus} answers for a 503. */
    SESSION_CHECK_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Session check unavailable");

    private final HttpStatus status;
    private final String title;

    CommonProblem(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    /** The common problem for a status, {@link #INTERNAL} for any 5xx without its own entry. */
    public static CommonProblem forStatus(int status) {
        for (CommonProblem p : values()) {
            if (p.status.value() == status) {
                return p;
            }
        }
        return status == 422 || status < 500 ? MALFORMED_REQUEST : INTERNAL;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
