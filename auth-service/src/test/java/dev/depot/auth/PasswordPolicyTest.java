package dev.depot.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.depot.auth.password.PasswordPolicy;
import dev.depot.kit.problem.DepotException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1234567890",
                "QwertyUiop",
                "password123",
                "iloveyou123",
                "aaaaaaaaaaaa",
                "abababababab",
                "xyzzy_alice_2024",
                "Alice.Smith-2024"
            })
    void weakPasswordsAreRefused(String password) {
        assertThatThrownBy(() -> policy.check(password, "Alice_", "alice.smith@example.org"))
                .isInstanceOfSatisfying(
                        DepotException.class,
                        e -> assertThat(e.problem().code()).isEqualTo("WEAK_PASSWORD"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "Tr0ub4dor&3x", "zq8#Lm2!vR"})
    void otherPasswordsPass(String password) {
        assertThatCode(() -> policy.check(password, "alice", "alice.smith@example.org"))
                .doesNotThrowAnyException();
    }
}
