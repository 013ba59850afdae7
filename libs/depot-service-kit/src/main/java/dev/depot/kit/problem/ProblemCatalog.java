package dev.depot.kit.problem;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every problem a service answers, by {@code code}: the {@link CommonProblem}s and the {@link
 * ProblemCode} constants of the service's own catalog class (e.g. {@code AuthProblem}).
 */
public final class ProblemCatalog {

    private final Map<String, ProblemCode> byCode;

    private ProblemCatalog(Map<String, ProblemCode> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    /**
     * The common problems and the public static {@link ProblemCode} fields of {@code catalog}; a code
     * defined twice is an error.
     */
    public static ProblemCatalog of(Class<?> catalog) {
        Map<String, ProblemCode> codes = new TreeMap<>();
        for (CommonProblem problem : CommonProblem.values()) {
            codes.put(problem.code(), problem);
        }
        for (Field field : catalog.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProblemCode.class) {
                ProblemCode problem;
                try {
                    problem = (ProblemCode) field.get(null);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (codes.putIfAbsent(problem.code(), problem) != null) {
                    throw new IllegalStateException(
                            catalog.getSimpleName() + "." + field.getName() + " defines " + problem.code() + " again");
                }
            }
        }
        return new ProblemCatalog(codes);
    }

    /** The problem of a code, which must be in the catalog. */
    public ProblemCode get(String code) {
        ProblemCode problem = byCode.get(code);
        if (problem == null) {
            throw new IllegalArgumentException("No problem has the code " + code);
        }
        return problem;
    }
}
