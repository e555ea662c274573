package dev.restcache;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps a resource's responses out of every cache, restcache's and the client's.
 *
 * <p>The response gets {@code Cache-Control: max-age=0, no-cache, no-store, must-revalidate,
 * private} and an {@code Expires} in the past, and is never stored, even when the feature caches
 * every GET resource ({@code cacheAll}). Combining it with {@link Cached} on the same method fails
 * the deployment.
 */
@Documented
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NeverCache {}
