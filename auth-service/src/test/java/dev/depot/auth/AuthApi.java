package dev.depot.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JSON client of auth-service's API, speaking as one client address. */
final class AuthApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String address;

    AuthApi(String base) {
        this.base = base;
        int n = ADDRESSES.getAndIncrement();
        this.address = "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    String address() {
        return address;
    }

    HttpResponse<String> send(String method, String path, Object body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("X-Depot-Client-Address", address)
                .header("User-Agent", "auth-test/1.0");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(
                            method,
                            HttpRequest.BodyPublishers.ofString(
                                    body instanceof String s ? s : JSON.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Object body) throws Exception {
        return send("POST", path, body, null);
    }

    HttpResponse<String> signup(String email, String username, String password) throws Exception {
        return post("/api/auth/signup", Map.of("email", email, "username", username, "password", password));
    }

    HttpResponse<String> login(String login, String password) throws Exception {
        return post("/api/auth/login", Map.of("login", login, "password", password));
    }

    /** Signs in and returns the token response. */
    JsonNode tokens(String login, String password) throws Exception {
        HttpResponse<String> response = login(login, password);
        if (response.statusCode() != 200) {
            throw new AssertionError("login failed: " + response.body());
        }
        return JSON.readTree(response.body());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** A fresh identity: unique address and username. */
    record Person(String email, String username, String password) {
        static Person fresh() {
            String id = UUID.randomUUID().toString().substring(0, 8);
            return new Person("p" + id + "@example.org", "user_" + id, "Correct horse " + id);
        }
    }
}
