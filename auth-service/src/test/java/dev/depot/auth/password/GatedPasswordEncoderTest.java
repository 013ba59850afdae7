package dev.depot.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashes take turns: never more at once than the gate allows, and all of them run. */
class GatedPasswordEncoderTest {

    /** Records how many calls run at once; each takes a while, like a real hash. */
    private static final class SlowEncoder implements PasswordEncoder {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();

        private void work() {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public String encode(CharSequence raw) {
            work();
            return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            work();
            return encoded.equals("hash:" + raw);
        }
    }

    @Test
    void atMostTheAllowedNumberOfHashesRunAtOnce() throws Exception {
        SlowEncoder slow = new SlowEncoder();
        PasswordEncoder gated = new GatedPasswordEncoder(slow, 2);
        List<Future<Boolean>> results = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 16; i++) {
                String password = "secret " + i;
                boolean encode = i % 2 == 0;
                results.add(threads.submit(() -> encode
                        ? gated.encode(password).equals("hash:" + password)
                        : gated.matches(password, "hash:" + password)));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        }
        assertThat(slow.most.get()).isEqualTo(2);
    }
}
