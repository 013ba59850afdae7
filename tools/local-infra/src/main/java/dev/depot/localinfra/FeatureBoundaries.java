package dev.depot.localinfra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The rules every service's feature packages keep ({@code dev.depot.<service>.<feature>}): they
 * form a graph without cycles, and a feature's {@code XxxRepository} is used by that feature alone
 * — the others go through its service or an in-process event. Reads compiled classes only: no
 * Spring, no infrastructure.
 */
public final class FeatureBoundaries {

    private FeatureBoundaries() {}

    /** Checks the production classes under {@code rootPackage}, e.g. {@code "dev.depot.metadata"}. */
    public static void verify(String rootPackage) {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolving = configuration.resolveMissingDependenciesFromClassPath();
        // the rules look at the service's own classes only: reading every library class they
        // mention from the class path would take seconds and decide nothing
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            check(
                    rootPackage,
                    new ClassFileImporter()
                            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                            .importPackages(rootPackage));
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolving);
        }
    }

    /** Checks the given classes; throws an {@link AssertionError} listing every violation. */
    public static void check(String rootPackage, JavaClasses classes) {
        if (classes.stream().noneMatch(c -> c.getPackageName().startsWith(rootPackage + "."))) {
            throw new AssertionError("no classes found in the feature packages of " + rootPackage);
        }
        CompositeArchRule.of(slices().matching(rootPackage + ".(*)..")
                        .namingSlices("feature '$1'")
                        .should()
                        .beFreeOfCycles()
                        .because("features depend on each other in one direction only")
                        .allowEmptyShould(true))
                .and(classes()
                        .that()
                        .resideInAPackage(rootPackage + "..")
                        .and()
                        .haveSimpleNameEndingWith("Repository")
                        .should(beUsedOnlyInsideTheirFeature(rootPackage))
                        .because("a feature talks to another through its public service or an in-process event,"
                                + " not its repository")
                        .allowEmptyShould(true))
                .check(classes);
    }

    private static ArchCondition<JavaClass> beUsedOnlyInsideTheirFeature(String rootPackage) {
        return new ArchCondition<>("be used only inside their own feature") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                String home = feature(rootPackage, repository);
                for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
                    if (!feature(rootPackage, dependency.getOriginClass()).equals(home)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The first package segment below the root ("" for the root package itself). */
    private static String feature(String rootPackage, JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(rootPackage + ".")) {
            return "";
        }
        String rest = name.substring(rootPackage.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
