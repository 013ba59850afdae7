package dev.depot.download;

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

  private DownloadProblem() {}
}
