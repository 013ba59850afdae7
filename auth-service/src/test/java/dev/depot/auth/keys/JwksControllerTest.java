package dev.depot.auth.keys;

import static dev.depot.localinfra.MockMvcProblems.assertProblem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.depot.auth.WebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The key set answers only what it is: a GET of JSON. */
@WebMvcTest(JwksController.class)
@WebSlice
@MockitoBean(types = SigningKeys.class)
class JwksControllerTest {

    private static final String JWKS = "/api/auth/.well-known/jwks.json";

    @Autowired
    MockMvc mvc;

    @Test
    void anotherMethodOrMediaTypeIsRefused() throws Exception {
        assertProblem(mvc, post(JWKS), 405, "METHOD_NOT_ALLOWED");
        assertProblem(mvc, get(JWKS).header("Accept", "text/html"), 406, "NOT_ACCEPTABLE");
    }
}
