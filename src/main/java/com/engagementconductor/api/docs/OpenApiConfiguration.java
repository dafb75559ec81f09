package com.engagementconductor.api.docs;

import com.engagementconductor.api.Access;
import com.engagementconductor.shared.auth.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI 3 description at {@code /v3/api-docs} (viewer at {@code /swagger-ui/index.html}), without authentication.
 * Handlers are described by {@link ApiOperations}; every {@code /api/v1} operation gets the bearer JWT requirement and
 * the problem answers it shares with the others. Off when springdoc is disabled ({@code CONDUCTOR_ROLE=gateway}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", havingValue = "true", matchIfMissing = true)
class OpenApiConfiguration {
    static final String BEARER = "bearer-jwt";
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Map<String, String> SHARED_ERRORS = Map.of(
            "400", "validation_failed (with errors[]), malformed_json",
            "401", "unauthenticated, token_invalid, token_expired (with WWW-Authenticate: Bearer)",
            "403",
                    "forbidden: the token lacks the permission, or the session or event belongs to another"
                            + " organization",
            "429", "rate_limited (with retryAfter and Retry-After)",
            "500", "internal_error (with error_id)");

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI conductorOpenApi(@Value("${conductor.version:1.0.0}") String version) {
        return new OpenAPI()
                .info(new Info()
                        .title("Engagement Conductor API")
                        .version(version)
                        .description("REST API of the Engagement Conductor. Errors are RFC 9457 problems"
                                + " (application/problem+json) whose code is stable."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("HS256 JWT signed with JWT_SECRET (contracts §3.1)")));
    }

    /** Summary, bodies, security and error answers of each documented handler. */
    @Bean
    OperationCustomizer conductorOperations() {
        return (operation, handler) -> {
            ApiOperations.of(handler.getBeanType(), handler.getMethod().getName())
                    .ifPresent(doc -> describe(operation, handler, doc));
            return operation;
        };
    }

    /** Path variables in the contracts' snake_case, and the wire schemas as the only components. */
    @Bean
    OpenApiCustomizer conductorPaths() {
        return openApi -> {
            Paths renamed = new Paths();
            new TreeMap<>(openApi.getPaths()).forEach((path, item) -> {
                renameParameters(item);
                renamed.addPathItem(snakeVariables(path), item);
            });
            openApi.setPaths(renamed);
            openApi.getComponents().setSchemas(new TreeMap<>(WireSchemas.all()));
        };
    }

    private static void describe(Operation operation, HandlerMethod handler, ApiOperations.Doc doc) {
        operation.summary(doc.summary()).tags(List.of(doc.tag()));
        if (doc.request() != null) {
            operation.requestBody(new RequestBody()
                    .required(doc.requestRequired())
                    .content(new Content()
                            .addMediaType("application/json", new MediaType().schema(Schemas.ref(doc.request())))));
        } else {
            operation.requestBody(null);
        }
        Content success =
                new Content().addMediaType("application/json", new MediaType().schema(Schemas.ref(doc.response())));
        if (doc.csv()) {
            parameter(operation, "format")
                    .ifPresent(p -> p.schema(Schemas.enumOf("json", "csv")._default("json")));
            success.addMediaType(
                    ApiOperations.CSV,
                    new MediaType().schema(Schemas.string().description("RFC 4180, CRLF, no BOM (behaviour R9.1)")));
        }
        ApiResponses responses = new ApiResponses()
                .addApiResponse(
                        String.valueOf(doc.status()),
                        new ApiResponse().description("OK").content(success));
        if (handler.hasMethodAnnotation(Access.class)) {
            operation.security(List.of(new SecurityRequirement().addList(BEARER)));
            Map<String, List<String>> errors = new TreeMap<>();
            SHARED_ERRORS.forEach((status, codes) ->
                    errors.computeIfAbsent(status, s -> new ArrayList<>()).add(codes));
            if (doc.request() != null) {
                errors.computeIfAbsent("413", s -> new ArrayList<>()).add("payload_too_large (bodies over 1 MiB)");
                errors.computeIfAbsent("415", s -> new ArrayList<>()).add("unsupported_media_type");
            }
            for (String error : doc.errors()) {
                String[] statusAndCode = error.split(" ", 2);
                errors.computeIfAbsent(statusAndCode[0], s -> new ArrayList<>()).add(statusAndCode[1]);
            }
            errors.forEach((status, codes) -> responses.addApiResponse(status, problem(String.join("; ", codes))));
        } else if (doc.response().equals("Health")
                && handler.getMethod().getName().equals("ready")) {
            responses.addApiResponse(
                    "503",
                    new ApiResponse()
                            .description("unhealthy, with failing")
                            .content(new Content()
                                    .addMediaType("application/json", new MediaType().schema(Schemas.ref("Health")))));
        }
        operation.responses(responses);
    }

    private static java.util.Optional<Parameter> parameter(Operation operation, String name) {
        return operation.getParameters() == null
                ? java.util.Optional.empty()
                : operation.getParameters().stream()
                        .filter(p -> name.equals(p.getName()))
                        .findFirst();
    }

    private static ApiResponse problem(String codes) {
        return new ApiResponse()
                .description(codes)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json", new MediaType().schema(Schemas.ref(WireSchemas.PROBLEM))));
    }

    private static void renameParameters(PathItem item) {
        for (Operation operation : item.readOperations()) {
            if (operation.getParameters() == null) {
                continue;
            }
            for (Parameter p : operation.getParameters()) {
                if ("path".equals(p.getIn())) {
                    p.setName(snake(p.getName()));
                    p.setSchema(pathSchema(p.getName()));
                }
            }
        }
    }

    private static Schema<Object> pathSchema(String name) {
        return name.equals("decision_id") || name.equals("simulation_id") ? Schemas.uuid() : Schemas.id();
    }

    static String snakeVariables(String path) {
        Matcher m = PATH_VARIABLE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("{" + snake(m.group(1)) + "}"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
