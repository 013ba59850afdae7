package dev.depot.kit.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The schemas of a service's records (those in its own packages) say what the JSON holds, as
 * Jackson writes it: every component is a required property, null only where it is {@link
 * Nullable}; a {@code @Nullable} component that {@link JsonInclude} leaves out when null is
 * optional instead, and never null. Generated clients get non-optional fields where the service
 * always sends them. (In request bodies a client may leave out what may be null: {@link
 * OpenApiConfiguration} makes those properties optional there.)
 */
class RecordSchemas implements ModelConverter {

    private final List<String> packages;

    RecordSchemas(List<String> packages) {
        this.packages = List.copyOf(packages);
    }

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (resolved == null || !raw.isRecord() || !ownRecord(raw)) {
            return resolved;
        }
        // a named model comes back as a reference; the model itself is among the defined ones
        String ref = resolved.get$ref();
        Schema<?> schema =
                ref == null ? resolved : context.getDefinedModels().get(ref.substring(ref.lastIndexOf('/') + 1));
        if (schema == null || schema.getProperties() == null) {
            return resolved;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            Schema<?> property = schema.getProperties().get(component.getName());
            if (property == null) {
                continue;
            }
            boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
            if (nullable && leftOutWhenNull(component)) {
                continue;
            }
            if (nullable && property.getTypes() != null) {
                property.addType("null");
                if (property.getEnum() != null) {
                    property.addEnumItemObject(null);
                }
            }
            if (schema.getRequired() == null || !schema.getRequired().contains(component.getName())) {
                schema.addRequiredItem(component.getName());
            }
        }
        return resolved;
    }

    private boolean ownRecord(Class<?> record) {
        String name = record.getPackageName();
        return packages.stream().anyMatch(p -> name.equals(p) || name.startsWith(p + "."));
    }

    private static boolean leftOutWhenNull(RecordComponent component) {
        JsonInclude include = component.getAccessor().getAnnotation(JsonInclude.class);
        return include != null
                && include.value() != JsonInclude.Include.ALWAYS
                && include.value() != JsonInclude.Include.USE_DEFAULTS;
    }
}
