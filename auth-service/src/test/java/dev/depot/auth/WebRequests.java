package dev.depot.auth;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Requests of the web-layer slice tests. */
public final class WebRequests {

    private WebRequests() {}

    /** The request with a JSON body. */
    public static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** A valid access token of some account's session. */
    public static RequestPostProcessor signedIn() {
        return jwt().jwt(j -> j.subject(UUID.randomUUID().toString())
                .claim("sid", UUID.randomUUID().toString()));
    }
}
