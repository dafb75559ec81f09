package com.engagementconductor.api.web;

import com.engagementconductor.api.ratelimit.RateLimiter;
import com.engagementconductor.shared.auth.Tokens;
import com.engagementconductor.shared.web.ClientAddress;
import com.engagementconductor.shared.web.CorsOrigins;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers rate limiting and authentication for {@code /api/v1}, the caller argument, CORS (contracts §4.0) and
 * the root redirect.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {
    private final Tokens tokens;
    private final RateLimiter rateLimiter;
    private final ClientAddress clientAddress;
    private final List<String> origins;

    WebConfiguration(
            Tokens tokens,
            RateLimiter rateLimiter,
            ClientAddress clientAddress,
            @Value("${conductor.cors.origins:}") String corsOrigins,
            @Value("${server.port:8003}") int port) {
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.clientAddress = clientAddress;
        this.origins = origins(corsOrigins, port);
    }

    /** Rate limiting first, so that requests answered 401 consume their IP's bucket (contracts §6). */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RateLimitInterceptor(rateLimiter, tokens, clientAddress))
                .addPathPatterns("/api/v1/**");
        registry.addInterceptor(new AuthInterceptor(tokens)).addPathPatterns("/api/v1/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/**")
                .allowedOriginPatterns(origins.toArray(String[]::new))
                .allowCredentials(true)
                .allowedMethods("GET", "POST", "PUT", "DELETE", "OPTIONS")
                .allowedHeaders("Authorization", "Content-Type", "Accept")
                .exposedHeaders(
                        "RateLimit-Limit",
                        "RateLimit-Remaining",
                        "RateLimit-Reset",
                        "Retry-After",
                        "Content-Disposition")
                .maxAge(600);
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/dashboard/");
        registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
    }

    /** {@code CORS_ORIGINS} as a comma list or JSON array; by default the prior dashboard and our own origins. */
    static List<String> origins(String configured, int port) {
        return CorsOrigins.of(configured, port).patterns();
    }
}
