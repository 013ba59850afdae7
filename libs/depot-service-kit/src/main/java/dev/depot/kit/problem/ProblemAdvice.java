package dev.depot.kit.problem;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception a controller lets through into an RFC 9457 problem with the Depot members.
 * Unknown failures become a bare 500 "internal error"; their cause is logged once.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(DepotException.class)
    ResponseEntity<ProblemDetail> handleDepot(DepotException e) {
        ProblemDetail body = Problems.of(e);
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.properties().get(DepotException.RETRY_AFTER) instanceof Number seconds) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds.longValue()));
        }
        return response.body(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        LOG.error("unhandled exception", e);
        return respond(Problems.of(CommonProblem.INTERNAL, "An internal error occurred."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(
                "The request has invalid fields.",
                e.getBindingResult().getFieldErrors().stream()
                        .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                        .toList(),
                headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(
                "The request has invalid parameters.",
                e.getParameterValidationResults().stream()
                        .flatMap(r -> r.getResolvableErrors().stream()
                                .map(error -> Map.of(
                                        "field",
                                                String.valueOf(
                                                        r.getMethodParameter().getParameterName()),
                                        "message", String.valueOf(error.getDefaultMessage()))))
                        .toList(),
                headers);
    }

    /** A 400 {@code VALIDATION_FAILED} listing each offending field or parameter. */
    private static ResponseEntity<Object> invalid(
            String detail, List<Map<String, String>> errors, HttpHeaders headers) {
        ProblemDetail body = Problems.of(CommonProblem.VALIDATION_FAILED, detail);
        body.setProperty("errors", errors);
        return ResponseEntity.status(body.getStatus())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Object enriched = body instanceof ProblemDetail p ? Problems.enrich(p) : body;
        return new ResponseEntity<>(enriched, headers, status);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
