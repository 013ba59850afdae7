package dev.depot.auth.password;

import dev.depot.auth.AuthProblem;
import dev.depot.kit.problem.DepotException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What makes a password acceptable beyond its length (10 to 256 characters, checked on the
 * request): not a well-known password, not built on the account's own name or address, and not one
 * or two characters repeated.
 */
@Component
public class PasswordPolicy {

    private final Set<String> common;

    public PasswordPolicy() {
        var resource = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
        try (var reader = new BufferedReader(new InputStreamReader(resource, StandardCharsets.UTF_8))) {
            this.common = reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses a weak password with a problem that says why. */
    public void check(String password, String username, String email) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            throw weak("This password is one of the most common ones.");
        }
        if (lower.chars().distinct().count() < 4) {
            throw weak("Use more different characters.");
        }
        String localPart = email.substring(0, Math.max(0, email.indexOf('@')));
        for (String own : new String[] {username, localPart}) {
            if (own.length() >= 3 && lower.contains(own.toLowerCase(Locale.ROOT))) {
                throw weak("The password must not contain your username or email address.");
            }
        }
    }

    private static DepotException weak(String detail) {
        return new DepotException(AuthProblem.WEAK_PASSWORD, detail);
    }
}
