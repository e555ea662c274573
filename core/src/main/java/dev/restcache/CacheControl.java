package dev.restcache;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds directives to the response's {@code Cache-Control} header (RFC 9111 §5.2.2).
 *
 * <p>Directives are merged into what the resource already set rather than replacing it: flags are
 * added, and where both set {@code max-age} (or {@code s-maxage}, or a stale window) the smaller
 * value wins. Numeric members below zero are unset. This annotation never stores anything by
 * itself; combine it with {@link Cached} for that. Setting both {@link #isPrivate()} and {@link
 * #isPublic()} fails the deployment.
 */
@Documented
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CacheControl {

  /** {@return {@code max-age} in seconds; negative means unset} */
  long maxAge() default -1;

  /** {@return {@code s-maxage} in seconds (shared caches only); negative means unset} */
  long sMaxAge() default -1;

  /** {@return whether to add {@code no-cache}: caches must revalidate before every reuse} */
  boolean noCache() default false;

  /** {@return whether to add {@code no-store}: no cache may store the response} */
  boolean noStore() default false;

  /**
   * {@return whether to add {@code no-transform}: intermediaries must not transform the content}
   */
  boolean noTransform() default false;

  /**
   * {@return whether to add {@code must-revalidate}: once stale, never served without revalidation}
   * Also lets a shared cache reuse an answer to a request with {@code Authorization} (RFC 9111
   * §3.5), but not one to a request identified by a cookie, a credential header or a principal.
   */
  boolean mustRevalidate() default false;

  /**
   * {@return whether to add {@code proxy-revalidate}: {@code must-revalidate} for shared caches
   * only}
   */
  boolean proxyRevalidate() default false;

  /**
   * {@return whether to add {@code private}: only the user's own cache may store it; restcache will
   * not}
   */
  boolean isPrivate() default false;

  /**
   * {@return whether to add {@code public}: any cache may store it, even for a request with
   * credentials} Not for a method that reads the {@code SecurityContext}, unless it is
   * {@code @Cached(identityIndependent = true)}.
   */
  boolean isPublic() default false;

  /**
   * {@return whether to add {@code immutable}: the content never changes while fresh (RFC 8246)}
   */
  boolean immutable() default false;

  /**
   * {@return the {@code stale-while-revalidate} window in seconds (RFC 5861); negative means unset}
   */
  long staleWhileRevalidate() default -1;

  /** {@return the {@code stale-if-error} window in seconds (RFC 5861); negative means unset} */
  long staleIfError() default -1;
}
