package dev.restcache.internal;

/** What a store entry's payload holds: a response, or the {@code Vary} index in front of one. */
public sealed interface StoredValue permits StoredResponse, VariantIndex {}
