package dev.depot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The local stack serves the docs site next to the dashboard, as compose does. */
class DocsSiteTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theDocsSiteIsServedOnPort3001() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Depot");
        HttpResponse<String> uploads = get("/uploads");
        assertThat(uploads.statusCode()).isEqualTo(200);
        assertThat(uploads.body()).contains("Resumable uploads");
        assertThat(get("/no-such-page").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:3001" + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
