package dev.restcache;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Answers a GET resource method (or every GET method of a resource class) from the cache.
 *
 * <p>The response's own freshness ({@code s-maxage}, {@code max-age}, {@code Expires}) decides how
 * long it stays fresh; {@link #ttl()} applies only when the response declares none and its status
 * is heuristically cacheable and successful (200, 203, 204, 300, 301, 308). Responses that must not
 * be shared ({@code no-store}, {@code private}, {@code Set-Cookie}, {@code Vary: *}, answers to
 * requests with credentials that do not say {@code public} or {@code s-maxage}, errors the resource
 * did not make fresh itself) are served but never stored.
 *
 * <p>The key holds what the method reads: {@code Accept} when it can produce several media types,
 * every {@code @HeaderParam}, the value of every {@code @CookieParam}; these are added to the
 * response's {@code Vary}.
 *
 * <pre>{@code
 * @GET @Path("{id}") @Cached(ttl = 60, tags = {"books", "book:{id}"})
 * public Book get(@PathParam("id") long id) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Cached {

  /** Marks {@link #ttl()} as unset: the feature's default TTL applies. */
  long DEFAULT_TTL = -1;

  /**
   * {@return the seconds a response that declares no freshness of its own stays fresh} {@code 0}
   * stores only responses that declare their own freshness. Defaults to the feature's default TTL.
   */
  long ttl() default DEFAULT_TTL;

  /**
   * {@return the tags attached to the stored response} They are for {@link
   * ResponseCache#invalidateTags(String...)} and {@link Invalidates#tags()}. A tag may name path
   * parameters in braces, {@code "book:{id}"}, which are replaced by the request's values.
   */
  String[] tags() default {};

  /**
   * {@return the request headers the response depends on, beyond those its own {@code Vary} names}
   * They are added to the response's {@code Vary} and become part of the cache key.
   */
  String[] vary() default {};

  /**
   * {@return whether the response is the same for every user although the method injects the {@code
   * SecurityContext} (for logging, say)} Without it such a method is personalised: a request with
   * credentials ({@code Authorization}, a cookie, a credential header, a principal) neither reads
   * nor fills its cache entry, whatever the response's {@code Cache-Control}. Default: false.
   */
  boolean identityIndependent() default false;
}
