package dev.depot.auth.password;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are hashed with Argon2id (16-byte salt, 32-byte hash, 1 lane, 19 MiB, 2 passes: the
 * OWASP minimum). Hashes carry their scheme ({@code {argon2id}...}), so the parameters can be
 * raised later and old hashes upgraded at the next login. At most one hash per core runs at a time
 * ({@link GatedPasswordEncoder}).
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    static final String SCHEME = "argon2id";

    @Bean
    PasswordEncoder passwordEncoder() {
        PasswordEncoder argon2id = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        PasswordEncoder schemes = new DelegatingPasswordEncoder(SCHEME, Map.of(SCHEME, argon2id));
        return new GatedPasswordEncoder(schemes, Runtime.getRuntime().availableProcessors());
    }
}
