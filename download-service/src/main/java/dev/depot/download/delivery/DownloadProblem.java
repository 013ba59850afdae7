package dev.depot.download.delivery;

import dev.depot.kit.problem.ProblemCode;
import org.springframework.http.HttpStatus;

/** The download service's problem catalog. */
final class DownloadProblem {

    static final ProblemCode TICKET_INVALID =
            ProblemCode.of("TICKET_INVALID", HttpStatus.FORBIDDEN, "Invalid download link");
    static final ProblemCode TICKET_EXPIRED =
            ProblemCode.of("TICKET_EXPIRED", HttpStatus.FORBIDDEN, "Download link expired");
    static final ProblemCode OBJECT_NOT_FOUND =
            ProblemCode.of("OBJECT_NOT_FOUND", HttpStatus.NOT_FOUND, "File content not found");
    static final ProblemCode RANGE_NOT_SATISFIABLE = ProblemCode.of(
            "RANGE_NOT_SATISFIABLE", HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "Range not satisfiable");
    static final ProblemCode PRECONDITION_FAILED =
            ProblemCode.of("PRECONDITION_FAILED", HttpStatus.PRECONDITION_FAILED, "Precondition failed");

    private DownloadProblem() {}
}
