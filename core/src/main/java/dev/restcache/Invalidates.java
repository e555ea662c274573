package dev.restcache;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Evicts more than the request's own path when the annotated method answers 2xx or 3xx.
 *
 * <p>Every successful POST, PUT, PATCH or DELETE already evicts every cached variant of its own
 * path; this annotation adds tags and other paths. Both may name path parameters in braces,
 * resolved from the request: {@code @Invalidates(tags = "book:{id}", paths = "/books")}.
 */
@Documented
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Invalidates {

  /** {@return the tags whose entries are evicted; see {@link Cached#tags()}} */
  String[] tags() default {};

  /**
   * {@return the absolute request paths whose entries are evicted, every query string and variant
   * included} Paths as the client sends them, e.g. {@code /api/books}.
   */
  String[] paths() default {};
}
