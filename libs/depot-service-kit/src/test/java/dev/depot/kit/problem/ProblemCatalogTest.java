package dev.depot.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ProblemCatalogTest {

    static final class ShelfProblem {
        public static final ProblemCode SHELF_FULL = ProblemCode.of("SHELF_FULL", HttpStatus.CONFLICT, "Shelf full");
        public static final String NOT_A_PROBLEM = "SHELF_EMPTY";
        static final ProblemCode HIDDEN = ProblemCode.of("HIDDEN", HttpStatus.GONE, "Hidden");
    }

    static final class ClashingProblem {
        public static final ProblemCode NOT_FOUND = ProblemCode.of("NOT_FOUND", HttpStatus.NOT_FOUND, "Missing");
    }

    @Test
    void aServicesCatalogHoldsTheCommonProblemsAndItsOwnConstants() {
        ProblemCatalog catalog = ProblemCatalog.of(ShelfProblem.class);

        assertThat(catalog.get("SHELF_FULL")).isSameAs(ShelfProblem.SHELF_FULL);
        assertThat(catalog.get("VALIDATION_FAILED")).isSameAs(CommonProblem.VALIDATION_FAILED);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> catalog.get("SHELF_EMPTY"))
                .withMessage("No problem has the code SHELF_EMPTY");
        assertThatIllegalArgumentException().isThrownBy(() -> catalog.get("HIDDEN"));
    }

    @Test
    void aCodeDefinedTwiceIsRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> ProblemCatalog.of(ClashingProblem.class))
                .withMessage("ClashingProblem.NOT_FOUND defines NOT_FOUND again");
    }
}
