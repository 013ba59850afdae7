package dev.depot.download;

import dev.depot.kit.problem.ProblemCode;
import org.springframework.http.HttpStatus;

/** The download service's problem catalog. */
enum DownloadProblem implements ProblemCode {
  TICKET_INVALID(HttpStatus.FORBIDDEN, "Invalid download link"),
  TICKET_EXPIRED(HttpStatus.FORBIDDEN, "Download link expired"),
  OBJECT_NOT_FOUND(HttpStatus.NOT_FOUND, "File content not found");

  private final HttpStatus status;
  private final String title;

  DownloadProblem(HttpStatus status, String title) {
    this.status = status;
    this.title = title;
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
