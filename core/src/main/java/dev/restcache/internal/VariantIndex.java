package dev.restcache.internal;

import dev.restcache.internal.http.VarySpec;

/**
 * Stored under a URI's primary key when its response varies: names the request headers whose
 * values select the variant, so a lookup needs at most one more store round trip.
 */
public record VariantIndex(VarySpec vary) implements StoredValue {
}
