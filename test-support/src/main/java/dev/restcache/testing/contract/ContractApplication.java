package dev.restcache.testing.contract;

import dev.restcache.ResponseCacheFeature;
import dev.restcache.spi.CacheStore;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a runtime starts for the contract suite: {@link #feature()} registered, the resource and
 * provider {@link #classes()}, and the resources the application built itself ({@link
 * #singletons()}). A runtime that cannot take these objects (one whose application runs in another
 * class loader or process) starts the same classes with restcache configured as {@link #configure}
 * says.
 */
public final class ContractApplication {
  /**
   * How long a request waits for another filling the same entry. Long, so that a request held by a
   * fill its leader left behind would exceed every client timeout of the suite.
   */
  public static final Duration COLLAPSE_TIMEOUT = Duration.ofSeconds(30);

  /** The cookie the application declares anonymous. */
  public static final String ANONYMOUS_COOKIE = "lang";

  private final ResponseCacheFeature feature;
  private final Set<Class<?>> classes;
  private final Set<Object> singletons;

  private ContractApplication(
      ResponseCacheFeature feature, Set<Class<?>> classes, Set<Object> singletons) {
    this.feature = feature;
    this.classes = Set.copyOf(classes);
    this.singletons = Set.copyOf(singletons);
  }

  /** The application for a runtime that hands out the cache's handle in {@code ways}. */
  public static ContractApplication of(Set<HandleInjection> ways) {
    return around(configure(ResponseCacheFeature.builder()).build(), ways);
  }

  /**
   * The application for a runtime that hands out the cache's handle in {@code ways}, keeping its
   * entries in {@code store}, which other instances may share.
   */
  public static ContractApplication of(Set<HandleInjection> ways, CacheStore store) {
    return around(configure(ResponseCacheFeature.builder()).store(store).build(), ways);
  }

  private static ContractApplication around(
      ResponseCacheFeature feature, Set<HandleInjection> ways) {
    Set<Class<?>> classes =
        new LinkedHashSet<>(
            Set.of(
                ContractBooks.class,
                CountersResource.class,
                FailingResponseFilter.class,
                ArrivalCounter.class,
                MissingBookMapper.class));
    Set<Object> singletons = new LinkedHashSet<>();
    if (ways.contains(HandleInjection.CONTEXT)) {
      classes.add(ContextHandleResource.class);
    }
    if (ways.contains(HandleInjection.CDI)) {
      classes.add(CdiHandleResource.class);
    }
    if (ways.contains(HandleInjection.FEATURE)) {
      singletons.add(new FeatureHandleResource(feature.cache()));
    }
    return new ContractApplication(feature, classes, singletons);
  }

  /**
   * The contract's settings on {@code builder}: a {@link #COLLAPSE_TIMEOUT} of 30 seconds and the
   * {@link #ANONYMOUS_COOKIE}; every other setting is the default.
   */
  public static ResponseCacheFeature.Builder configure(ResponseCacheFeature.Builder builder) {
    return builder.collapseTimeout(COLLAPSE_TIMEOUT).anonymousCookies(ANONYMOUS_COOKIE);
  }

  /** The feature to register. */
  public ResponseCacheFeature feature() {
    return feature;
  }

  /** Resource and provider classes, which the runtime instantiates. */
  public Set<Class<?>> classes() {
    return classes;
  }

  /** Resources the application built itself, to register as they are. */
  public Set<Object> singletons() {
    return singletons;
  }
}
