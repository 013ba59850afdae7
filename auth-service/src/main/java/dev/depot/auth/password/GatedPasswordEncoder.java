package dev.depot.auth.password;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lets at most one password hash per core run at a time; the others wait their turn. A hash is pure
 * CPU and memory (Argon2id: 19 MiB each): run side by side beyond the cores, every one of them
 * slows down and the memory adds up, so a burst of logins would make them all slow. Taking turns,
 * each runs at full speed, and a flood of logins queues here instead of starving the rest of the
 * service.
 */
final class GatedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore turns;

    GatedPasswordEncoder(PasswordEncoder delegate, int concurrent) {
        this.delegate = delegate;
        this.turns = new Semaphore(concurrent, true);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return inTurn(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return inTurn(() -> delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private <T> T inTurn(Supplier<T> hashing) {
        turns.acquireUninterruptibly();
        try {
            return hashing.get();
        } finally {
            turns.release();
        }
    }
}
