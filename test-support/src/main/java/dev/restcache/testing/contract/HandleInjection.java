package dev.restcache.testing.contract;

/** A way the application reaches the cache's handle, {@code ResponseCache}. */
public enum HandleInjection {
  /** {@code @Context ResponseCache}, through the runtime's own context injection. */
  CONTEXT("context"),
  /** {@code feature.cache()}, passed by the application to a resource it builds. */
  FEATURE("feature"),
  /** {@code @Inject ResponseCache}, where CDI runs. */
  CDI("cdi");

  private final String segment;

  HandleInjection(String segment) {
    this.segment = segment;
  }

  /** The path of the resource that evicts {@code tag} through a handle reached this way. */
  public String invalidationPath(String tag) {
    return "/contract/handles/" + segment + "/" + tag;
  }
}
