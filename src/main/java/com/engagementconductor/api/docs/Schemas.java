package com.engagementconductor.api.docs;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small vocabulary for writing wire schemas by hand: the REST bodies are built as maps, not as Java types. */
final class Schemas {
    static final String ID_PATTERN = "^[A-Za-z0-9_-]{1,100}$";

    private Schemas() {}

    static Schema<Object> string() {
        return new Schema<>().type("string");
    }

    static Schema<Object> string(int maxLength) {
        return string().minLength(1).maxLength(maxLength);
    }

    static Schema<Object> id() {
        return string().pattern(ID_PATTERN);
    }

    static Schema<Object> uuid() {
        return string().format("uuid");
    }

    /** An RFC 3339 UTC timestamp with milliseconds. */
    static Schema<Object> time() {
        return string().format("date-time");
    }

    static Schema<Object> number() {
        return new Schema<>().type("number");
    }

    static Schema<Object> number(double min, double max) {
        return number().minimum(java.math.BigDecimal.valueOf(min)).maximum(java.math.BigDecimal.valueOf(max));
    }

    static Schema<Object> integer() {
        return new Schema<>().type("integer").format("int64");
    }

    static Schema<Object> integer(long min, long max) {
        return integer().minimum(java.math.BigDecimal.valueOf(min)).maximum(java.math.BigDecimal.valueOf(max));
    }

    static Schema<Object> bool() {
        return new Schema<>().type("boolean");
    }

    static Schema<Object> enumOf(String... values) {
        Schema<Object> s = string();
        s.setEnum(new ArrayList<>(Arrays.asList(values)));
        return s;
    }

    static Schema<Object> nullable(Schema<Object> schema) {
        return schema.nullable(true);
    }

    static Schema<Object> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    /** A nullable reference: OpenAPI 3.0 ignores siblings of {@code $ref}, hence the {@code allOf}. */
    static Schema<Object> nullableRef(String name) {
        return new Schema<>().nullable(true).allOf(List.of(ref(name)));
    }

    static Schema<Object> array(Schema<?> items) {
        @SuppressWarnings("unchecked")
        Schema<Object> a = (Schema<Object>) (Schema<?>) new ArraySchema().items(items);
        return a;
    }

    /** An object whose keys are not fixed (counts per type, free-form metadata). */
    static Schema<Object> mapOf(Schema<?> values) {
        return new Schema<>().type("object").additionalProperties(values);
    }

    static Schema<Object> anyObject() {
        return new Schema<>().type("object");
    }

    /**
     * An object from alternating names and schemas. Every property of a response is present (a value that is unknown
     * is {@code null}, contracts §0 rule 7), so every one is required.
     */
    static Schema<Object> object(Object... namesAndSchemas) {
        return properties(true, namesAndSchemas);
    }

    /** A request object: {@code required} lists the properties a caller must send. */
    static Schema<Object> request(List<String> required, Object... namesAndSchemas) {
        Schema<Object> s = properties(false, namesAndSchemas);
        s.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
        return s;
    }

    private static Schema<Object> properties(boolean allRequired, Object... namesAndSchemas) {
        if (namesAndSchemas.length % 2 != 0) {
            throw new IllegalArgumentException("names and schemas must alternate");
        }
        Map<String, Schema> properties = new LinkedHashMap<>();
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            properties.put((String) namesAndSchemas[i], (Schema<?>) namesAndSchemas[i + 1]);
        }
        Schema<Object> s = new Schema<>().type("object");
        s.setProperties(properties);
        if (allRequired) {
            s.setRequired(new ArrayList<>(properties.keySet()));
        }
        return s;
    }

    /** The same object with some properties that may be left out. */
    static Schema<Object> optional(Schema<Object> object, String... names) {
        List<String> required = new ArrayList<>(object.getRequired() == null ? List.of() : object.getRequired());
        required.removeAll(Arrays.asList(names));
        object.setRequired(required.isEmpty() ? null : required);
        return object;
    }
}
