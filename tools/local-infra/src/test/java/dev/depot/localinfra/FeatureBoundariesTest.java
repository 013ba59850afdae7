package dev.depot.localinfra;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class FeatureBoundariesTest {

    private static final String FIXTURE = "dev.depot.localinfra.fixture";

    private static void check(String root) {
        FeatureBoundaries.check(root, new ClassFileImporter().importPackages(root));
    }

    @Test
    void featuresThatUseEachOtherInBothDirectionsAreACycle() {
        assertThatThrownBy(() -> check(FIXTURE + ".cycle"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("free of cycles")
                .hasMessageContaining("feature 'a'");
    }

    @Test
    void aFeatureDoesNotUseAnotherFeaturesRepository() {
        assertThatThrownBy(() -> check(FIXTURE + ".reach"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OtherService")
                .hasMessageContaining("ThingRepository");
    }

    @Test
    void aFeatureMayUseAnotherFeaturesServiceAndItsOwnRepository() {
        assertThatCode(() -> check(FIXTURE + ".fine")).doesNotThrowAnyException();
    }

    @Test
    void aRootWithoutFeaturesIsAMistakeNotAPass() {
        assertThatThrownBy(() -> check("dev.depot.nothing.here")).hasMessageContaining("no classes found");
    }
}
