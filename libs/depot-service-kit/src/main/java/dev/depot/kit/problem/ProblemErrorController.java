package dev.depot.kit.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors raised outside controllers (filters, the container) with a problem body instead of
 * the default error page, so no path of the service ever returns anything but RFC 9457.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping(
            value = "${server.error.path:/error}",
            produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, "*/*"})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer i ? i : 500;
        CommonProblem problem = CommonProblem.forStatus(code);
        ProblemDetail body = Problems.of(
                problem, problem == CommonProblem.INTERNAL ? "An internal error occurred." : problem.title() + ".");
        body.setStatus(code);
        return ResponseEntity.status(code)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
