package dev.depot.auth;

import dev.depot.kit.problem.ProblemCode;
import org.springframework.http.HttpStatus;

/** auth-service's problem catalog. Messages never say whether an account exists. */
public final class AuthProblem {

    public static final ProblemCode WEAK_PASSWORD =
            ProblemCode.of("WEAK_PASSWORD", HttpStatus.BAD_REQUEST, "Password too weak");
    public static final ProblemCode EMAIL_TAKEN =
            ProblemCode.of("EMAIL_TAKEN", HttpStatus.CONFLICT, "Email address already in use");
    public static final ProblemCode USERNAME_TAKEN =
            ProblemCode.of("USERNAME_TAKEN", HttpStatus.CONFLICT, "Username already in use");
    public static final ProblemCode TOKEN_INVALID =
            ProblemCode.of("TOKEN_INVALID", HttpStatus.BAD_REQUEST, "Link invalid or expired");
    public static final ProblemCode INVALID_CREDENTIALS =
            ProblemCode.of("INVALID_CREDENTIALS", HttpStatus.UNAUTHORIZED, "Invalid credentials");
    public static final ProblemCode TOO_MANY_ATTEMPTS =
            ProblemCode.of("TOO_MANY_ATTEMPTS", HttpStatus.TOO_MANY_REQUESTS, "Too many attempts");
    public static final ProblemCode REFRESH_TOKEN_INVALID =
            ProblemCode.of("REFRESH_TOKEN_INVALID", HttpStatus.UNAUTHORIZED, "Refresh token invalid");
    public static final ProblemCode ORIGIN_NOT_ALLOWED =
            ProblemCode.of("ORIGIN_NOT_ALLOWED", HttpStatus.FORBIDDEN, "Origin not allowed");
    public static final ProblemCode SESSION_NOT_FOUND =
            ProblemCode.of("SESSION_NOT_FOUND", HttpStatus.NOT_FOUND, "Session not found");
    public static final ProblemCode WRONG_PASSWORD =
            ProblemCode.of("WRONG_PASSWORD", HttpStatus.FORBIDDEN, "Wrong password");

    private AuthProblem() {}
}
