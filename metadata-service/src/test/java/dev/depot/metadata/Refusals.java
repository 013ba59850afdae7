package dev.depot.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.depot.kit.problem.DepotException;
import dev.depot.kit.problem.ProblemCode;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** What unit tests check of a rule that refuses: the catalog entry and the sentence shown. */
public final class Refusals {

    private Refusals() {}

    /** The refusal {@code rule} throws, once its problem and detail are as expected. */
    public static DepotException assertRefused(ThrowingCallable rule, ProblemCode problem, String detail) {
        DepotException refused = catchThrowableOfType(DepotException.class, rule);
        assertThat(refused).as("refused with " + problem.code()).isNotNull().hasMessage(detail);
        assertThat(refused.problem()).isEqualTo(problem);
        return refused;
    }
}
