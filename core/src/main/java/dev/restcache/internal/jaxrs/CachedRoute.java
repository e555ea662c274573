package dev.restcache.internal.jaxrs;

import dev.restcache.internal.CacheKeys;
import dev.restcache.internal.Headers;
import dev.restcache.internal.ResourcePath;
import dev.restcache.internal.VariantIndex;
import dev.restcache.internal.http.CacheDirectives;
import dev.restcache.internal.http.VarySpec;
import java.time.Duration;
import java.util.List;

/**
 * What {@code @Cached} (or application-wide caching) and the method's declaration say about one
 * cached resource method.
 *
 * @param ttl freshness for responses that declare none; zero to store only declared freshness
 * @param tagTemplates tags, with {@code {param}} placeholders
 * @param keyed the request headers the response depends on: {@code @Cached(vary)} and what the
 *     method reads ({@link MethodInputs})
 * @param cookies the anonymous cookies the method reads, keyed on their values
 * @param personalised whether a request with credentials must not use the cache at all
 * @param resourcePath the method's template, which gives the path entries are indexed by; null to
 *     index by the request path
 * @param cacheControl what {@code @CacheControl} merges into the method's responses; {@link
 *     CacheDirectives#NONE} for none
 */
record CachedRoute(
    Duration ttl,
    List<String> tagTemplates,
    VarySpec keyed,
    List<String> cookies,
    boolean personalised,
    ResourcePath resourcePath,
    CacheDirectives cacheControl) {

  /**
   * The {@code Cache-Control} a response with {@code status} and the resource's own {@code
   * resourceCacheControl} is sent with, as {@link CacheControlFilter} merges it; null when the
   * method has no {@code @CacheControl}.
   */
  String sentCacheControl(int status, List<String> resourceCacheControl) {
    if (cacheControl.equals(CacheDirectives.NONE)) {
      return null;
    }
    CacheDirectives added = status >= 400 ? cacheControl.withoutFreshness() : cacheControl;
    return CacheDirectives.parse(resourceCacheControl).merge(added).toHeaderValue();
  }

  /** The {@code Vary} the response gets: what is keyed, and {@code Cookie} for cookies. */
  VarySpec sentVary() {
    return cookies.isEmpty() ? keyed : keyed.with(List.of("cookie"));
  }

  /** The canonical path entries for {@code rawPath} are indexed by. */
  String resourcePath(String rawPath) {
    String canonical = CacheKeys.path(rawPath);
    String resource = resourcePath == null ? null : resourcePath.resourcePath(canonical);
    return resource != null ? resource : canonical;
  }

  /**
   * What selects a stored variant: the {@code Vary} the resource and the filters sent, plus what
   * the method reads. The {@code Cookie} the cache added for keyed cookies is left out: those
   * cookies are keyed by value, not the whole header.
   */
  VariantIndex variants(Headers resource, Headers sent) {
    VarySpec own = VarySpec.parse(resource.all("Vary"));
    VarySpec all = own.with(VarySpec.parse(sent.all("Vary")).fieldNames()).with(keyed.fieldNames());
    if (!cookies.isEmpty() && !own.fieldNames().contains("cookie")) {
      all = all.without("cookie");
    }
    return new VariantIndex(all, cookies);
  }
}
